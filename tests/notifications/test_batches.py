"""Deliveries claimed and recorded in batches: one UPDATE claims the queued
deliveries of a lane, one UPDATE records what the provider said; nothing is sent
twice, a bulk batch never takes a normal message, and a batch that breaks
half-way leaves each delivery where the sweeper or the dispatcher finds it."""

import pytest
from django.core import mail
from django.utils import timezone

from notifications import services
from notifications.channels import sms
from notifications.models import Channel, Delivery, Message, Suppression

pytestmark = pytest.mark.django_db


def queued(count, priority="normal", channel=Channel.EMAIL):
    deliveries = []
    for n in range(count):
        message = Message.objects.create(
            kind=Message.Kind.REMINDER, priority=priority, send_at=timezone.now()
        )
        to = f"p{n}@example.org" if channel == Channel.EMAIL else f"+1514555{n:04d}"
        delivery = services.new_delivery(message, channel, to, "fr", "Objet", "Salut")
        delivery.queued_at = timezone.now()  # its task is in the broker
        delivery.save()
        deliveries.append(delivery)
    return deliveries


def statuses(deliveries):
    ids = [d.pk for d in deliveries]
    return list(
        Delivery.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list("status", flat=True)
    )


def test_one_task_sends_the_queued_batch_in_the_same_statements_whatever_its_size(
    django_assert_num_queries,
):
    small = queued(3)
    # Read this one, read the batch, suppressions, claim, record.
    with django_assert_num_queries(5):
        services.send_delivery(small[0].pk)
    assert statuses(small) == [Delivery.Status.SENT] * 3
    large = queued(20)
    with django_assert_num_queries(5):
        services.send_delivery(large[0].pk)
    assert statuses(large) == [Delivery.Status.SENT] * 20
    assert len(mail.outbox) == 23
    # Their own tasks come next and find nothing left to send.
    for delivery in large:
        assert services.send_delivery(delivery.pk) is None
    assert len(mail.outbox) == 23
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_a_batch_keeps_to_its_lane_and_its_size():
    bulk = queued(3, priority="bulk")
    normal = queued(2)
    services.send_delivery(bulk[0].pk)
    assert statuses(bulk) == [Delivery.Status.SENT] * 3
    assert statuses(normal) == [Delivery.Status.CREATED] * 2
    many = normal + queued(services.BATCH + 5)
    services.send_delivery(many[-1].pk)  # itself first, then the oldest
    sent = Delivery.objects.filter(
        pk__in=[d.pk for d in many], status=Delivery.Status.SENT
    )
    assert sent.count() == services.BATCH and sent.filter(pk=many[-1].pk).exists()
    assert sent.filter(pk=normal[0].pk).exists()


def test_consent_is_checked_for_every_delivery_of_the_batch():
    deliveries = queued(3)
    Suppression.objects.create(channel=Channel.EMAIL, address=deliveries[1].to)
    services.send_delivery(deliveries[0].pk)
    assert statuses(deliveries) == [
        Delivery.Status.SENT,
        Delivery.Status.CANCELLED,
        Delivery.Status.SENT,
    ]


class BreaksOnSecond:
    """An SMS backend that raises something no channel foresees on its 2nd call."""

    calls = 0

    def send(self, to, body, reference):
        BreaksOnSecond.calls += 1
        if BreaksOnSecond.calls == 2:
            raise RuntimeError("bug")
        sms.outbox.append({"to": to, "body": body, "ref": reference})
        return reference


def test_a_batch_broken_half_way_loses_nothing_and_sends_nothing_twice(settings):
    backend = "tests.notifications.test_batches.BreaksOnSecond"
    settings.NOTIFICATIONS_SMS_BACKEND = backend
    settings.NOTIFICATIONS_SMS_QUIET_HOURS = "off"
    BreaksOnSecond.calls = 0
    sms.outbox.clear()
    deliveries = queued(4, channel=Channel.SMS)
    with pytest.raises(RuntimeError):
        services.send_delivery(deliveries[0].pk)
    # Sent: recorded. Raised: left "sending" for the sweeper. Not tried: back to
    # "created" for the dispatcher, its claim undone.
    assert statuses(deliveries) == [
        Delivery.Status.SENT,
        Delivery.Status.SENDING,
        Delivery.Status.CREATED,
        Delivery.Status.CREATED,
    ]
    untried = Delivery.objects.get(pk=deliveries[2].pk)
    assert untried.attempts == 0 and untried.queued_at is None
    assert len(sms.outbox) == 1
