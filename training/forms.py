"""Admin form of course pages: the provider is one of the editor's organizations."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from home.models import Organization
from home.scoping import is_platform_admin, user_organization_keys


class CoursePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("provider")
        if field is None or for_user is None:
            return
        providers = Organization.objects.all()
        if self.instance.locale_id:
            providers = providers.filter(locale_id=self.instance.locale_id)
        if not is_platform_admin(for_user):
            keys = user_organization_keys(for_user)
            providers = providers.filter(translation_key__in=keys)
        field.queryset = providers.order_by("name")
        field.widget = forms.Select(choices=field.choices)
