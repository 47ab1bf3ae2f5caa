"""Admin forms: every choice a staff member is offered stays within their scope."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale, Page

from home.models import MeasurePage, Organization, Theme
from home.scoping import is_platform_admin, scope_queryset, user_organization_keys
from vitrine.models import ProjectPage

from .models import Indicator
from .sources import source_choices


def organizations_of(user):
    organizations = Organization.objects.filter(locale=Locale.get_default())
    if is_platform_admin(user):
        return organizations
    return organizations.filter(translation_key__in=user_organization_keys(user))


def limit_choices(form, name, queryset, widget=forms.Select):
    """A plain select of the allowed rows, in place of a chooser that lists them all."""
    field = form.fields.get(name)
    if field is None:
        return
    field.queryset = queryset
    field.widget = widget()
    field.widget.choices = field.choices


def project_pages():
    """Vitrine project pages of the default language: one per project."""
    return Page.objects.type(ProjectPage).filter(locale=Locale.get_default())


class IndicatorForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "source_key" in self.fields:
            self.fields["source_key"] = forms.ChoiceField(
                label=Indicator._meta.get_field("source_key").verbose_name,
                help_text=Indicator._meta.get_field("source_key").help_text,
                required=False,
                choices=[("", _("Nothing: measured by hand")), *source_choices()],
            )
        default = Locale.get_default()
        limit_choices(
            self,
            "axis",
            Theme.objects.filter(kind=Theme.Kind.AXIS, locale=default),
        )
        limit_choices(
            self,
            "measure",
            MeasurePage.objects.filter(locale=default).order_by("number"),
        )
        if self.for_user is not None:
            limit_choices(self, "organization", organizations_of(self.for_user))


class MeasurementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            indicators = scope_queryset(
                Indicator.objects.filter(locale=Locale.get_default()), self.for_user
            )
            limit_choices(self, "indicator", indicators)
        limit_choices(self, "projects", project_pages(), forms.SelectMultiple)

    def save(self, commit=True):
        if self.for_user is not None and not self.instance.recorded_by_id:
            self.instance.recorded_by = self.for_user
        return super().save(commit)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: indicator (its slug), date (YYYY-MM-DD), value; optional: "
            "source, note_fr, note_en. Commas or semicolons."
        ),
    )
