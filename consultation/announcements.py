"""Events for the notifications app: opened, closing soon, results published.

`notifications.events.publish` is idempotent per (topic, object, key), so running
these twice announces nothing twice.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.events import publish
from notifications.models import Topic

from .models import ConsultationPage

CLOSING_NOTICE = timedelta(hours=48)


def announce(page, now=None):
    """Publish what is true of this page now (called on publish and hourly)."""
    now = now or timezone.now()
    published = []
    with transaction.atomic():
        if not page.live or page.locale.language_code != settings.LANGUAGE_CODE:
            return published  # one announcement per consultation, not per language
        if page.opens_at <= now < page.closes_at:
            publish(Topic.CONSULTATION_OPENED, page, key=page.opens_at.isoformat())
            published.append(Topic.CONSULTATION_OPENED)
        if now < page.closes_at <= now + CLOSING_NOTICE and page.opens_at <= now:
            publish(Topic.CONSULTATION_CLOSING, page, key=page.closes_at.isoformat())
            published.append(Topic.CONSULTATION_CLOSING)
        if page.results_published and page.closes_at <= now:
            publish(Topic.CONSULTATION_RESULTS, page)
            published.append(Topic.CONSULTATION_RESULTS)
    return published


def announce_due(now=None):
    now = now or timezone.now()
    pages = ConsultationPage.objects.live().filter(
        opens_at__lte=now, closes_at__gt=now - timedelta(days=1)
    ) | ConsultationPage.objects.live().filter(results_published=True)
    return sum(len(announce(page, now)) for page in pages.distinct())
