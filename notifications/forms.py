from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.cleaning import CleanTextFormMixin

from . import scopes
from .consent import normalise_phone
from .models import PUBLIC_TOPICS, Language, Topic

TOPIC_CHOICES = [(topic.value, topic.label) for topic in map(Topic, PUBLIC_TOPICS)]


class TopicsMixin(CleanTextFormMixin, forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the messages"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )
    email_topics = forms.MultipleChoiceField(
        label=_("By email"),
        choices=TOPIC_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sms_topics = forms.MultipleChoiceField(
        label=_("By text message"),
        choices=TOPIC_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class SubscribeForm(TopicsMixin):
    email = forms.EmailField(label=_("Email address"), required=False, max_length=254)
    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        max_length=30,
        help_text=_("For example 514 555-0123."),
    )
    # The honeypot (home.public_post.HONEYPOT): robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, scope="", scope_label=None, **kwargs):
        """A hidden field per kind of scope (`?course=<page id>`, `?theme=<slug>`),
        carried through the POST. With `scope` and its `scope_label` ("New
        sessions of: …") the only topic offered is the one the scope narrows."""
        super().__init__(*args, **kwargs)
        for kind in scopes.kinds():
            self.fields[kind.name] = forms.CharField(
                required=False, max_length=100, widget=forms.HiddenInput
            )
        if scope_label:
            choices = [(scopes.topic_of(scope), scope_label)]
            self.fields["email_topics"].choices = choices
            self.fields["sms_topics"].choices = choices

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        phone = normalise_phone(value)
        if phone is None:
            raise ValidationError(_("Enter a mobile number such as 514 555-0123."))
        return phone

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["email_topics"] and not data["email"]:
            self.add_error("email", _("Enter your email address to receive emails."))
        if data["sms_topics"] and not data["phone"]:
            self.add_error(
                "phone", _("Enter your mobile number to receive text messages.")
            )
        if not data["email_topics"] and not data["sms_topics"]:
            # Tied to the topic choices, where the person has to act.
            self.add_error("email_topics", _("Choose at least one topic."))
        return data


class PreferencesForm(TopicsMixin):
    scoped = forms.MultipleChoiceField(
        label=_("New sessions of a course or theme"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, scoped_choices=(), **kwargs):
        """`scoped_choices`: the subscriber's active scoped subscriptions; an
        unchecked one is withdrawn."""
        super().__init__(*args, **kwargs)
        self.fields["scoped"].choices = list(scoped_choices)
        if not scoped_choices:
            del self.fields["scoped"]

    def scope_changes(self, active):
        """(channel, topic, scope, checked) of each box whose state differs from
        `active` (the values of the active scoped subscriptions)."""
        if "scoped" not in self.fields:
            return []
        checked = set(self.cleaned_data["scoped"])
        values = [value for value, _label in self.fields["scoped"].choices]
        return [
            (*value.split("|", 2), value in checked)
            for value in values
            if (value in checked) != (value in active)
        ]


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\s*\d{6}\s*$",
        max_length=10,
        error_messages={"invalid": _("Enter the six digits of the code.")},
    )
