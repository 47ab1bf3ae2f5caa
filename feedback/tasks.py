"""Feedback tasks. Each takes ids, re-reads the rows, and is safe to run twice."""

from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.events import publish
from notifications.models import Topic

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


@shared_task
def alert_urgent_entry(entry_id):
    """Hand the urgent alert to the notification platform once: the entry is
    claimed and the event recorded in one transaction. Returns how many staff
    members it is for."""
    with transaction.atomic():
        claimed = FeedbackEntry.objects.filter(
            pk=entry_id, urgent_alert_sent_at__isnull=True
        ).update(urgent_alert_sent_at=timezone.now())
        if not claimed:
            return 0
        entry = FeedbackEntry.objects.select_related("organization").get(pk=entry_id)
        publish(Topic.FEEDBACK_URGENT, entry)
    return digest.urgent_recipients(entry).count()


@shared_task
def remove_expired_feedback_text():
    """Daily (beat): entries past the retention period lose their text."""
    return services.remove_expired_text(settings.FEEDBACK_RETENTION_DAYS)
