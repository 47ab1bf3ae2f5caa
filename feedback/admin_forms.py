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


class TriageForm(WagtailAdminModelForm):
    """Assign to a colleague of the entry's organization, link to its improvements."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.instance.organization
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = self._colleagues(organization)
        if "improvement" in self.fields:
            self.fields["improvement"].queryset = self._improvements(organization)

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
        if self.for_user is not None and "organization" in self.fields:
            # Services name their organization in the original language.
            self.fields["organization"].queryset = organizations_of(
                self.for_user
            ).filter(locale=Locale.get_default())


class ImprovementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "service" in self.fields:
            self.fields["service"].queryset = scope_queryset(
                Service.objects.all(), self.for_user, "organization"
            )


class DigestSubscriptionForm(forms.ModelForm):
    class Meta:
        model = DigestSubscription
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
