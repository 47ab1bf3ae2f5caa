from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notifications import services, tasks
from notifications.channels import sms
from notifications.models import (
    Channel,
    Consent,
    Delivery,
    Message,
    Subscription,
    Topic,
)
from notifications.quiet_hours import MONTREAL, is_quiet, next_allowed
from notifications.text import sms_encoding, sms_segments
from tests.factories import StandardPageFactory, translate_page

from .conftest import confirmed_subscriber, pin_clock

pytestmark = pytest.mark.django_db


def reminder(channel=Channel.EMAIL, to="a@example.org", body="Bonjour", **fields):
    message = Message.objects.create(kind=Message.Kind.REMINDER, **fields)
    delivery = services.new_delivery(message, channel, to, "fr", "Objet", body)
    delivery.save()
    return delivery


def status(delivery):
    delivery.refresh_from_db()
    return delivery.status


class FlakyEmail:
    """An email backend that fails with the given errors, then accepts."""

    errors = []

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        if FlakyEmail.errors:
            raise FlakyEmail.errors.pop(0)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky_email(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_sending.FlakyEmail"
    FlakyEmail.errors = []
    return FlakyEmail


def test_a_delivery_is_sent_once_even_if_the_task_runs_twice():
    delivery = reminder()
    tasks.send_delivery(delivery.pk)
    tasks.send_delivery(delivery.pk)
    assert len(mail.outbox) == 1
    assert status(delivery) == Delivery.Status.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None


def test_a_claimed_delivery_is_not_sent_by_another_worker():
    delivery = reminder()
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENDING)
    assert services.send_delivery(delivery.pk) is None
    assert not mail.outbox


def test_transient_error_is_retried_with_exponential_back_off(flaky_email):
    import smtplib

    flaky_email.errors = [smtplib.SMTPServerDisconnected("gone"), OSError("reset")]
    delivery = reminder()
    assert services.send_delivery(delivery.pk) == 30
    assert status(delivery) == Delivery.Status.CREATED
    assert "gone" in delivery.failure_reason
    assert services.send_delivery(delivery.pk) is None  # not due yet
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())
    assert services.send_delivery(delivery.pk) == 60  # doubled
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())
    assert services.send_delivery(delivery.pk) is None
    assert status(delivery) == Delivery.Status.SENT
    assert delivery.attempts == 3
    assert len(mail.outbox) == 1


def test_transient_errors_stop_at_the_limit(flaky_email, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    flaky_email.errors = [OSError("down"), OSError("still down")]
    delivery = reminder()
    services.send_delivery(delivery.pk)
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())
    assert services.send_delivery(delivery.pk) is None
    assert status(delivery) == Delivery.Status.FAILED
    assert "still down" in delivery.failure_reason


def test_permanent_error_is_not_retried(flaky_email):
    import smtplib

    flaky_email.errors = [smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"")})]
    delivery = reminder()
    assert services.send_delivery(delivery.pk) is None
    assert status(delivery) == Delivery.Status.FAILED
    assert "refused" in delivery.failure_reason
    assert delivery.attempts == 1


def test_resend_a_failed_delivery(flaky_email, commit):
    flaky_email.errors = [OSError("x")] * 5
    delivery = reminder()
    for _ in range(5):
        Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now())
        services.send_delivery(delivery.pk)
    assert status(delivery) == Delivery.Status.FAILED
    with commit():
        assert services.resend(delivery.pk)
    assert status(delivery) == Delivery.Status.SENT
    assert not services.resend(delivery.pk)  # only a failed one


def test_sweeper_puts_back_stuck_deliveries(settings, commit):
    stuck = reminder()
    Delivery.objects.filter(pk=stuck.pk).update(
        status=Delivery.Status.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=10),
    )
    recent = reminder(to="b@example.org")
    Delivery.objects.filter(pk=recent.pk).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now()
    )
    never_queued = reminder(to="c@example.org")
    with commit():
        assert tasks.dispatch_due_deliveries() == 1 + 2
    assert status(stuck) == Delivery.Status.SENT
    assert status(never_queued) == Delivery.Status.SENT
    assert status(recent) == Delivery.Status.SENDING
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "c@example.org"]


