import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.cleaning import CleanTextFormMixin

from .choices import (
    ASSISTIVE,
    AVAILABILITY,
    DEVICES,
    MULTI_FIELDS,
    PARTICIPATION,
    AgeRange,
    DigitalComfort,
    Language,
    Region,
)
from .models import retention_days

NOT_SAID = [("", _("I prefer not to say"))]
MOBILE_DIGITS = re.compile(r"^1?(\d{10})$")


def _multi(label, rows):
    return forms.MultipleChoiceField(
        label=label,
        choices=[(value, label) for value, _column, label in rows],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def _single(label, choices):
    return forms.ChoiceField(
        label=label, choices=NOT_SAID + list(choices), required=False
    )


class MemberProfileForm(CleanTextFormMixin, forms.Form):
    """The panel's profile: everything optional except a way to reach the member."""

    first_name = forms.CharField(label=_("First name"), max_length=80, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    mobile = forms.CharField(
        label=_("Mobile phone number"),
        required=False,
        max_length=20,
        help_text=_("For text messages. 10 digits, for example 514 555-0123."),
    )
    region = _single(_("Region of Québec where you live"), Region.choices)
    age_range = _single(_("Age range"), AgeRange.choices)
    language = _single(_("Preferred language"), Language.choices)
    digital_comfort = _single(_("Comfort with digital tools"), DigitalComfort.choices)
    assistive = _multi(_("Assistive technologies you use"), ASSISTIVE)
    devices = _multi(_("Devices you use"), DEVICES)
    availability = _multi(_("When you are available"), AVAILABILITY)
    participation = _multi(_("How you can take part"), PARTICIPATION)

    def clean_mobile(self):
        digits = re.sub(r"[\s().+-]", "", self.cleaned_data["mobile"])
        if not digits:
            return ""
        match = MOBILE_DIGITS.match(digits)
        if match is None:
            raise forms.ValidationError(
                _("Enter a 10-digit number, for example 514 555-0123.")
            )
        return f"+1{match.group(1)}"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_assistive(self):
        chosen = self.cleaned_data["assistive"]
        if "none" in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                _("Choose “None” alone, or the technologies you use.")
            )
        return chosen

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("mobile")
            and "email" not in self.errors
            and "mobile" not in self.errors
        ):
            raise forms.ValidationError(
                _("Give an email address or a mobile number, so that we can reach you.")
            )
        return cleaned

    def profile(self):
        """The cleaned data as model fields (one boolean column per choice)."""
        data = dict(self.cleaned_data)
        for field, rows in MULTI_FIELDS.items():
            chosen = data.pop(field, [])
            for value, column, _label in rows:
                data[column] = value in chosen
        return data

    @classmethod
    def initial_of(cls, member):
        initial = {
            name: getattr(member, name)
            for name in [
                "first_name",
                "email",
                "mobile",
                "region",
                "age_range",
                "language",
                "digital_comfort",
            ]
        }
        if initial["mobile"].startswith("+1"):
            initial["mobile"] = initial["mobile"][2:]
        for field in MULTI_FIELDS:
            initial[field] = [value for value, _label in member.choices_of(field)]
        return initial


class SignUpForm(MemberProfileForm):
    is_adult = forms.BooleanField(
        label=_("I am 18 or older."),
        error_messages={"required": _("The panel is open to people 18 or older.")},
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Tick the consent box to join the panel.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()


def consent_text():
    years = retention_days() // 365
    return _(
        "I agree that the lab keeps this information to invite me to test public "
        "services, at most twice a month. It is kept for %(years)s years at most, "
        "then deleted; I can see, change or delete it at any time."
    ) % {"years": years}


class AcceptForm(forms.Form):
    """A member accepts an invitation: a slot (if the study has some), screener."""

    # Radio buttons: the template lists the times as choices of a fieldset.
    slot = forms.TypedChoiceField(
        label=_("Choose a time"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, study, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot.pk: slot for slot in slots}
        if self.slots:
            self.fields["slot"].choices = [
                (slot.pk, slot.label) for slot in slots if slot.places_left
            ]
            self.fields["slot"].error_messages["invalid_choice"] = _(
                "This time is no longer available: choose another one."
            )
            self.fields["slot"].error_messages["required"] = _("Choose a time.")
        else:
            del self.fields["slot"]
        for number, question in enumerate(study.questions(), start=1):
            self.fields[f"question_{number}"] = forms.CharField(
                label=question, max_length=500, required=False, widget=forms.Textarea
            )

    def chosen_slot(self):
        return self.slots.get(self.cleaned_data.get("slot"))

    def answers(self):
        return {
            self.fields[name].label: value
            for name, value in self.cleaned_data.items()
            if name.startswith("question_") and value
        }
