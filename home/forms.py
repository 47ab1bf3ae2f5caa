from django import forms
from django.utils.translation import gettext_lazy as _

from home.cleaning import CleanTextFormMixin


class PersonalDataRequestForm(CleanTextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_(
            "We send a private link to this address: only whoever reads it can see "
            "or delete what we hold."
        ),
    )
