from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.users.forms import UserCreationForm, UserEditForm

from home.models import Organization


def _organization_field():
    # Memberships point at the default-language row; scoping covers its translations.
    return forms.ModelMultipleChoiceField(
        queryset=Organization.objects.filter(locale=Locale.get_default()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Organizations"),
    )


class OrganizationUserCreationForm(UserCreationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"] = _organization_field()

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"organizations"}


class OrganizationUserEditForm(UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"] = _organization_field()

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"organizations"}
