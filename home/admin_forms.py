"""Admin forms that offer, and accept, only what the user's organizations own.

A choice field that points at an Organization lists the user's organizations
(every organization for administrators); one that points at a model scoped by an
OrganizationScopedPolicy (a page's survey, an entry's service…) lists that model's
objects in the user's scope. The narrowed queryset is also what the field
validates against, so a forged POST naming another organization's row is refused
with the field's usual "not one of the available choices" message.
"""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import BaseChooser
from wagtail.models import Locale, TranslatableMixin

from home.scoping import is_platform_admin, user_organization_keys


def organizations_for(user):
    """The organizations a user may give as owner, in the default language."""
    from home.models import Organization

    organizations = Organization.objects.filter(locale=Locale.get_default())
    if is_platform_admin(user):
        return organizations
    return organizations.filter(translation_key__in=user_organization_keys(user))


def _allowed(field, user, pages):
    from wagtail.models import Page

    from home.models import Organization
    from home.permissions import scoped_policy
    from home.scoping import exclude_pages_outside_scope

    model = field.queryset.model
    if model is Organization:
        return organizations_for(user)
    if pages and issubclass(model, Page):
        return exclude_pages_outside_scope(field.queryset, user)
    policy = scoped_policy(model)
    if policy is None:
        return None
    return policy.scope(field.queryset, user)


def narrow_choice_field(field, user, pages=False, current=()):
    """Narrow a model choice field to what `user` may pick (see above).

    `pages`: also leave out pages owned by another organization (a snippet's
    link to a project); a page linking to another organization's public page
    keeps every page.
    """
    allowed = _allowed(field, user, pages)
    if allowed is None:
        return
    field.queryset = _with_current(allowed, current)
    is_organization = allowed.model._meta.label == "home.Organization"
    if is_organization and isinstance(field.widget, BaseChooser):
        # A plain list of the user's organizations, not a chooser of all.
        multiple = isinstance(field, forms.ModelMultipleChoiceField)
        widget = forms.SelectMultiple if multiple else forms.Select
        field.widget = widget(choices=field.choices)


def _with_current(allowed, current):
    """Keep the value the object already has: editing must not invalidate it."""
    if not current:
        return allowed
    model = allowed.model
    return model._default_manager.filter(
        Q(pk__in=allowed.values("pk")) | Q(pk__in=current)
    )


class OrganizationScopedFormMixin:
    narrow_pages = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None:
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                narrow_choice_field(
                    field, user, self.narrow_pages, self._current_pks(name)
                )
                self._narrow_to_language(name, field)

    def _narrow_to_language(self, name, field):
        """A page's themes (any translatable choice but its organization, which is
        chosen in the default language) are offered in the page's language only."""
        from wagtail.models import Page

        from home.models import Organization

        model = field.queryset.model
        locale_id = getattr(getattr(self, "instance", None), "locale_id", None)
        if (
            locale_id is None
            or not issubclass(model, TranslatableMixin)
            or issubclass(model, Organization | Page)
            or not isinstance(self, WagtailAdminPageForm)
        ):
            return
        field.queryset = _with_current(
            field.queryset.filter(locale_id=locale_id), self._current_pks(name)
        )

    def _current_pks(self, name):
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return []
        value = getattr(instance, name, None)
        if hasattr(value, "all"):  # a many-to-many manager
            # Not values_list: the page being edited is its latest revision, whose
            # many-to-many values are modelcluster's in-memory list, not a query.
            return [item.pk for item in value.all()]
        return [value.pk] if value is not None else []


def limit_to_user_scope(form_class, narrow_pages=True):
    """`form_class`, narrowed as above (once)."""
    if issubclass(form_class, OrganizationScopedFormMixin):
        return form_class
    return type(
        form_class.__name__,
        (OrganizationScopedFormMixin, form_class),
        {"narrow_pages": narrow_pages},
    )


class OrganizationScopedAdminForm(OrganizationScopedFormMixin, WagtailAdminModelForm):
    pass


class OrganizationScopedPageForm(OrganizationScopedFormMixin, WagtailAdminPageForm):
    """Base form of the pages an organization owns (OrganizationOwnedPageMixin)."""

    narrow_pages = False
