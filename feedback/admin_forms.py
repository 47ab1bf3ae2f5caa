"""Admin forms: every choice a staff member is offered stays within their scope."""

from django import forms
from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from home.models import Organization
from home.scoping import is_platform_admin, scope_queryset, user_organization_keys

from .models import DigestSubscription, Improvement, Service


def organizations_of(user):
    organizations = Organization.objects.all()
    if is_platform_admin(user):
        return organizations
    return organizations.filter(translation_key__in=user_organization_keys(user))


def limit_choices(form, name, queryset):
    """A plain select of the allowed rows, in place of a chooser that lists them all."""
    field = form.fields.get(name)
    if field is None:
        return
    field.queryset = queryset
    field.widget = forms.Select()
    field.widget.choices = field.choices


class TriageForm(WagtailAdminModelForm):
    """Assign to a colleague of the entry's organization, link to its improvements."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.instance.organization
        limit_choices(self, "assignee", self._colleagues(organization))
        limit_choices(self, "improvement", self._improvements(organization))

    def _colleagues(self, organization):
        users = get_user_model().objects.filter(is_active=True)
        if organization is None:
            return users.filter(pk=getattr(self.for_user, "pk", None))
        return users.filter(
            organizations__translation_key=organization.translation_key
        ).distinct()

    def _improvements(self, organization):
        improvements = Improvement.objects.select_related("service")
        if organization is None:
            return improvements.none()
        return improvements.filter(
            service__organization__translation_key=organization.translation_key,
            locale=Locale.get_default(),
        )


class ServiceForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            # Services name their organization in the original language.
            organizations = organizations_of(self.for_user)
            limit_choices(
                self, "organization", organizations.filter(locale=Locale.get_default())
            )


class ImprovementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            services = scope_queryset(
                Service.objects.all(), self.for_user, "organization"
            )
            limit_choices(self, "service", services.filter(locale=Locale.get_default()))


class DigestSubscriptionForm(forms.ModelForm):
    class Meta:
        model = DigestSubscription
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
