"""Feedback tasks. Each takes ids, re-reads the rows, and is safe to run twice."""

from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import digest, services
from .models import DigestSubscription, FeedbackEntry

MONDAY = 0


@shared_task
def send_due_digests():
    """Daily at 7:00 (beat): queue today's daily digests, and on Mondays the weekly."""
    frequencies = [DigestSubscription.Frequency.DAILY]
    if timezone.localdate().weekday() == MONDAY:
        frequencies.append(DigestSubscription.Frequency.WEEKLY)
    queued = 0
    for frequency in frequencies:
        start = digest.period_start(frequency).isoformat()
        for user in digest.subscribers(frequency):
            send_digest.delay(user.pk, frequency, start)
            queued += 1
    return queued


@shared_task
def send_digest(user_id, frequency, start):
    return digest.send_digest(user_id, frequency, datetime.fromisoformat(start))


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def alert_urgent_entry(entry_id):
    """Send the urgent alert once: the row is claimed before the emails go."""
    claimed = FeedbackEntry.objects.filter(
        pk=entry_id, urgent_alert_sent_at__isnull=True
    ).update(urgent_alert_sent_at=timezone.now())
    if not claimed:
        return 0
    entry = FeedbackEntry.objects.select_related("organization", "service", "page").get(
        pk=entry_id
    )
    try:
        return digest.send_urgent_alert(entry)
    except OSError:
        FeedbackEntry.objects.filter(pk=entry_id).update(urgent_alert_sent_at=None)
        raise


@shared_task
def remove_expired_feedback_text():
    """Daily (beat): entries past the retention period lose their text."""
    return services.remove_expired_text(settings.FEEDBACK_RETENTION_DAYS)