def test_scheduled_delivery_waits_for_its_time(commit):
    later = reminder(send_at=timezone.now() + timedelta(hours=2))
    with commit():
        tasks.dispatch_due_deliveries()
    assert status(later) == Delivery.Status.CREATED
    assert not mail.outbox


@pytest.mark.parametrize(
    ("local", "quiet"),
    [
        ("20:59", False),
        ("21:00", True),
        ("23:30", True),
        ("07:59", True),
        ("08:00", False),
    ],
)
def test_quiet_hours_in_montreal(local, quiet):
    hour, minute = map(int, local.split(":"))
    moment = datetime(2026, 11, 26, hour, minute, tzinfo=MONTREAL)
    assert is_quiet(moment) is quiet
    allowed = next_allowed(moment)
    assert not is_quiet(allowed)
    if quiet:
        assert allowed.astimezone(MONTREAL).hour == 8


def test_sms_is_held_at_night_but_not_a_code(monkeypatch):
    night = pin_clock(monkeypatch, "2026-11-26T22:30:00-05:00")
    delivery = reminder(Channel.SMS, "+15145550100", send_at=night)
    assert delivery.due_at == datetime(2026, 11, 27, 8, 0, tzinfo=MONTREAL)
    Delivery.objects.filter(pk=delivery.pk).update(due_at=night)  # as if scheduled
    services.send_delivery(delivery.pk)
    assert status(delivery) == Delivery.Status.CREATED
    assert delivery.due_at == datetime(2026, 11, 27, 8, 0, tzinfo=MONTREAL)
    assert not sms.outbox
    code = Message.objects.create(kind=Message.Kind.CODE, send_at=night)
    code_delivery = services.new_delivery(
        code, Channel.SMS, "+15145550101", "fr", "", "123456"
    )
    code_delivery.save()
    services.send_delivery(code_delivery.pk)
    assert [m["to"] for m in sms.outbox] == ["+15145550101"]


def test_emails_are_not_held_at_night(monkeypatch):
    night = pin_clock(monkeypatch, "2026-11-26T23:00:00-05:00")
    delivery = reminder(send_at=night)
    services.send_delivery(delivery.pk)
    assert status(delivery) == Delivery.Status.SENT


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("é" * 160, "GSM-7", 1),  # é is in the GSM alphabet
        ("€" * 80, "GSM-7", 1),  # extension table: two septets each
        ("€" * 81, "GSM-7", 2),
        ("Forêt" + "a" * 65, "UCS-2", 1),  # ê is not: the whole text is UCS-2
        ("Forêt" + "a" * 66, "UCS-2", 2),
        ("ç" * 134, "UCS-2", 2),
        ("ç" * 135, "UCS-2", 3),
        ("", "GSM-7", 0),
    ],
)
def test_sms_segments(text, encoding, segments):
    assert sms_encoding(text) == encoding
    assert sms_segments(text) == segments


def test_retention_blanks_personal_data_and_keeps_counts(settings):
    old = reminder(to="vieux@example.org")
    services.send_delivery(old.pk)
    Delivery.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=8), personalisation={"nom": "Marie"}
    )
    fresh = reminder(to="neuf@example.org")
    services.send_delivery(fresh.pk)
    waiting = reminder(
        to="attente@example.org", send_at=timezone.now() + timedelta(days=30)
    )
    Delivery.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    assert tasks.purge_personal_data() == 1
    old.refresh_from_db()
    assert (old.to, old.personalisation, old.body, old.subject) == ("", {}, "", "")
    assert old.purged_at is not None
    assert old.status == Delivery.Status.SENT
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2
    assert Delivery.objects.get(pk=fresh.pk).to == "neuf@example.org"
    assert Delivery.objects.get(pk=waiting.pk).to == "attente@example.org"
    settings.NOTIFICATIONS_RETENTION_DAYS = 0
    assert services.purge_personal_data() == 1  # the fresh one, now past retention


