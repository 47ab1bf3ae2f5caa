"""Model permissions narrowed to the user's organizations (see home.scoping).

Wagtail's generic views check model permissions ("may change this entry");
these policies add "...of this organization", for listings, choosers, bulk actions
and every view that opens one object. `ScopedViewSet` is a snippet viewset whose
every view keeps to them: the views that open one object (edit, delete, copy,
history, usage, inspect, revisions, preview, lock, workflow…) are wrapped as they
are built, so that a view Wagtail adds later is scoped too, and its chooser lists
and returns only the user's organizations' objects.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_forms import limit_to_user_scope, narrow_choice_field
from home.scoping import scope_queryset


class OrganizationScopedPolicy(ModelPermissionPolicy):
    def __init__(self, model, organization_path):
        super().__init__(model)
        self.organization_path = organization_path

    def scope(self, queryset, user):
        return scope_queryset(queryset, user, self.organization_path)

    def in_scope(self, user, instance):
        same_row = self.model._default_manager.filter(pk=instance.pk)
        return self.scope(same_row, user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.in_scope(
            user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(self.model._default_manager.all(), user)


def scoped_policy(model):
    """The model's OrganizationScopedPolicy, or None for unscoped models."""
    policy = policy_registry.get_by_type(model, fallback=False)
    return policy if isinstance(policy, OrganizationScopedPolicy) else None


def scope_for_user(queryset, user):
    """`queryset` narrowed by its model's registered policy (unchanged if none)."""
    policy = scoped_policy(queryset.model)
    return policy.scope(queryset, user) if policy else queryset


class ScopedObjectMixin:
    """For views that open one object: refuse objects of another organization.

    Wagtail's views differ in signature (`get_object(self)` in history and usage,
    `get_object(self, queryset=None)` elsewhere): pass through whatever they take.
    """

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = scoped_policy(type(instance))
        if policy is not None and not policy.in_scope(self.request.user, instance):
            raise PermissionDenied
        return instance


def scoped_view_class(view_class):
    """`view_class`, refusing another organization's object if it opens one."""
    if not hasattr(view_class, "get_object") or issubclass(
        view_class, ScopedObjectMixin
    ):
        return view_class
    return type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})


class ScopedIndexView(snippet_views.IndexView):
    """The listing, its search, filters and CSV/XLSX exports: one queryset; the
    filters offer only the user's organizations' choices (a call, a service…)."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return scope_for_user(queryset, self.request.user)

    @cached_property
    def filters(self):
        filters = super().filters
        for field in filters.form.fields.values() if filters is not None else []:
            if isinstance(field, forms.ModelChoiceField):
                narrow_choice_field(field, self.request.user, pages=True)
        return filters


class ScopedEditView(ScopedObjectMixin, snippet_views.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedChooseMixin:
    """Scope after the search: the search backend cannot filter on the path to
    an organization, so it searches every row and the results are narrowed to
    the user's scope (the first SEARCH_LIMIT matches)."""

    SEARCH_LIMIT = 500

    def filter_object_list(self, objects):
        objects = super().filter_object_list(objects)
        if not isinstance(objects, QuerySet):
            matches = [result.pk for result in objects[: self.SEARCH_LIMIT]]
            objects = self.model_class._default_manager.filter(pk__in=matches)
            objects = self.apply_object_list_ordering(objects)
        return scope_for_user(objects, self.request.user)


class ScopedChooseView(ScopedChooseMixin, chooser_views.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooseMixin, chooser_views.ChooseResultsView):
    pass


class ScopedChosenView(chooser_views.SnippetChosenView):
    def get_object(self, pk):
        objects = scope_for_user(self.model_class.objects.all(), self.request.user)
        try:
            return objects.get(pk=pk)
        except (TypeError, ValueError, ValidationError) as error:
            raise Http404 from error


class ScopedChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        objects = scope_for_user(self.model_class.objects.all(), self.request.user)
        try:
            return objects.filter(pk__in=pks)
        except (TypeError, ValueError, ValidationError) as error:
            raise Http404 from error


class ScopedChooserViewSet(SnippetChooserViewSet):
    """The chooser of a scoped snippet: lists, searches and returns only the
    user's organizations' objects (a page's survey chooser among them)."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class ScopedViewSet(SnippetViewSet):
    """A snippet viewset whose every view stays within the user's organizations.

    Register the model's OrganizationScopedPolicy first
    (`wagtail.permissions.register_permission_policy`). The add, edit and copy
    forms offer, and accept, only the user's organizations (and only the scoped
    objects of theirs in any other choice field).
    """

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    chooser_viewset_class = ScopedChooserViewSet
    copy_view_enabled = False
    # The search backend cannot filter on the path to an organization: the
    # listing's search filters the scoped queryset in SQL instead.
    search_backend_name = None

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class), **kwargs)

    def get_form_class(self, for_update=False):
        return limit_to_user_scope(super().get_form_class(for_update))
