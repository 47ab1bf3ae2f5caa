"""Figures computed from feedback, for the Baromètre, open data and public pages.

Everything is counted by the database (aggregate, GROUP BY) and nothing here ever
returns a comment or a suggestion: only counts, rates and averages. Entries that
staff marked as spam are left out.

    stats.average_satisfaction()          -> 4.1 (out of 5), or None
    stats.yes_rate()                      -> 72.5 (% of "Yes"), or None
    stats.by_service() / by_organization() -> [{"answers": ..., "yes_rate": ...}]
"""

from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import FeedbackEntry

SATISFIED = 4  # ratings of 4 or 5 out of 5 count as "satisfied"

FIGURES = {
    "answers": Count("pk"),
    "yes": Count("pk", filter=Q(found=True)),
    "ratings": Count("rating"),
    "satisfied": Count("pk", filter=Q(rating__gte=SATISFIED)),
    "average": Avg("rating"),
}


def counted_entries(since=None, until=None):
    """Entries that count: not spam, received in [since, until)."""
    entries = FeedbackEntry.objects.exclude(status=FeedbackEntry.Status.SPAM)
    if since is not None:
        entries = entries.filter(created_at__gte=since)
    if until is not None:
        entries = entries.filter(created_at__lt=until)
    return entries


def rates(row):
    """Adds yes_rate, satisfaction_rate and average_satisfaction to counted figures."""
    answers, ratings = row["answers"], row["ratings"]
    average = row.get("average")
    row["yes_rate"] = round(100 * row["yes"] / answers, 1) if answers else None
    row["satisfaction_rate"] = (
        round(100 * row["satisfied"] / ratings, 1) if ratings else None
    )
    row["average_satisfaction"] = round(float(average), 2) if average else None
    return row


def overall(since=None, until=None):
    return rates(counted_entries(since, until).aggregate(**FIGURES))


def average_satisfaction(since=None, until=None):
    """Average rating out of 5 over every service and page, or None."""
    return overall(since, until)["average_satisfaction"]


def yes_rate(since=None, until=None):
    """Share of "Yes" answers, in percent, or None."""
    return overall(since, until)["yes_rate"]


def _grouped(fields, since, until):
    rows = (
        counted_entries(since, until)
        .filter(**{f"{fields[0]}__isnull": False})
        .values(*fields)
        .annotate(**FIGURES)
        .order_by(fields[1])
    )
    return [rates(dict(row)) for row in rows]


def by_service(since=None, until=None):
    """One row per service that received feedback, in the original language."""
    fields = ("service_id", "service__name", "service__slug")
    return _grouped([*fields, "service__organization__translation_key"], since, until)


def by_organization(since=None, until=None):
    """One row per organization that received feedback (pages and services)."""
    fields = ("organization_id", "organization__name", "organization__acronym")
    return _grouped([*fields, "organization__translation_key"], since, until)


def monthly_by_service(since=None, until=None):
    """Open data: per month and service, the counts and rates (never any text)."""
    rows = (
        counted_entries(since, until)
        .filter(service__isnull=False)
        .annotate(month=TruncMonth("created_at"))
        .values(
            "month", "service__slug", "service__name", "service__organization__slug"
        )
        .annotate(**FIGURES)
        .order_by("month", "service__slug")
    )
    for row in rows:
        row = rates(dict(row))
        row["month"] = row["month"].date().isoformat()[:7]
        yield row


def public_figures(service, days=365):
    """What a service's public results page shows: the last twelve months."""
    since = timezone.now() - timedelta(days=days)
    figures = rates(
        counted_entries(since=since)
        .filter(service__translation_key=service.translation_key)
        .aggregate(**FIGURES)
    )
    figures["days"] = days
    return figures
