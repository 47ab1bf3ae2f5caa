"""The admin form of project pages (imported by the model: no Vitrine import here)."""

from wagtail.admin.forms import WagtailAdminPageForm

from home.models import Organization, Theme
from home.scoping import is_platform_admin, user_organization_keys


class ProjectPageForm(WagtailAdminPageForm):
    """Organizations and themes offered in the page's language; an organization
    editor may only give the project their own organizations (plus those it has)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(
            self.parent_page, "locale_id", None
        )
        current = self.instance.pk and self.instance.organizations.all()
        organizations = Organization.objects.filter(locale_id=locale_id)
        user = self.for_user
        if user is not None and not is_platform_admin(user):
            keys = user_organization_keys(user)
            organizations = organizations.filter(translation_key__in=keys)
        self._offer("organizations", organizations, current)
        current_themes = self.instance.pk and self.instance.themes.all()
        self._offer("themes", Theme.objects.filter(locale_id=locale_id), current_themes)

    def _offer(self, name, queryset, current):
        if name not in self.fields:
            return
        if current:
            queryset = queryset | queryset.model.objects.filter(
                pk__in=[row.pk for row in current]
            )
        self.fields[name].queryset = queryset.distinct()