def test_event_reaches_confirmed_subscribers_in_their_language(
    site_tree, commit, daytime
):
    from notifications import publish

    fr = confirmed_subscriber([Topic.VITRINE_PROJECT], n=1)
    en = confirmed_subscriber([Topic.VITRINE_PROJECT], language="en", n=2)
    texter = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=3)
    other_topic = confirmed_subscriber([Topic.CONSULTATION_OPENED], n=4)
    unconfirmed = confirmed_subscriber([Topic.VITRINE_PROJECT], n=5)
    unconfirmed.__class__.objects.filter(pk=unconfirmed.pk).update(
        email_confirmed_at=None
    )
    page = StandardPageFactory(parent=site_tree.fr, title="Projet Forêt", slug="projet")
    translate_page(page, title="Forest project", slug="project")
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
        publish(Topic.VITRINE_PROJECT, page)  # the same event twice
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {fr.email, en.email}
    assert "Projet Forêt" in by_address[fr.email].subject
    assert "Nouveau projet" in by_address[fr.email].subject
    assert "Forest project" in by_address[en.email].subject
    assert "New project" in by_address[en.email].subject
    assert "/en/" in by_address[en.email].body
    assert [m["to"] for m in sms.outbox] == [texter.phone]
    assert "ARRET" in sms.outbox[0]["body"]
    assert Delivery.objects.count() == 3
    assert other_topic.deliveries.count() == 0


def test_every_email_carries_one_click_unsubscribe(site_tree, client, commit):
    from notifications import publish

    subscriber = confirmed_subscriber(
        [Topic.VITRINE_PROJECT, Topic.CONSULTATION_OPENED]
    )
    page = StandardPageFactory(parent=site_tree.fr, title="Projet", slug="projet")
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
    message = mail.outbox[0]
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    target = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert target.startswith("http://testserver/fr/")
    path = target.removeprefix("http://testserver")
    assert "Se désabonner" in client.get(path).content.decode()
    assert Subscription.objects.filter(active=True).count() == 2  # GET changes nothing
    # RFC 8058: the mail provider posts this body, without cookie nor Origin.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(subscriber=subscriber, active=True).exists()
    assert Consent.objects.filter(method=Consent.Method.UNSUBSCRIBE).count() == 2
    assert "preferences" in message.body or "préférences" in message.body


def test_withdrawn_consent_cancels_a_waiting_delivery(site_tree, commit, monkeypatch):
    from notifications import publish

    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS])
    pin_clock(monkeypatch, "2026-11-26T22:00:00-05:00")  # SMS held until morning
    page = StandardPageFactory(parent=site_tree.fr, title="Projet", slug="projet")
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.CREATED
    Subscription.objects.filter(subscriber=subscriber).update(active=False)
    pin_clock(monkeypatch, "2026-11-27T09:00:00-05:00")
    services.send_delivery(delivery.pk)
    assert status(delivery) == Delivery.Status.CANCELLED
    assert not sms.outbox


def test_placeholders_and_optional_text():
    from notifications.text import MissingPlaceholders, placeholders, render

    body = "Bonjour ((prenom)).((lieu?? Lieu : ((lieu)) (salle ((salle))).))"
    assert placeholders(body) == {"prenom"}
    assert render(body, {"prenom": "Léa"}) == "Bonjour Léa."
    assert render(body, {"prenom": "Léa", "lieu": "Québec", "salle": "3"}) == (
        "Bonjour Léa. Lieu : Québec (salle 3)."
    )
    with pytest.raises(MissingPlaceholders) as missing:
        render(body, {"prenom": " "})
    assert missing.value.names == ["prenom"]


