"""Admin forms of the lab: a study's criteria and balance, within the user's scope."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.models import Organization
from home.scoping import is_platform_admin, user_organization_keys

from .choices import CRITERIA, CRITERIA_LABELS, choices_of


def organizations_of(user):
    organizations = Organization.objects.filter(locale__language_code="fr")
    if is_platform_admin(user):
        return organizations
    return organizations.filter(translation_key__in=user_organization_keys(user))


def criterion_field(criterion):
    return f"criteria_{criterion}"


class StudyForm(WagtailAdminModelForm):
    """Criteria are one checkbox list per panel field; none ticked means "any"."""

    balance = forms.MultipleChoiceField(
        label=_("Balance the invitations across"),
        choices=[(criterion, CRITERIA_LABELS[criterion]) for criterion in CRITERIA],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The members proposed are spread as evenly as possible across the "
            "values of these fields."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.fields.get("organization")
        if organization is not None:
            organization.queryset = organizations_of(self.for_user)
            organization.widget = forms.Select(choices=organization.choices)
        criteria = self.instance.criteria or {}
        for criterion in CRITERIA:
            self.fields[criterion_field(criterion)].initial = criteria.get(
                criterion, []
            )
        self.fields["balance"].initial = self.instance.balance_on or []

    def save(self, commit=True):
        self.instance.criteria = {
            criterion: values
            for criterion in CRITERIA
            if (values := self.cleaned_data.get(criterion_field(criterion)))
        }
        self.instance.balance_on = self.cleaned_data.get("balance", [])
        if not self.instance.created_by_id and self.for_user:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


for _criterion in CRITERIA:
    StudyForm.base_fields[criterion_field(_criterion)] = forms.MultipleChoiceField(
        label=CRITERIA_LABELS[_criterion],
        choices=choices_of(_criterion),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    StudyForm.declared_fields[criterion_field(_criterion)] = StudyForm.base_fields[
        criterion_field(_criterion)
    ]


class OrganizationLabSettingsForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organization = self.fields.get("organization")
        if organization is not None:
            organization.queryset = organizations_of(self.for_user)
            organization.widget = forms.Select(choices=organization.choices)


class RecruitForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many members to propose"), min_value=1, max_value=200
    )
