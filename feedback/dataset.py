"""The feedback tool's open dataset, declared in wagtail_hooks.py: counts and rates
per service and month.

Aggregates only (stats.py `monthly_by_service`, counted in SQL), never a
comment or suggestion; only services of organizations that agreed to publish their
results; a month with fewer than MINIMUM_ANSWERS answers for a service is left out,
so that no figure describes one or two people.
"""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from home.models import Organization
from opendata.datasets import Dataset, Field

from . import stats
from .models import OrganizationFeedbackSettings

SLUG = "feedback-by-service-and-month"
MINIMUM_ANSWERS = 5


def _published_organization_slugs():
    keys = OrganizationFeedbackSettings.objects.filter(publish_results=True).values(
        "organization__translation_key"
    )
    return set(
        Organization.objects.filter(translation_key__in=keys).values_list(
            "slug", flat=True
        )
    )


def rows():
    published = _published_organization_slugs()
    for row in stats.monthly_by_service():
        if row["service__organization__slug"] not in published:
            continue
        if row["answers"] < MINIMUM_ANSWERS:
            continue
        yield {
            "month": row["month"],
            "service": row["service__slug"],
            "service_name": row["service__name"],
            "organization": row["service__organization__slug"],
            "answers": row["answers"],
            "yes_rate": row["yes_rate"],
            "ratings": row["ratings"],
            "satisfaction_rate": row["satisfaction_rate"],
            "average_satisfaction": row["average_satisfaction"],
        }


def last_modified():
    return stats.counted_entries().aggregate(last=Max("created_at"))["last"]


def dataset():
    return Dataset(
        slug=SLUG,
        title=_("Feedback on public services, per service and month"),
        description=_(
            "How many people answered the feedback question of each public service, "
            "the share who found what they needed and their satisfaction, per month. "
            "Only services whose organization publishes its results; months with "
            "fewer than 5 answers are left out; no comment is ever published."
        ),
        frequency=Dataset.DAILY,
        fields=[
            Field("month", "string", _("Month (YYYY-MM)")),
            Field("service", "string", _("Identifier of the service")),
            Field("service_name", "string", _("Name of the service")),
            Field("organization", "string", _("Identifier of the organization")),
            Field("answers", "integer", _("Number of answers")),
            Field("yes_rate", "number", _("Share of answers “Yes, I found it” (%)")),
            Field("ratings", "integer", _("Number of ratings out of 5")),
            Field("satisfaction_rate", "number", _("Share of ratings of 4 or 5 (%)")),
            Field("average_satisfaction", "number", _("Average rating out of 5")),
        ],
        rows=rows,
        last_modified=last_modified,
    )
