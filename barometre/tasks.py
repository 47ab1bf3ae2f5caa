"""Baromètre tasks (Celery beat, see apps.py). Each is safe to run twice."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task
def snapshot_computed_indicators():
    """Daily: record each computed indicator's value of the day (once per day)."""
    return services.snapshot_computed_indicators()


@shared_task
def publish_quarterly_edition():
    """First day of each quarter: the edition of the quarter that just ended."""
    year, quarter = services.previous_quarter(timezone.localdate())
    _edition, created = services.publish_edition(year, quarter)
    return created
