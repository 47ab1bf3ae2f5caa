import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications import reminders
from notifications.channels import sms
from notifications.models import (
    ApiKey,
    Delivery,
    Message,
    MessageTemplate,
    SendingLimit,
    Suppression,
)
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Bonjour ((prenom)), votre rendez-vous est le ((date)).((lieu?? Lieu : ((lieu)).))"
)


@pytest.fixture
def organization():
    organization = OrganizationFactory()
    for language in ("fr", "en"):
        for channel in ("email", "sms"):
            MessageTemplate.objects.create(
                organization=organization,
                slug="rendez-vous",
                language=language,
                channel=channel,
                subject="Rappel ((date))" if language == "fr" else "Reminder ((date))",
                body=BODY
                if language == "fr"
                else "Hello ((prenom)), see you ((date)).",
                max_segments=2,
            )
    return organization


@pytest.fixture
def key(organization):
    return reminders.create_api_key(organization, "Système de rendez-vous")[1]


def post(client, key, data, **headers):
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")  # the problems' language
    return client.post(
        reverse("notifications:api_reminders"),
        data=json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        **headers,
    )


def payload(**overrides):
    data = {
        "template": "rendez-vous",
        "language": "fr",
        "email": "citoyen@example.org",
        "personalisation": {"prenom": "Marie", "date": "2 décembre"},
    }
    data.update(overrides)
    return data


def test_key_is_stored_hashed(organization, key):
    stored = ApiKey.objects.get()
    assert key not in (stored.key_hash, stored.prefix)
    assert stored.key_hash == reminders.hash_key(key)
    assert key.startswith(stored.prefix)


def test_schedule_and_send_now(client, key):
    response = post(client, key, payload())
    assert response.status_code == 201
    assert response.json()["status"] == "created"  # sent by a worker, after commit
    status = client.get(
        reverse("notifications:api_reminder", args=[response.json()["id"]]),
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert status.json()["status"] == "sent"
    assert mail.outbox[0].subject == "Rappel 2 décembre"
    body, footer = mail.outbox[0].body.split("\n\n")
    assert body == "Bonjour Marie, votre rendez-vous est le 2 décembre."
    target = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    # The same link in the text, for mail clients that hide the header.
    assert footer == f"Pour ne plus recevoir ces messages : {target}"


def test_optional_text_shown_when_value_present(client, key):
    data = payload(
        personalisation={"prenom": "Marie", "date": "2 déc", "lieu": "Québec"}
    )
    post(client, key, data)
    assert "le 2 déc. Lieu : Québec.\n\n" in mail.outbox[0].body


def test_english_template(client, key):
    post(client, key, payload(language="en"))
    assert mail.outbox[0].subject == "Reminder 2 décembre"
    assert "To stop receiving these messages: http://testserver/en/" in (
        mail.outbox[0].body
    )


def test_missing_placeholders_are_refused(client, key):
    response = post(client, key, payload(personalisation={"prenom": "Marie"}))
    assert response.status_code == 400
    assert response.json()["fields"]["personalisation"] == ["Missing values for: date."]
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (payload(template="inconnu"), "template"),
        (payload(email="pas-une-adresse"), "email"),
        (payload(phone="+15145550100"), "recipient"),
        (payload(language="de"), "language"),
        (payload(send_at="demain"), "send_at"),
        (payload(priority="urgent"), "priority"),
        (payload(personalisation=["x"]), "personalisation"),
    ],
)
def test_bad_input(client, key, data, field):
    response = post(client, key, data)
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not Message.objects.exists()


