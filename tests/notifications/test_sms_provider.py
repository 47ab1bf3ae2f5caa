"""The HTTP adapter against a real HTTP server on 127.0.0.1 playing a provider."""

import pytest

from notifications import services
from notifications.channels import PermanentError, TransientError
from notifications.channels.sms import HttpBackend
from notifications.models import Channel, Delivery, Message

from .fake_provider import TOKEN, FakeProvider

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(settings):
    fake = FakeProvider(slow_seconds=1.5).start()
    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.channels.sms.HttpBackend"
    settings.NOTIFICATIONS_SMS_HTTP_URL = fake.url
    settings.NOTIFICATIONS_SMS_HTTP_TOKEN = TOKEN
    settings.NOTIFICATIONS_SMS_HTTP_TIMEOUT = 0.5
    yield fake
    fake.stop()


def sms_delivery(to, daytime):
    message = Message.objects.create(kind=Message.Kind.REMINDER, send_at=daytime)
    delivery = services.new_delivery(
        message, Channel.SMS, to, "fr", "", "Rappel : rendez-vous demain"
    )
    delivery.save()
    return delivery


def test_accepted(provider, daytime):
    delivery = sms_delivery("+15145550001", daytime)
    assert services.send_delivery(delivery.pk) is None
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.provider_reference == "msg-1"
    assert provider.received[0] == {
        "to": "+15145550001",
        "body": "Rappel : rendez-vous demain",
        "reference": f"delivery-{delivery.pk}",
    }


def test_refused_is_permanent(provider, daytime):
    delivery = sms_delivery("+15145550002", daytime)
    assert services.send_delivery(delivery.pk) is None
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.failure_reason == "provider 400: invalid number"
    assert delivery.attempts == 1


def test_timeout_is_retried(provider, daytime):
    delivery = sms_delivery("+15145550003", daytime)
    assert services.send_delivery(delivery.pk) == 30
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.CREATED
    assert "unreachable" in delivery.failure_reason


def test_rate_limited_waits_as_asked(provider, daytime):
    delivery = sms_delivery("+15145550004", daytime)
    assert services.send_delivery(delivery.pk) == 120  # Retry-After beats 30 s
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.CREATED
    assert delivery.failure_reason == "provider 429: slow down"


def test_unavailable_is_retried(provider, daytime):
    delivery = sms_delivery("+15145550005", daytime)
    assert services.send_delivery(delivery.pk) == 30
    assert "503" in Delivery.objects.get().failure_reason


def test_bad_credentials_are_permanent(provider, settings):
    settings.NOTIFICATIONS_SMS_HTTP_TOKEN = "wrong"
    with pytest.raises(PermanentError, match="401"):
        HttpBackend().send("+15145550001", "x", "r")


def test_provider_down(settings):
    settings.NOTIFICATIONS_SMS_HTTP_URL = "http://127.0.0.1:9"  # nothing listens
    with pytest.raises(TransientError):
        HttpBackend().send("+15145550001", "x", "r")


def test_delivery_receipts(client, provider, daytime, settings):
    from django.urls import reverse

    settings.NOTIFICATIONS_SMS_INBOUND_TOKEN = "receipt-token"
    delivered = sms_delivery("+15145550001", daytime)
    lost = sms_delivery("+15145550011", daytime)
    services.send_delivery(delivered.pk)
    services.send_delivery(lost.pk)
    url = reverse("notifications:sms_receipt")
    headers = {"HTTP_X_NOTIFICATIONS_TOKEN": "receipt-token"}
    assert (
        client.post(url, {"reference": f"delivery-{delivered.pk}"}).status_code == 403
    )
    ok = client.post(
        url, {"reference": f"delivery-{delivered.pk}", "status": "delivered"}, **headers
    )
    assert ok.content == b"recorded"
    client.post(
        url,
        {
            "reference": f"delivery-{lost.pk}",
            "status": "failed",
            "error": "handset off",
        },
        **headers,
    )
    for bad in (
        {"reference": "x-1", "status": "delivered"},
        {"reference": "delivery-1"},
    ):
        assert client.post(url, bad, **headers).content == b"ignored"
    statuses = dict(Delivery.objects.values_list("pk", "status"))
    assert statuses == {delivered.pk: "delivered", lost.pk: "failed"}
    assert Delivery.objects.get(pk=lost.pk).failure_reason == "handset off"


def test_messages_share_one_kept_alive_connection(provider):
    for n in range(3):
        HttpBackend().send(f"+1514555010{n}", "x", f"ref-{n}")
    assert len(provider.received) == 3
    assert provider.connections == 1


def test_a_connection_the_provider_closed_is_opened_again(provider):
    provider.drop_idle = True
    for n in range(3):
        assert HttpBackend().send(f"+1514555020{n}", "x", f"ref-{n}")
    assert sorted(provider.references().values()) == [1, 1, 1]  # none sent twice
    assert provider.connections == 3
