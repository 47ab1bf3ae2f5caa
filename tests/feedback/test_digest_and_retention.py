"""The digest emailed to staff who ask for it, urgent alerts, and text retention."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.users.models import UserProfile

from feedback import tasks
from feedback.models import DigestDelivery, DigestSubscription, FeedbackEntry
from home.roles import EDITORS
from tests.factories import OrganizationFactory, UserFactory

from .factories import FeedbackEntryFactory

FREQUENCY = DigestSubscription.Frequency


def subscribe(user, frequency=FREQUENCY.DAILY, language=None):
    DigestSubscription.objects.create(user=user, frequency=frequency)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()


def yesterday_noon():
    return timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=1), datetime.min.time())
    ) + timedelta(hours=12)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Digests go out through the notification platform once the transaction
    commits: `with commit():` runs what waits for the commit at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def organizations(db):
    ours, theirs = OrganizationFactory(name="Nôtre"), OrganizationFactory(name="Autre")
    FeedbackEntryFactory(
        organization=ours, created_at=yesterday_noon(), comment="Le formulaire plante."
    )
    FeedbackEntryFactory(
        organization=ours,
        created_at=yesterday_noon(),
        found=False,
        comment="Je veux mourir, rien ne marche.",
        urgency="self_harm",
    )
    FeedbackEntryFactory(
        organization=theirs, created_at=yesterday_noon(), comment="Secret d’ailleurs"
    )
    return ours, theirs


def test_the_daily_digest_tells_what_is_new_and_urgent_in_french(organizations, commit):
    ours, theirs = organizations
    editor = UserFactory(groups=[EDITORS], organizations=[ours])
    subscribe(editor, language="fr")
    with commit():
        assert tasks.send_due_digests() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert message.subject == "Rétroaction numériQc : 2 nouvelles, 1 urgentes"
    assert "URGENT : 1 rétroaction à lire aujourd’hui" in message.body
    assert "« Je veux mourir, rien ne marche. »" in message.body
    assert "« Le formulaire plante. »" in message.body
    assert "Secret d’ailleurs" not in message.body
    assert "/admin/snippets/feedback/feedbackentry/" in message.body


def test_the_digest_is_in_the_editors_language(organizations, commit):
    ours, theirs = organizations
    editor = UserFactory(groups=[EDITORS], organizations=[ours])
    subscribe(editor, language="en")
    with commit():
        tasks.send_due_digests()
    body = mail.outbox[0].body
    assert "URGENT: 1 entry needs to be read today" in body
    assert "2 new entries" in body


def test_a_digest_is_never_sent_twice_for_one_period(organizations, commit):
    ours, theirs = organizations
    subscribe(UserFactory(groups=[EDITORS], organizations=[ours]))
    with commit():
        tasks.send_due_digests()
    with commit():
        tasks.send_due_digests()
    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.count() == 1


def test_no_digest_when_nothing_is_new_or_nobody_asked(organizations, commit):
    ours, theirs = organizations
    quiet = OrganizationFactory()
    subscribe(UserFactory(groups=[EDITORS], organizations=[quiet]))
    UserFactory(groups=[EDITORS], organizations=[ours])  # never asked
    subscribe(UserFactory(organizations=[ours]))  # may not read feedback
    with commit():
        tasks.send_due_digests()
    assert mail.outbox == []


def test_weekly_digests_go_on_mondays_only(organizations, monkeypatch, commit):
    ours, theirs = organizations
    subscribe(UserFactory(groups=[EDITORS], organizations=[ours]), FREQUENCY.WEEKLY)
    tuesday = timezone.make_aware(datetime(2026, 3, 10, 7))
    monday = timezone.make_aware(datetime(2026, 3, 9, 7))
    FeedbackEntry.objects.update(
        created_at=timezone.make_aware(datetime(2026, 3, 4, 9))
    )
    monkeypatch.setattr(timezone, "now", lambda: tuesday)
    assert tasks.send_due_digests() == 0
    monkeypatch.setattr(timezone, "now", lambda: monday)
    with commit():
        assert tasks.send_due_digests() == 1
    assert "Rétroaction reçue du 2 mars 2026 au 8 mars 2026" in mail.outbox[0].body


def test_an_urgent_entry_alerts_the_subscribed_staff_at_once(organizations, commit):
    ours, theirs = organizations
    editor = UserFactory(groups=[EDITORS], organizations=[ours])
    subscribe(editor, FREQUENCY.WEEKLY)
    UserFactory(groups=[EDITORS], organizations=[theirs])
    entry = FeedbackEntry.objects.get(urgency="self_harm")
    with commit():
        assert tasks.alert_urgent_entry(entry.pk) == 1
        assert tasks.alert_urgent_entry(entry.pk) == 0  # safe to run twice
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject == "numériQc : une rétroaction urgente à lire"
    assert "1 866 APPELLE" in mail.outbox[0].body


def test_text_older_than_the_retention_period_is_removed(db, settings):
    settings.FEEDBACK_RETENTION_DAYS = 730
    now = timezone.now()
    old = FeedbackEntryFactory(
        created_at=now - timedelta(days=731), comment="Vieux", suggestion="Ancienne"
    )
    recent = FeedbackEntryFactory(
        created_at=now - timedelta(days=729), comment="Récent"
    )
    assert tasks.remove_expired_feedback_text() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.comment, old.suggestion) == ("", "")
    assert old.text_removed_at is not None
    assert old.rating == 4 and old.found is True  # the figures stay
    assert recent.comment == "Récent"
    assert tasks.remove_expired_feedback_text() == 0  # safe to run twice


def test_the_tasks_are_scheduled(settings):
    tasks_scheduled = {
        entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert "feedback.tasks.send_due_digests" in tasks_scheduled
    assert "feedback.tasks.remove_expired_feedback_text" in tasks_scheduled
