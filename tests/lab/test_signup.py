"""Joining the panel: the form, consent, confirmation, in both languages."""

import re

import pytest
from django.core import mail
from django.test import Client

from consultation.lab.models import PanelMember

from .conftest import SAME_SITE

VALID = {
    "first_name": "Léa",
    "email": "Lea@Example.org",
    "region": "03",
    "age_range": "35-49",
    "language": "fr",
    "assistive": ["screen_reader"],
    "devices": ["phone", "computer"],
    "availability": ["evening"],
    "participation": ["remote"],
    "is_adult": "on",
    "consent": "on",
}


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_the_lab_page_shows_the_form_and_consent_in_french(client, lab_page):
    response = client.get("/fr/laboratoire/")
    assert response.status_code == 200
    text = response.text
    assert "Joindre le panel de test" in text
    assert "3 ans au maximum" in text
    assert "18 ans ou plus" in text
    assert not response.cookies


def test_the_lab_page_shows_the_form_in_english(client, lab_page):
    response = client.get("/en/lab/")
    assert response.status_code == 200
    assert "Join the testing panel" in response.text
    assert "kept for 3 years at most, then deleted" in response.text


def test_signing_up_stores_the_member_and_sends_a_confirmation(
    client, lab_page, commit
):
    response = commit(client.post, "/fr/laboratoire/", VALID, **SAME_SITE)
    assert response.status_code == 302
    member = PanelMember.objects.get()
    assert member.email == "lea@example.org"
    assert member.uses_screen_reader and member.has_phone and member.has_computer
    assert not member.has_tablet and member.accepts_remote
    assert member.region == "03" and member.signup_language == "fr"
    assert member.email_confirmed_at is None
    assert len(mail.outbox) == 1
    assert "Confirmez votre adresse" in mail.outbox[0].subject
    sent = client.get(response["Location"])
    assert "Vérifiez votre boîte de réception" in sent.text

    confirmed = client.get(link_in(mail.outbox[0]))
    assert confirmed.status_code == 200
    assert "Votre adresse courriel est confirmée" in confirmed.text
    assert confirmed["Referrer-Policy"] == "no-referrer"
    member.refresh_from_db()
    assert member.email_confirmed_at is not None


def test_signing_up_in_english_writes_in_english(client, lab_page, commit):
    response = commit(client.post, "/en/lab/", {**VALID, "language": ""}, **SAME_SITE)
    assert response.status_code == 302
    assert PanelMember.objects.get().contact_language == "en"
    assert "Confirm your email address" in mail.outbox[0].subject
    assert "/en/" in link_in(mail.outbox[0])


def test_only_a_contact_is_required(client, lab_page):
    minimal = {"mobile": "514 555-0123", "is_adult": "on", "consent": "on"}
    response = client.post("/fr/laboratoire/", minimal, **SAME_SITE)
    assert response.status_code == 302
    member = PanelMember.objects.get()
    assert member.mobile == "+15145550123" and member.email == ""
    assert member.region == "" and not member.uses_screen_reader


@pytest.mark.parametrize(
    ("language", "path", "missing", "message"),
    [
        ("fr", "/fr/laboratoire/", "consent", "Cochez la case de consentement"),
        ("fr", "/fr/laboratoire/", "is_adult", "ouvert aux personnes de 18 ans"),
        ("en", "/en/lab/", "consent", "Tick the consent box"),
        ("en", "/en/lab/", "is_adult", "open to people 18 or older"),
    ],
)
def test_without_consent_or_age_nothing_is_stored(
    client, lab_page, language, path, missing, message
):
    data = {key: value for key, value in VALID.items() if key != missing}
    response = client.post(path, data, **SAME_SITE)
    assert response.status_code == 400
    assert message in response.text
    assert not PanelMember.objects.exists()
    assert not mail.outbox


def test_without_any_contact_nothing_is_stored(client, lab_page):
    data = {**VALID, "email": "", "mobile": ""}
    response = client.post("/fr/laboratoire/", data, **SAME_SITE)
    assert response.status_code == 400
    assert "Indiquez une adresse courriel ou un numéro de cellulaire" in response.text
    assert not PanelMember.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"email": "pas-une-adresse"},
        {"mobile": "123"},
        {"region": "99"},
        {"assistive": ["none", "magnifier"]},
        {"devices": ["toaster"]},
    ],
)
def test_bad_input_is_refused_without_error(client, lab_page, bad):
    response = client.post("/fr/laboratoire/", {**VALID, **bad}, **SAME_SITE)
    assert response.status_code == 400
    assert not PanelMember.objects.exists()


def test_a_post_from_another_site_is_refused(client, lab_page):
    response = client.post(
        "/fr/laboratoire/", VALID, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not PanelMember.objects.exists()


def test_signing_up_twice_stores_one_member_and_resends_the_link(
    client, lab_page, commit
):
    commit(client.post, "/fr/laboratoire/", VALID, **SAME_SITE)
    again = commit(
        client.post, "/fr/laboratoire/", {**VALID, "first_name": "Autre"}, **SAME_SITE
    )
    assert again.status_code == 302
    assert PanelMember.objects.count() == 1
    assert PanelMember.objects.get().first_name == "Léa"
    assert "déjà" in mail.outbox[1].subject
    commit(client.post, "/fr/laboratoire/", VALID, **SAME_SITE)
    assert len(mail.outbox) == 3  # each new request gets the link again


def test_a_forged_or_altered_confirmation_link_confirms_nothing(
    client, lab_page, commit
):
    commit(client.post, "/fr/laboratoire/", VALID, **SAME_SITE)
    link = link_in(mail.outbox[0])
    response = client.get(link[:-3] + "xyz/")
    assert response.status_code == 404
    assert "Ce lien ne fonctionne pas" in response.text
    assert PanelMember.objects.get().email_confirmed_at is None


@pytest.mark.parametrize("path", ["/fr/laboratoire/", "/en/lab/"])
def test_a_browser_enforcing_csrf_can_join_without_a_cookie(lab_page, path):
    """The page is cacheable and sets no cookie: its form has no CSRF token, so
    the page opts out of Django's check and keeps the lab's own guard."""
    browser = Client(enforce_csrf_checks=True)
    shown = browser.get(path)
    assert shown.status_code == 200
    assert not shown.cookies
    response = browser.post(path, VALID, **SAME_SITE)
    assert response.status_code == 302
    assert PanelMember.objects.get().email == "lea@example.org"


def test_a_browser_enforcing_csrf_is_still_refused_from_another_site(lab_page):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/fr/laboratoire/", VALID, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not PanelMember.objects.exists()
