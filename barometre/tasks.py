"""Baromètre tasks (Celery beat, see apps.py). Each is safe to run twice."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task
def snapshot_computed_indicators():
    """Daily (beat): record each computed indicator's value of the day, once."""
    return services.snapshot_computed_indicators()


@shared_task
def publish_quarterly_edition():
    """Quarterly (beat), first day: the edition of the quarter that just ended."""
    year, quarter = services.previous_quarter(timezone.localdate())
    _edition, created = services.publish_edition(year, quarter)
    return created
