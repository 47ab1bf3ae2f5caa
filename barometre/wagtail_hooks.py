"""Admin wiring of the Baromètre, its figure sources, open data, home panel, demo."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.permissions import (
    OrganizationScopedPolicy,
    ScopedIndexView,
    ScopedViewSet,
)
from opendata.datasets import Dataset, Field

from . import admin_views, exports
from .admin_forms import IndicatorForm, MeasurementForm
from .filters import MeasurementFilterSet
from .models import Indicator, Measurement

register_permission_policy(
    Indicator, OrganizationScopedPolicy(Indicator, "organization")
)
register_permission_policy(
    Measurement, OrganizationScopedPolicy(Measurement, "indicator__organization")
)


class IndicatorIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("axis", "organization", "locale")
        )


class IndicatorViewSet(ScopedViewSet):
    model = Indicator
    index_view_class = IndicatorIndexView
    icon = "pick"
    menu_label = _("Indicators")
    menu_name = "barometre-indicators"
    list_display = ["name", "axis", "organization", "source_key", "locale"]
    list_filter = ["locale", "direction", "is_headline"]
    search_fields = ["name", "definition"]
    ordering = ["sort_order", "name"]
    edit_handler = ObjectList(Indicator.panels, base_form_class=IndicatorForm)


class MeasurementIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("indicator")

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("barometre.add_measurement"):
            buttons.append(
                HeaderButton(
                    _("Import from CSV"),
                    url=reverse("barometre_import"),
                    icon_name="upload",
                )
            )
        return buttons


class MeasurementViewSet(ScopedViewSet):
    model = Measurement
    icon = "table"
    menu_label = _("Measurements")
    menu_name = "barometre-measurements"
    index_view_class = MeasurementIndexView
    list_display = ["__str__", "value", "origin", "source"]
    filterset_class = MeasurementFilterSet
    list_per_page = 50
    ordering = ["-date"]
    edit_handler = ObjectList(Measurement.panels, base_form_class=MeasurementForm)


class BarometreGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, MeasurementViewSet)
    menu_icon = "pick"
    menu_label = _("Baromètre")
    menu_name = "barometre"
    menu_order = 260


register_snippet(BarometreGroup)


@hooks.register("register_admin_urls")
def barometre_admin_urls():
    return [
        path(
            "barometre/import/",
            admin_views.ImportMeasurementsView.as_view(),
            name="barometre_import",
        )
    ]


@hooks.register("numeriqc_role_permissions")
def barometre_role_permissions():
    reading = ["barometre.view_indicator", "barometre.view_measurement"]
    measuring = ["barometre.add_measurement", "barometre.change_measurement"]
    defining = ["barometre.add_indicator", "barometre.change_indicator"]
    return {
        "Editors": [*reading, *measuring, *defining],
        "Reviewers": [*reading, *measuring, *defining, "barometre.delete_measurement"],
        "Analysts": [*reading, *measuring],
    }


@hooks.register("numeriqc_open_datasets")
def barometre_datasets():
    return [
        Dataset(
            slug="barometre-indicators-measurements",
            title=_("Baromètre numériQc: indicators and measurements"),
            description=_(
                "The indicators of the digital transformation strategy, with their "
                "baseline, their target and every measurement published since."
            ),
            frequency=Dataset.DAILY,
            fields=[
                Field("indicator", "string", _("Identifier of the indicator")),
                Field("name", "string", _("Name of the indicator")),
                Field("unit", "string", _("Unit")),
                Field("axis", "string", _("Axis of the strategy")),
                Field("organization", "string", _("Responsible organization")),
                Field("direction", "string", _("higher or lower is better")),
                Field("direction_label", "string", _("Direction, in words")),
                Field("baseline_value", "number", _("Baseline value")),
                Field("baseline_date", "date", _("Baseline date")),
                Field("target_value", "number", _("Target value")),
                Field("target_date", "date", _("Target date")),
                Field("date", "date", _("Date of the measurement")),
                Field("value", "number", _("Measured value")),
                Field("origin", "string", _("manual, import or computed")),
                Field("origin_label", "string", _("Origin, in words")),
                Field("source", "string", _("Source of the measurement")),
                Field("note", "string", _("What explains the change")),
            ],
            rows=exports.open_data_rows,
            last_modified=exports.last_modified,
        )
    ]


@hooks.register("numeriqc_home_panels")
def barometre_home_panel(request, home_page):
    from .home_section import home_panel

    return home_panel(request, home_page)


@hooks.register("numeriqc_seed_demo", order=80)
def seed_barometre(stdout):
    from .demo import seed

    seed(stdout)
