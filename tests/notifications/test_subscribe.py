import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from notifications.channels import sms
from notifications.models import Channel, Consent, Subscriber, Subscription, Topic

from .conftest import ORIGIN, links_in

pytestmark = pytest.mark.django_db


def url(name, language="fr", *args):
    with translation.override(language):
        return reverse(f"notifications:{name}", args=args)


def form(**overrides):
    data = {
        "email": "marie@example.org",
        "phone": "",
        "language": "fr",
        "email_topics": [Topic.CONSULTATION_OPENED, Topic.CONSULTATION_RESULTS],
        "sms_topics": [],
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("language", "heading", "wording"),
    [
        ("fr", "Recevoir des avis", "J’accepte de recevoir de numériQc, par courriel"),
        ("en", "Receive notifications", "I agree to receive from numériQc, by email"),
    ],
)
def test_form_in_both_languages(client, site_tree, language, heading, wording):
    response = client.get(url("subscribe", language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert wording in html
    assert 'name="website"' in html  # the honeypot
    assert "Set-Cookie" not in str(response.headers.get("Set-Cookie", ""))


def test_subscribe_records_consent_and_sends_confirmation(client, site_tree):
    response = client.post(url("subscribe"), form(), **ORIGIN)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "marie@example.org"
    assert subscriber.email_confirmed_at is None
    consents = Consent.objects.filter(subscriber=subscriber)
    assert consents.count() == 2
    record = consents.first()
    assert record.action == Consent.Action.GIVEN
    assert record.method == Consent.Method.FORM
    assert record.wording_version
    assert record.wording.startswith("J’accepte de recevoir")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marie@example.org"]
    assert "Confirmez votre abonnement" in mail.outbox[0].subject


def test_english_subscriber_gets_english_confirmation(client, site_tree):
    client.post(url("subscribe", "en"), form(language="en"), **ORIGIN)
    assert "Confirm your subscription" in mail.outbox[0].subject
    assert Consent.objects.first().wording.startswith("I agree to receive")


def test_double_submission_stores_one_subscriber(client, site_tree):
    client.post(url("subscribe"), form(), **ORIGIN)
    client.post(url("subscribe"), form(), **ORIGIN)
    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 2


def test_known_confirmed_address_changes_nothing(client, site_tree):
    client.post(url("subscribe"), form(), **ORIGIN)
    Subscriber.objects.update(email_confirmed_at="2026-11-01T00:00Z")
    mail.outbox.clear()
    client.post(url("subscribe"), form(email_topics=[Topic.VITRINE_PROJECT]), **ORIGIN)
    assert not Subscription.objects.filter(topic=Topic.VITRINE_PROJECT).exists()
    assert "préférences" in mail.outbox[0].subject


def test_honeypot_stores_nothing(client, site_tree):
    response = client.post(url("subscribe"), form(website="http://spam"), **ORIGIN)
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_post_from_elsewhere_is_refused(client, site_tree):
    response = client.post(url("subscribe"), form(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_rate_limit(client, site_tree, settings):
    settings.NOTIFICATIONS_SUBSCRIBE_PER_ADDRESS = 2
    for n in range(2):
        client.post(url("subscribe"), form(email=f"p{n}@example.org"), **ORIGIN)
    response = client.post(url("subscribe"), form(email="p9@example.org"), **ORIGIN)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Subscriber.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email_topics": []}, "Choisissez au moins un sujet."),
        ({"email": ""}, "Indiquez votre adresse courriel"),
        ({"phone": "12", "sms_topics": [Topic.VITRINE_PROJECT]}, "514 555-0123"),
        ({"email": "pas-une-adresse"}, "adresse de courriel valide"),
        ({"email_topics": ["nope"]}, "choix valide"),
    ],
)
def test_bad_input_stores_nothing(client, site_tree, overrides, message):
    response = client.post(url("subscribe"), form(**overrides), **ORIGIN)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_email_confirmation_by_signed_link(client, site_tree):
    client.post(url("subscribe"), form(), **ORIGIN)
    confirm = links_in(mail.outbox[0].body)[0]
    page = client.get(confirm)
    assert page.status_code == 200
    assert Subscriber.objects.get().email_confirmed_at is None  # a GET is not enough
    response = client.post(confirm, **ORIGIN)
    assert response.status_code == 200
    assert "Adresse courriel confirmée" in response.content.decode()
    assert Subscriber.objects.get().email_confirmed_at is not None


def test_tampered_confirmation_link(client, site_tree):
    client.post(url("subscribe"), form(), **ORIGIN)
    confirm = links_in(mail.outbox[0].body)[0]
    response = client.post(confirm.replace(":", "x", 1), **ORIGIN)
    assert response.status_code == 404
    assert Subscriber.objects.get().email_confirmed_at is None


def sms_code():
    return re.search(r"\b(\d{6})\b", sms.outbox[-1]["body"]).group(1)


def subscribe_by_sms(client, daytime=None):
    response = client.post(
        url("subscribe"),
        form(
            email="",
            email_topics=[],
            phone="514 555-0199",
            sms_topics=["vitrine.project"],
        ),
        **ORIGIN,
    )
    assert response.status_code == 302
    return response["Location"]


def test_phone_confirmed_by_six_digit_code(client, site_tree):
    verify = subscribe_by_sms(client)
    subscriber = Subscriber.objects.get()
    assert subscriber.phone == "+15145550199"
    assert sms.outbox[0]["to"] == "+15145550199"
    code = sms_code()
    assert code not in subscriber.phone_code_hash
    assert "ARRET" in sms.outbox[0]["body"] or "STOP" in sms.outbox[0]["body"]
    wrong = client.post(
        verify, {"code": "000000" if code != "000000" else "111111"}, **ORIGIN
    )
    assert wrong.status_code == 400
    assert "pas le bon" in wrong.content.decode()
    ok = client.post(verify, {"code": code}, **ORIGIN)
    assert ok.status_code == 200
    assert Subscriber.objects.get().phone_confirmed_at is not None


def test_code_attempts_are_limited(client, site_tree):
    verify = subscribe_by_sms(client)
    code = sms_code()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        client.post(verify, {"code": wrong}, **ORIGIN)
    response = client.post(verify, {"code": code}, **ORIGIN)
    assert "Trop de codes erronés" in response.content.decode()
    assert Subscriber.objects.get().phone_confirmed_at is None
    client.post(verify, {"resend": "1"}, **ORIGIN)
    assert client.post(verify, {"code": sms_code()}, **ORIGIN).status_code == 200


def test_preference_centre_changes_and_withdraws(client, site_tree):
    client.post(url("subscribe"), form(), **ORIGIN)
    subscriber = Subscriber.objects.get()
    from notifications import links

    page = url("preferences", "fr", links.preferences_token(subscriber))
    html = client.get(page).content.decode()
    assert "Vos préférences" in html
    assert 'value="consultation.opened" id="id_email_topics_0" checked' in html
    response = client.post(
        page,
        {"language": "en", "email_topics": [Topic.VITRINE_PROJECT], "sms_topics": []},
        **ORIGIN,
    )
    assert response.status_code == 200
    active = Subscription.objects.filter(active=True).values_list("topic", flat=True)
    assert list(active) == [Topic.VITRINE_PROJECT]
    assert (
        Consent.objects.filter(
            action=Consent.Action.WITHDRAWN, method=Consent.Method.PREFERENCES
        ).count()
        == 2
    )
    assert Subscriber.objects.get().language == "en"
    assert client.get(page[:-3] + "xx/").status_code == 404


def test_stop_reply_withdraws_sms_consent(client, site_tree, settings):
    settings.NOTIFICATIONS_SMS_INBOUND_TOKEN = "secret-token"
    verify = subscribe_by_sms(client)
    client.post(verify, {"code": sms_code()}, **ORIGIN)
    inbound = url("sms_inbound")
    refused = client.post(inbound, {"from": "5145550199", "text": "ARRET"})
    assert refused.status_code == 403
    response = client.post(
        inbound,
        {"from": "+1 514 555 0199", "text": " arret "},
        HTTP_X_NOTIFICATIONS_TOKEN="secret-token",
    )
    assert response.content == b"stopped"
    assert not Subscription.objects.filter(channel=Channel.SMS, active=True).exists()
    assert Consent.objects.filter(method=Consent.Method.SMS_STOP).count() == 1


def test_nobody_takes_over_a_confirmed_subscriber(client, site_tree):
    from django.utils import timezone

    victim = Subscriber.objects.create(
        email="victime@example.org",
        phone="+15145550150",
        email_confirmed_at=timezone.now(),
    )
    response = client.post(
        url("subscribe"),
        form(
            email="pirate@example.org",
            phone="514 555-0150",
            sms_topics=[Topic.VITRINE_PROJECT],
        ),
        **ORIGIN,
    )
    assert response.status_code == 302
    assert response["Location"] == url("subscribed")  # not the victim's code page
    victim.refresh_from_db()
    assert victim.email == "victime@example.org"
    assert not Subscription.objects.exists()
    assert [m.to for m in mail.outbox] == [["victime@example.org"]]  # a link for them


def test_addresses_held_by_two_unconfirmed_rows(client, site_tree):
    Subscriber.objects.create(email="a@example.org")
    Subscriber.objects.create(phone="+15145550151")
    response = client.post(
        url("subscribe"),
        form(
            email="a@example.org", phone="514 555-0151", sms_topics=["vitrine.project"]
        ),
        **ORIGIN,
    )
    assert response.status_code == 302
    assert Subscriber.objects.get(email="a@example.org").phone == "+15145550151"


@pytest.mark.parametrize(
    ("path", "text", "link"),
    [
        (
            "/fr/",
            "Être avisé par courriel ou par texto",
            "/fr/notifications/abonnement/",
        ),
        ("/en/", "Be told by email or text message", "/en/notifications/subscribe/"),
    ],
)
def test_home_page_points_to_the_form(client, site_tree, path, text, link):
    html = client.get(path).content.decode()
    assert text in html
    assert f'href="{link}"' in html
