"""Public forms of the Vitrine, and the admin form of measured benefits."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.cleaning import CleanTextFormMixin
from home.scoping import scope_queryset

from .models import CallSubmission, ExpectedBenefit


def https_by_default(db_field, **kwargs):
    """An address typed without its scheme is taken as https (Django 6's default,
    chosen now: Django 5.2 warns on every start otherwise)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class SubmissionForm(CleanTextFormMixin, forms.ModelForm):
    """A team's submission to a call. `website` is a trap left empty by people."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organizers keep these details to contact me about "
            "this call."
        ),
        required=True,
    )

    class Meta:
        model = CallSubmission
        formfield_callback = https_by_default
        fields = [
            "project_name",
            "team",
            "description",
            "link",
            "contact_name",
            "contact_email",
            "consent",
        ]
        widgets = {
            "team": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "team": _("Names of the team members, one per line."),
            "link": _("A prototype, a repository or a presentation (optional)."),
        }

    def __init__(self, *args, **kwargs):
        # The limits of team and description come from the model's max_length.
        super().__init__(*args, **kwargs)
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()


class MeasurementForm(WagtailAdminModelForm):
    """Admin form: the benefit is chosen among the user's organizations' projects."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["benefit"]
        field.queryset = benefits_of(self.for_user)
        field.label_from_instance = _benefit_label
        field.widget = forms.Select()
        field.widget.choices = field.choices


def benefits_of(user):
    if user is None:
        return ExpectedBenefit.objects.none()
    benefits = ExpectedBenefit.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).select_related("page")
    return scope_queryset(benefits, user, "page__organizations").order_by(
        "page__title", "sort_order"
    )


def _benefit_label(benefit):
    return f"{benefit.page.title} — {benefit.indicator} ({benefit.unit})"
