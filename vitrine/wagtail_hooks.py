"""Admin wiring of the Vitrine: submissions, measured benefits, hooks for the
home page, the Baromètre, open data, roles and demo content."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from barometre.sources import Source
from home.permissions import (
    OrganizationScopedPolicy,
    ScopedIndexView,
    ScopedViewSet,
)
from opendata.datasets import Dataset, Field

from . import admin_views, benefits, stats
from .forms import MeasurementForm
from .models import BenefitMeasurement, CallSubmission, Phase

register_permission_policy(
    CallSubmission, OrganizationScopedPolicy(CallSubmission, "call__organization")
)
register_permission_policy(
    BenefitMeasurement,
    OrganizationScopedPolicy(BenefitMeasurement, "benefit__page__organizations"),
)


class SubmissionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("call")

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            HeaderButton(
                _("Download CSV"),
                url=reverse("vitrine_submissions_export"),
                icon_name="download",
            ),
        ]


class SubmissionViewSet(ScopedViewSet):
    model = CallSubmission
    icon = "form"
    menu_label = _("Submissions to calls")
    menu_name = "vitrine-submissions"
    index_view_class = SubmissionIndexView
    add_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    list_display = [
        "project_name",
        Column("call", label=_("Call for projects")),
        "contact_name",
        DateColumn("submitted_at", label=_("Submitted on"), sort_key="submitted_at"),
    ]
    list_filter = ["call", "language"]
    search_fields = ["project_name", "team", "contact_name"]
    inspect_view_fields = [
        "call",
        "project_name",
        "team",
        "description",
        "link",
        "contact_name",
        "contact_email",
        "consent",
        "language",
        "submitted_at",
    ]
    edit_handler = ObjectList([])


class MeasurementViewSet(ScopedViewSet):
    model = BenefitMeasurement
    icon = "table"
    menu_label = _("Measured benefits")
    menu_name = "vitrine-measurements"
    list_per_page = 50
    list_display = [
        "benefit",
        DateColumn("measured_on", label=_("Measured on"), sort_key="measured_on"),
        "value",
        "source",
    ]
    search_fields = None
    ordering = ["-measured_on"]
    edit_handler = ObjectList(
        BenefitMeasurement.panels, base_form_class=MeasurementForm
    )

    def get_queryset(self, request):
        return BenefitMeasurement.objects.select_related("benefit__page")


class VitrineGroup(SnippetViewSetGroup):
    items = (SubmissionViewSet, MeasurementViewSet)
    menu_icon = "pick"
    menu_label = _("Vitrine")
    menu_name = "vitrine"
    menu_order = 240


register_snippet(VitrineGroup)


@hooks.register("register_admin_urls")
def vitrine_admin_urls():
    return [
        path(
            "vitrine/submissions/export/",
            admin_views.export_submissions,
            name="vitrine_submissions_export",
        )
    ]


@hooks.register("numeriqc_home_panels")
def featured_projects_panel(request, home_page):
    from .home_section import featured_projects, vitrine_of

    index = vitrine_of(home_page)
    projects = featured_projects(index) if index else []
    if not projects:
        return None
    return {
        "template": "vitrine/includes/featured_projects.html",
        "projects": projects,
        "index": index,
    }


@hooks.register("numeriqc_role_permissions")
def vitrine_role_permissions():
    submissions = ["vitrine.view_callsubmission"]
    measurements = [
        "vitrine.view_benefitmeasurement",
        "vitrine.add_benefitmeasurement",
        "vitrine.change_benefitmeasurement",
        "vitrine.delete_benefitmeasurement",
    ]
    return {
        "Editors": [*submissions, *measurements],
        "Analysts": [*submissions, "vitrine.view_benefitmeasurement"],
    }


@hooks.register("numeriqc_barometre_sources")
def barometre_sources():
    phase_sources = [
        Source(
            key=f"vitrine.projects_{phase.value}",
            label=_("Vitrine projects in phase: %(phase)s") % {"phase": phase.label},
            unit=_("projects"),
            compute=stats.projects_in_phase(phase.value),
        )
        for phase in Phase
    ]
    return [
        Source(
            key="vitrine.projects_published",
            label=_("Projects published in the Vitrine"),
            unit=_("projects"),
            compute=stats.published_projects,
        ),
        Source(
            key="vitrine.projects_live",
            label=_("Projects live"),
            unit=_("projects"),
            compute=stats.live_projects,
        ),
        *phase_sources,
        Source(
            key="vitrine.accessible_live_share",
            label=_("Share of live projects whose service is accessible"),
            unit="%",
            compute=stats.accessible_live_share,
        ),
        Source(
            key="vitrine.benefits_measured_share",
            label=_("Share of expected benefits already measured"),
            unit="%",
            compute=benefits.measured_share,
        ),
        Source(
            key="vitrine.benefits_achieved_share",
            label=_("Share of expected benefits achieved"),
            unit="%",
            compute=benefits.achieved_share,
        ),
    ]


@hooks.register("numeriqc_open_datasets")
def open_datasets():
    return [
        Dataset(
            slug="vitrine-project-benefits",
            title=_("Benefits of the Vitrine's projects"),
            description=_(
                "Each expected benefit of the projects published in the Vitrine: "
                "its indicator, estimated value and date, and the latest measured "
                "value with its source."
            ),
            frequency=Dataset.CONTINUOUS,
            fields=[
                Field("project", "string", _("Title of the project")),
                Field("project_slug", "string", _("Address name of the project page")),
                Field("organization", "string", _("First organization of the project")),
                Field("measure_number", "integer", _("Measure of the strategy served")),
                Field("phase", "string", _("Phase of the project")),
                Field(
                    "accessibility_status",
                    "string",
                    _("Accessibility of the public service"),
                ),
                Field("indicator", "string", _("Indicator of the benefit")),
                Field("benefit", "string", _("Expected benefit")),
                Field("unit", "string", _("Unit of the values")),
                Field("estimated_value", "number", _("Estimated value")),
                Field("expected_by", "date", _("Date by which it is expected")),
                Field("latest_measured_value", "number", _("Latest measured value")),
                Field("latest_measured_on", "date", _("Date of that measure")),
                Field(
                    "latest_measurement_source",
                    "string",
                    _("Source of that measure"),
                ),
            ],
            rows=stats.benefit_rows,
            last_modified=stats.last_project_change,
        )
    ]


@hooks.register("numeriqc_seed_demo", order=30)
def seed_vitrine(stdout):
    from .demo import seed

    seed(stdout)
