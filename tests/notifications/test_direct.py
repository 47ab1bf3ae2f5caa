"""Direct messages from the user-testing lab go through the sending pipeline."""

import pytest
from django.core import mail

from consultation.lab import tasks as lab_tasks
from consultation.lab.messaging import DirectMessage, Unreachable, deliver
from consultation.lab.models import Invitation
from consultation.lab.services import invite
from notifications import services, tasks
from notifications.channels import sms
from notifications.models import Channel, Delivery, Message, Suppression
from tests.lab.factories import PanelMemberFactory, StudyFactory

from .conftest import pin_clock

pytestmark = pytest.mark.django_db


def direct(key="lab-test-1", email="", mobile="", language="fr"):
    return DirectMessage(
        email=email,
        mobile=mobile,
        language=language,
        subject="Invitation",
        body="Bonjour,\nhttps://example.org/x",
        key=key,
    )


def test_an_sms_only_member_is_invited_by_text_message_in_their_language(
    daytime, commit
):
    member = PanelMemberFactory(email="", mobile="+15145550123", language="en")
    with commit():
        result = invite(StudyFactory(), [member.pk])
    (invitation,) = result.invited
    invitation.refresh_from_db()
    assert invitation.channel == "sms"
    assert not mail.outbox
    (text,) = sms.outbox
    assert text["to"] == "+15145550123"
    assert "Invitation to test a public service" in text["body"]
    assert "Accept (and choose a time) or decline:" in text["body"]
    assert text["body"].endswith("STOP to opt out")
    assert "We are looking for people" not in text["body"]  # the short version
    delivery = Delivery.objects.get()
    assert delivery.segments <= 3
    assert (delivery.channel, delivery.language) == (Channel.SMS, "en")
    assert delivery.status == Delivery.Status.SENT
    assert delivery.message.kind == Message.Kind.DIRECT


def test_a_french_sms_only_member_gets_french_text(daytime, commit):
    member = PanelMemberFactory(email="", mobile="+15145550124", language="fr")
    with commit():
        invite(StudyFactory(), [member.pk])
    (text,) = sms.outbox
    assert "Invitation à tester un service public" in text["body"]
    assert text["body"].endswith("ARRET pour vous désabonner")


def test_an_email_member_gets_one_email_even_if_the_task_runs_twice(commit):
    member = PanelMemberFactory(email="camille@example.org", mobile="+15145550125")
    with commit():
        (invitation,) = invite(StudyFactory(), [member.pk]).invited
    # The lab released its claim (as after a crash): its task runs again.
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=None)
    with commit():
        assert lab_tasks.send_invitation(invitation.pk) is True
    (email,) = mail.outbox
    assert email.to == ["camille@example.org"]
    assert "Invitation à tester un service public" in email.subject
    assert not sms.outbox
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 1
    assert Invitation.objects.get(pk=invitation.pk).channel == "email"


def test_the_same_key_twice_makes_one_delivery_sent_once(commit):
    with commit():
        assert deliver(direct(email="a@example.org")) == "email"
        assert deliver(direct(email="a@example.org")) == "email"
    delivery = Delivery.objects.get()
    tasks.send_delivery(delivery.pk)  # a duplicate broker message
    assert len(mail.outbox) == 1


def test_text_messages_wait_for_the_end_of_quiet_hours(monkeypatch, commit):
    pin_clock(monkeypatch, "2026-11-26T23:00:00-05:00")
    with commit():
        assert deliver(direct(mobile="+15145550126")) == "sms"
    assert not sms.outbox
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.CREATED
    pin_clock(monkeypatch, "2026-11-27T08:01:00-05:00")
    with commit():
        services.dispatch_due()
    assert len(sms.outbox) == 1
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_a_transient_failure_is_retried_then_sent(settings, daytime, commit):
    settings.NOTIFICATIONS_SMS_BACKEND = "tests.notifications.test_direct.FlakySms"
    FlakySms.failures = 1
    with commit():
        deliver(direct(mobile="+15145550127"))
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.CREATED and delivery.attempts == 1
    # The back-off has passed: Celery's retry runs the task again.
    Delivery.objects.filter(pk=delivery.pk).update(due_at=daytime)
    tasks.send_delivery(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2
    assert len(sms.outbox) == 1


class FlakySms(sms.LocmemBackend):
    failures = 0

    def send(self, to, body, reference):
        from notifications.channels import TransientError

        if FlakySms.failures:
            FlakySms.failures -= 1
            raise TransientError("provider timeout")
        return super().send(to, body, reference)


def test_a_member_who_sent_stop_cannot_be_reached_by_text(daytime, commit):
    Suppression.objects.create(channel=Channel.SMS, address="+15145550128")
    with pytest.raises(Unreachable), commit():
        deliver(direct(mobile="+15145550128"))
    assert not Delivery.objects.exists()
    assert not sms.outbox
