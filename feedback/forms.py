from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.cleaning import CleanTextFormMixin

from .models import RATINGS, TEXT_MAX_LENGTH, FeedbackReason, Service


class CitizenTextField(forms.CharField):
    """Free text, with browser line ends ("\\r\\n") counted as one character.

    Browsers count a line break as one character against `maxlength` but send
    two: without this, a comment that fits in the page would be refused here.
    """

    widget = forms.Textarea

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


def citizen_text_field(label, too_long):
    return CitizenTextField(
        label=label,
        max_length=TEXT_MAX_LENGTH,
        required=False,
        error_messages={"max_length": too_long},
    )


class FeedbackForm(CleanTextFormMixin, forms.Form):
    """What the widget posts. No CSRF token: the page that holds it is cached."""

    found = forms.TypedChoiceField(
        label=_("Did you find what you were looking for?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Answer “Yes” or “No” before sending."),
            "invalid_choice": _("Answer “Yes” or “No” before sending."),
        },
    )
    reason = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=FeedbackReason.objects.filter(is_active=True),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the reasons offered.")},
    )
    rating = forms.TypedChoiceField(
        label=_("Satisfaction"),
        choices=[(str(value), str(value)) for value in RATINGS],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choose a rating from 1 to 5.")},
    )
    comment = citizen_text_field(
        _("Comment"),
        _(
            "Your comment is too long: %(limit_value)d characters at most "
            "(it has %(show_value)d)."
        ),
    )
    suggestion = citizen_text_field(
        _("Suggestion for improvement"),
        _(
            "Your suggestion is too long: %(limit_value)d characters at most "
            "(it has %(show_value)d)."
        ),
    )
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    service = forms.IntegerField(required=False, widget=forms.HiddenInput)
    path = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)

    def __init__(self, *args, host=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host

    def clean_page(self):
        page_id = self.cleaned_data["page"]
        if page_id is None:
            return None
        return Page.objects.live().public().filter(pk=page_id).first()

    def clean_service(self):
        service_id = self.cleaned_data["service"]
        if service_id is None:
            return None
        return (
            # With the locales: the entry's source rows are found without a query.
            Service.objects.select_related("organization__locale", "locale")
            .filter(pk=service_id)
            .first()
        )

    def clean_path(self):
        path = self.cleaned_data["path"]
        is_local = path.startswith("/") and url_has_allowed_host_and_scheme(
            path, allowed_hosts={self.host} if self.host else set()
        )
        return path if is_local else ""

    def clean(self):
        cleaned = super().clean()
        reason = cleaned.get("reason")
        if (
            reason is not None
            and "found" in cleaned
            and reason.found != cleaned["found"]
        ):
            self.add_error("reason", _("Choose one of the reasons offered."))
        if not (cleaned.get("page") or cleaned.get("service") or cleaned.get("path")):
            raise forms.ValidationError(
                _("We could not tell which page this feedback is about.")
            )
        return cleaned
