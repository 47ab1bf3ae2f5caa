"""Feedback digests and urgent alerts reach staff through the notification
platform: one event each, one delivery per staff member who asked for feedback by
email, in their language, in their organization's message log."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.users.models import UserProfile

from feedback import tasks as feedback_tasks
from feedback.models import DigestDelivery, DigestSubscription
from home.roles import EDITORS
from notifications import publish
from notifications.models import Delivery, Event, Priority, Topic
from tests.factories import OrganizationFactory, UserFactory
from tests.feedback.factories import FeedbackEntryFactory

pytestmark = pytest.mark.django_db


def yesterday_noon():
    midnight = datetime.combine(
        timezone.localdate() - timedelta(days=1), datetime.min.time()
    )
    return timezone.make_aware(midnight) + timedelta(hours=12)


@pytest.fixture
def revenu():
    organization = OrganizationFactory(name="Revenu")
    FeedbackEntryFactory(
        organization=organization, created_at=yesterday_noon(), comment="Bloqué."
    )
    return organization


def staff(organization, language="fr", **fields):
    user = UserFactory(groups=[EDITORS], organizations=[organization], **fields)
    DigestSubscription.objects.create(
        user=user, frequency=DigestSubscription.Frequency.DAILY
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_a_digest_is_one_delivery_in_the_organizations_log(revenu, commit):
    editor = staff(revenu)
    with commit():
        feedback_tasks.send_due_digests()
        feedback_tasks.send_due_digests()  # beat running twice
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Rétroaction numériQc : 1 nouvelles" in mail.outbox[0].subject
    assert "« Bloqué. »" in mail.outbox[0].body
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.SENT
    assert (delivery.to, delivery.language) == (editor.email, "fr")
    assert delivery.message.organization == revenu
    event = Event.objects.get()
    assert event.topic == Topic.FEEDBACK_DIGEST
    assert event.subject == DigestDelivery.objects.get()
    assert event.dispatched_at is not None


def test_each_staff_member_gets_their_own_in_their_language(revenu, commit):
    french, english = staff(revenu), staff(revenu, language="en")
    with commit():
        feedback_tasks.send_due_digests()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {french.email, english.email}
    assert "URGENT" not in by_address[english.email].body
    assert "1 new entr" in by_address[english.email].body
    assert by_address[english.email].subject.startswith("numériQc feedback: 1 new")
    assert Delivery.objects.filter(language="en").count() == 1


def test_the_digest_shows_in_the_message_log_of_its_organization_only(
    client, revenu, commit
):
    staff(revenu, email="agent@example.org")
    other = OrganizationFactory(name="Autre")
    with commit():
        feedback_tasks.send_due_digests()
    client.force_login(UserFactory(groups=[EDITORS], organizations=[revenu]))
    assert "agent@example.org" in client.get("/admin/notifications/log/").text
    client.force_login(UserFactory(groups=[EDITORS], organizations=[other]))
    assert "agent@example.org" not in client.get("/admin/notifications/log/").text


def test_nothing_is_sent_to_someone_deactivated_before_it_went(revenu, commit):
    editor = staff(revenu)
    with commit():
        feedback_tasks.send_due_digests()
        editor.__class__.objects.filter(pk=editor.pk).update(is_active=False)
    assert mail.outbox == []
    assert not Delivery.objects.exists()
    assert Event.objects.get().dispatched_at is not None


def test_a_digest_event_about_anything_else_sends_nothing(revenu, commit):
    staff(revenu)
    with commit():
        publish(Topic.FEEDBACK_DIGEST, revenu, key=str(timezone.localdate()))
    assert mail.outbox == []
    assert not Delivery.objects.exists()
    assert Event.objects.get().dispatched_at is not None


def test_an_urgent_entry_alerts_each_staff_member_once_and_first(revenu, commit):
    french, english = staff(revenu), staff(revenu, language="en")
    staff(OrganizationFactory(name="Autre"))  # another organization's staff
    entry = FeedbackEntryFactory(
        organization=revenu, comment="Je n’en peux plus.", urgency="self_harm"
    )
    with commit():
        assert feedback_tasks.alert_urgent_entry(entry.pk) == 2
        assert feedback_tasks.alert_urgent_entry(entry.pk) == 0  # run twice
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {french.email, english.email}
    assert by_address[french.email].subject == (
        "numériQc : une rétroaction urgente à lire"
    )
    assert by_address[english.email].subject == "numériQc: urgent feedback to read"
    deliveries = Delivery.objects.select_related("message")
    assert deliveries.count() == 2
    # Not behind a fan-out to subscribers: the normal lane.
    assert {d.message.priority for d in deliveries} == {Priority.NORMAL}
    assert {d.message.organization for d in deliveries} == {revenu}
    assert Event.objects.get().topic == Topic.FEEDBACK_URGENT
