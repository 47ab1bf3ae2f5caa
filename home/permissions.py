"""Model permissions narrowed to the user's organizations (see home.scoping).

Wagtail's generic views check model permissions ("may change this entry");
these policies add "...of this organization", for listings, choosers, bulk actions
and the views that open one object. `ScopedViewSet` is a snippet viewset whose every
view keeps to them.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

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


class ScopedObjectMixin:
    """For views that open one object: refuse objects of another organization."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.in_scope(self.request.user, instance):
            raise PermissionDenied
        return instance


class ScopedIndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return self.permission_policy.scope(queryset, self.request.user)


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


class ScopedViewSet(SnippetViewSet):
    """A snippet viewset whose every view stays within the user's organizations.

    Register the model's OrganizationScopedPolicy first
    (`wagtail.permissions.register_permission_policy`).
    """

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    copy_view_enabled = False
