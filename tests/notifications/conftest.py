import re

import pytest

from notifications.channels import sms
from notifications.models import Channel, Subscriber, Subscription

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def _sms_in_memory(settings):
    """Text messages go to a list, as emails go to mail.outbox."""
    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.channels.sms.LocmemBackend"
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 30
    settings.NOTIFICATIONS_SMS_QUIET_HOURS = "21:00-08:00"
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def daytime(monkeypatch):
    """Pin the clock at 14:00 in Montréal (outside SMS quiet hours)."""
    return pin_clock(monkeypatch, "2026-11-26T14:00:00-05:00")


def pin_clock(monkeypatch, iso):
    from datetime import datetime

    from django.utils import timezone

    moment = datetime.fromisoformat(iso)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def confirmed_subscriber(topics, channels=(Channel.EMAIL,), language="fr", n=0):
    from django.utils import timezone

    subscriber = Subscriber.objects.create(
        email=f"abonne{n}@example.org" if Channel.EMAIL in channels else "",
        phone=f"+1514555{n:04d}" if Channel.SMS in channels else "",
        language=language,
        email_confirmed_at=timezone.now() if Channel.EMAIL in channels else None,
        phone_confirmed_at=timezone.now() if Channel.SMS in channels else None,
    )
    for topic in topics:
        for channel in channels:
            Subscription.objects.create(
                subscriber=subscriber, topic=topic, channel=channel
            )
    return subscriber


def links_in(text):
    """Paths of the site's links in a message, in order."""
    return re.findall(r"http://testserver(/[^\s]+)", text)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what waits for the commit (queued sends) at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def client(client, commit):
    """Each request runs its after-commit work, as it would outside a test."""
    original = client.request

    def request(**kwargs):
        with commit():
            return original(**kwargs)

    client.request = request
    return client
