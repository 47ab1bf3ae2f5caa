"""Figures of the Vitrine for the Baromètre and open data, all counted in SQL.

Projects are counted once: live pages in the source language (French), which
every English page translates.
"""

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery

from .benefits import source_benefits
from .models import AccessibilityStatus, BenefitMeasurement, Phase, ProjectPage


def source_projects():
    return ProjectPage.objects.live().filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    )


def live_projects():
    """Projects whose service is live (phase "live")."""
    return source_projects().filter(phase=Phase.LIVE).count()


def published_projects():
    return source_projects().count()


def projects_per_phase():
    counts = dict(
        source_projects()
        .order_by()
        .values_list("phase")
        .annotate(total=Count("pk"))
        .values_list("phase", "total")
    )
    return {phase: counts.get(phase, 0) for phase in Phase.values}


def projects_in_phase(phase):
    return lambda: source_projects().filter(phase=phase).count()


def accessible_live_share():
    """Percentage of live projects whose service is compliant with accessibility."""
    totals = (
        source_projects()
        .filter(phase=Phase.LIVE)
        .aggregate(
            live=Count("pk"),
            compliant=Count(
                "pk", filter=Q(accessibility_status=AccessibilityStatus.COMPLIANT)
            ),
        )
    )
    if not totals["live"]:
        return None
    return round(totals["compliant"] * 100 / totals["live"], 1)


def last_project_change():
    latest = source_projects().order_by("-last_published_at").first()
    return latest.last_published_at if latest else None


def benefit_rows():
    """One row per expected benefit of a live project, with its latest measure."""
    first_organization = Subquery(
        ProjectPage.organizations.through.objects.filter(
            projectpage_id=OuterRef("page_id")
        )
        .order_by("pk")
        .values("organization__name")[:1]
    )
    latest_source = Subquery(
        BenefitMeasurement.objects.filter(benefit=OuterRef("pk"))
        .order_by("-measured_on")
        .values("source")[:1]
    )
    rows = (
        source_benefits()
        .annotate(organization=first_organization, latest_source=latest_source)
        .order_by("page__title", "sort_order")
        .values_list(
            "page__title",
            "page__slug",
            "organization",
            "page__measure__number",
            "page__phase",
            "page__accessibility_status",
            "indicator",
            "description",
            "unit",
            "estimated_value",
            "expected_by",
            "latest_value",
            "latest_on",
            "latest_source",
        )
    )
    for row in rows.iterator(chunk_size=500):
        yield dict(zip(DATASET_FIELDS, row, strict=True))


DATASET_FIELDS = [
    "project",
    "project_slug",
    "organization",
    "measure_number",
    "phase",
    "accessibility_status",
    "indicator",
    "benefit",
    "unit",
    "estimated_value",
    "expected_by",
    "latest_measured_value",
    "latest_measured_on",
    "latest_measurement_source",
]
