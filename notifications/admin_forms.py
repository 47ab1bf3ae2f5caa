from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .admin_views import organizations_of
from .models import Channel
from .services import with_opt_out
from .text import preview, sms_segments, syntax_errors


class MessageTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "organization" in self.fields:
            # A plain select of the user's organizations, not a chooser of all.
            self.fields["organization"] = forms.ModelChoiceField(
                label=gettext_lazy("Organization"),
                queryset=organizations_of(for_user),
            )

    def clean(self):
        data = super().clean()
        for name in ("subject", "body"):
            if syntax_errors(data.get(name, "")):
                self.add_error(
                    name,
                    _("Write placeholders as ((name)) or ((name??optional text))."),
                )
        values = data.get("sample_values")
        if values is not None and not isinstance(values, dict):
            self.add_error(
                "sample_values", _('Give an object such as {"name": "Marie"}.')
            )
            return data
        if data.get("channel") == Channel.SMS and data.get("body"):
            body = with_opt_out(
                preview(data["body"], values or {}), data.get("language", "fr")
            )
            limit = data.get("max_segments") or 1
            if sms_segments(body) > limit:
                raise ValidationError(
                    _(
                        "With the sample values, this text takes %(n)s SMS "
                        "segments; the limit is %(limit)s."
                    )
                    % {"n": sms_segments(body), "limit": limit}
                )
        return data