def test_not_json(client, key):
    response = client.post(
        reverse("notifications:api_reminders"),
        data="{nope",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400


def test_sms_too_long_is_refused(client, key, daytime):
    data = payload(email=None, phone="514 555-0100")
    data["personalisation"]["date"] = "ê" * 200
    response = post(client, key, data)
    assert response.status_code == 400
    assert "segments" in response.json()["fields"]["personalisation"][0]
    data["personalisation"]["date"] = "2 décembre"
    assert post(client, key, data).status_code == 201
    assert sms.outbox[0]["body"].endswith("ARRET pour vous désabonner")


def test_idempotency_key_returns_the_first_result(client, key):
    first = post(client, key, payload(), HTTP_IDEMPOTENCY_KEY="abc-1")
    second = post(client, key, payload(), HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == 201
    assert second.status_code == 200
    assert second["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == second.json()["id"]
    assert Message.objects.count() == 1
    assert len(mail.outbox) == 1
    other = post(
        client, key, payload(email="x@example.org"), HTTP_IDEMPOTENCY_KEY="abc-1"
    )
    assert other.status_code == 409


def test_idempotency_key_is_unique_in_the_database(organization):
    from django.db import IntegrityError, transaction

    Message.objects.create(
        kind="reminder", organization=organization, idempotency_key="k"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.create(
            kind="reminder", organization=organization, idempotency_key="k"
        )


def test_schedule_later_and_cancel(client, key):
    later = (timezone.now() + timedelta(days=2)).isoformat()
    created = post(client, key, payload(send_at=later)).json()
    assert created["status"] == "created"
    assert not mail.outbox
    cancel_url = reverse("notifications:api_cancel", args=[created["id"]])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post(cancel_url, **auth)
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert client.post(cancel_url, **auth).status_code == 409  # nothing left to cancel
    status = client.get(
        reverse("notifications:api_reminder", args=[created["id"]]), **auth
    )
    assert status.json()["status"] == "cancelled"


def test_a_sent_reminder_cannot_be_cancelled(client, key):
    created = post(client, key, payload()).json()
    response = client.post(
        reverse("notifications:api_cancel", args=[created["id"]]),
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 409
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_another_organization_sees_nothing(client, key):
    created = post(client, key, payload()).json()
    other = reminders.create_api_key(OrganizationFactory(), "autre")[1]
    url = reverse("notifications:api_reminder", args=[created["id"]])
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 404


def test_revoked_and_wrong_keys(client, key):
    assert post(client, "nqc_wrong", payload()).status_code == 401
    reminders.revoke(ApiKey.objects.get().pk)
    response = post(client, key, payload())
    assert response.status_code == 401
    assert "Bearer" in response["WWW-Authenticate"]
    assert not Message.objects.exists()


def test_per_minute_limit(client, key, organization):
    SendingLimit.objects.create(organization=organization, per_minute=2, per_day=100)
    for n in range(2):
        assert post(client, key, payload(email=f"p{n}@example.org")).status_code == 201
    response = post(client, key, payload(email="p9@example.org"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert Message.objects.count() == 2


def test_per_day_limit(client, key, organization):
    SendingLimit.objects.create(organization=organization, per_minute=100, per_day=1)
    assert post(client, key, payload(), HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    response = post(client, key, payload(email="b@example.org"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # A replay is not a new reminder: it still gets its answer.
    assert post(client, key, payload(), HTTP_IDEMPOTENCY_KEY="k1").status_code == 200


def test_opted_out_recipient_is_refused(client, key, organization):
    Suppression.objects.create(
        channel="email", address="citoyen@example.org", organization=organization
    )
    response = post(client, key, payload())
    assert response.status_code == 400
    assert "opted out" in response.json()["fields"]["recipient"][0]


def test_reminder_unsubscribe_link_suppresses_that_organization(client, key):
    post(client, key, payload())
    target = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(
        target.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert post(client, key, payload()).status_code == 400


def test_bulk_and_normal_go_to_separate_queues(organization):
    from notifications.services import BULK_QUEUE, NORMAL_QUEUE

    assert BULK_QUEUE != NORMAL_QUEUE
    bulk, _ = reminders.schedule(organization, payload(priority="bulk"))
    assert bulk.priority == "bulk"


def test_openapi_is_served(client):
    response = client.get(reverse("notifications:api_openapi"))
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/fr/notifications/api/v1/reminders/" in document["paths"]