def test_quiet_hours_can_be_turned_off(settings):
    settings.NOTIFICATIONS_SMS_QUIET_HOURS = "off"
    night = datetime(2026, 11, 26, 23, 0, tzinfo=MONTREAL)
    assert not is_quiet(night)
    assert next_allowed(night) == night


def test_file_backend_writes_one_line_per_message(settings, tmp_path):
    import json

    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.channels.sms.FileBackend"
    settings.NOTIFICATIONS_SMS_FILE_PATH = str(tmp_path / "sms.jsonl")
    settings.NOTIFICATIONS_SMS_QUIET_HOURS = "off"
    delivery = reminder(Channel.SMS, "+15145550100", body="Rappel : forêt")
    services.send_delivery(delivery.pk)
    [line] = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["body"] == "Rappel : forêt"
    assert status(delivery) == Delivery.Status.SENT


def test_a_deleted_subject_is_skipped(site_tree, commit):
    from notifications import publish
    from notifications.models import Event

    confirmed_subscriber([Topic.VITRINE_PROJECT])
    page = StandardPageFactory(parent=site_tree.fr, title="Projet", slug="projet")
    event = publish(Topic.VITRINE_PROJECT, page)
    page.delete()
    assert tasks.handle_event(event.pk) == 0
    assert Event.objects.get().dispatched_at is not None
    assert not Delivery.objects.exists()


def test_addresses_of_subscribers_without_consent_are_erased(site_tree):
    from notifications.models import Subscriber

    old = timezone.now() - timedelta(days=8)
    keeps = confirmed_subscriber([Topic.VITRINE_PROJECT], n=1)
    withdrew = confirmed_subscriber([Topic.VITRINE_PROJECT], n=2)
    never_confirmed = confirmed_subscriber([Topic.VITRINE_PROJECT], n=3)
    just_withdrew = confirmed_subscriber([Topic.VITRINE_PROJECT], n=4)
    Subscriber.objects.update(created_at=old)
    Subscription.objects.update(changed_at=old)
    Subscription.objects.filter(subscriber=withdrew).update(active=False)
    Subscription.objects.filter(subscriber=just_withdrew).update(
        active=False, changed_at=timezone.now()
    )
    Subscriber.objects.filter(pk=never_confirmed.pk).update(email_confirmed_at=None)
    assert services.forget_inactive_subscribers() == 2
    emails = dict(Subscriber.objects.values_list("pk", "email"))
    assert emails[keeps.pk] == keeps.email
    assert emails[just_withdrew.pk] == just_withdrew.email
    assert emails[withdrew.pk] == "" and emails[never_confirmed.pk] == ""


def test_topic_message_is_in_no_organization_log(site_tree, commit):
    from notifications import publish

    confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS])
    page = StandardPageFactory(parent=site_tree.fr, title="Projet", slug="projet")
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
    assert Delivery.objects.get().message.organization is None


def test_filesystem_broker_of_make_run_gets_one_shared_folder(tmp_path):
    from types import SimpleNamespace

    from notifications.apps import _filesystem_broker_folders
    from notifications.schedules import SCHEDULE as BEAT_SCHEDULE

    project = SimpleNamespace(CELERY_BROKER_URL="filesystem://", BASE_DIR=tmp_path)
    _filesystem_broker_folders(project)
    options = project.CELERY_BROKER_TRANSPORT_OPTIONS
    assert options["data_folder_in"] == options["data_folder_out"]
    assert (tmp_path / ".celery-broker" / "messages").is_dir()
    redis = SimpleNamespace(CELERY_BROKER_URL="redis://x", BASE_DIR=tmp_path)
    _filesystem_broker_folders(redis)
    assert not hasattr(redis, "CELERY_BROKER_TRANSPORT_OPTIONS")
    from django.conf import settings

    assert set(BEAT_SCHEDULE) <= set(settings.CELERY_BEAT_SCHEDULE)
