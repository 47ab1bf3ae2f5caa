"""A citizen joins the testing panel, then sees, changes, downloads and deletes
their record, in a real browser (real CSRF, no test-client shortcut), in French
and in English."""

import re

import pytest
from playwright.sync_api import expect

from consultation.lab.models import PanelMember

TEXT = {
    "fr": {
        "lab": "/fr/laboratoire/",
        "email": re.compile("^Adresse courriel"),
        "first_name": re.compile("^Prénom"),
        "adult": "J’ai 18 ans ou plus.",
        "consent": re.compile("J’accepte que le laboratoire"),
        "join": "Joindre le panel",
        "sent": "Vérifiez votre boîte de réception",
        "no_contact": "Indiquez une adresse courriel ou un numéro de cellulaire",
        "no_consent": "Cochez la case de consentement pour joindre le panel.",
    },
    "en": {
        "lab": "/en/lab/",
        "email": re.compile("^Email address"),
        "first_name": re.compile("^First name"),
        "adult": "I am 18 or older.",
        "consent": re.compile("I agree that the lab"),
        "join": "Join the panel",
        "sent": "Check your inbox",
        "no_contact": "Give an email address or a mobile number",
        "no_consent": "Tick the consent box to join the panel.",
    },
}

LANGUAGES = pytest.mark.parametrize("language", ["fr", "en"])


def _signup_form(page):
    return page.locator("section#join form")


@LANGUAGES
def test_citizen_joins_the_testing_panel(page, site_url, mailoutbox, language):
    text = TEXT[language]
    address = f"panel.{language}@example.org"
    page.goto(site_url + text["lab"])
    form = _signup_form(page)
    form.get_by_label(text["first_name"]).fill("Camille")
    form.get_by_label(text["email"]).fill(address)
    form.get_by_label(text["adult"]).check()
    form.get_by_label(text["consent"]).check()
    form.get_by_role("button", name=text["join"]).click()

    expect(page.locator("h1")).to_have_text(text["sent"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    member = PanelMember.objects.get(email=address)
    assert member.first_name == "Camille"
    assert member.signup_language == language
    assert member.email_confirmed_at is None
    assert [message.to for message in mailoutbox] == [[address]]


@LANGUAGES
def test_panel_sign_up_errors_keep_what_was_typed(page, site_url, language):
    text = TEXT[language]
    before = PanelMember.objects.count()
    page.goto(site_url + text["lab"])
    form = _signup_form(page)
    form.get_by_label(text["first_name"]).fill("Dominique")
    form.get_by_role("button", name=text["join"]).click()

    expect(page.get_by_text(text["no_contact"]).first).to_be_visible()
    expect(page.get_by_text(text["no_consent"]).first).to_be_visible()
    expect(_signup_form(page).get_by_label(text["first_name"])).to_have_value(
        "Dominique"
    )
    assert PanelMember.objects.count() == before
