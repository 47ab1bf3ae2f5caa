"""A citizen joins the testing panel, then sees, changes, downloads and deletes
their record, in a real browser (real CSRF, no test-client shortcut), in French
and in English."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

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
        "confirmed": "Votre adresse courriel est confirmée",
        "manage": "Consulter, modifier ou supprimer vos renseignements",
        "record": "Vos renseignements dans le panel de test",
        "region": re.compile("^Région du Québec"),
        "save": "Enregistrer mes modifications",
        "saved": "Vos modifications sont enregistrées.",
        "delete": "Supprimer tous mes renseignements",
        "deleted": "Vos renseignements sont supprimés",
        "download": re.compile("Télécharger"),
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
        "confirmed": "Your email address is confirmed",
        "manage": "See, change or delete your information",
        "record": "Your information in the testing panel",
        "region": re.compile("^Region of Québec"),
        "save": "Save my changes",
        "saved": "Your changes are saved.",
        "delete": "Delete all my information",
        "deleted": "Your information is deleted",
        "download": re.compile("Download"),
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


def _join(page, site_url, text, address):
    page.goto(site_url + text["lab"])
    form = _signup_form(page)
    form.get_by_label(text["email"]).fill(address)
    form.get_by_label(text["adult"]).check()
    form.get_by_label(text["consent"]).check()
    form.get_by_role("button", name=text["join"]).click()
    expect(page.locator("h1")).to_have_text(text["sent"])


def _path_of_link(message):
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def _open_record(page, site_url, mailoutbox, text, address):
    """Join, confirm by the emailed link, then open the self-service page."""
    _join(page, site_url, text, address)
    confirmation = next(m for m in mailoutbox if m.to == [address])
    page.goto(site_url + _path_of_link(confirmation))
    expect(page.locator("h1")).to_have_text(text["confirmed"])
    page.get_by_role("link", name=text["manage"]).click()
    expect(page.locator("h1")).to_have_text(text["record"])


@LANGUAGES
def test_panel_member_sees_changes_and_deletes_their_record(
    page, site_url, mailoutbox, language
):
    text = TEXT[language]
    address = f"record.{language}@example.org"
    _open_record(page, site_url, mailoutbox, text, address)
    member = PanelMember.objects.get(email=address)
    assert member.email_confirmed_at is not None
    expect(page.locator("main")).to_contain_text(address)

    page.get_by_label(text["first_name"]).fill("Alexis")
    page.get_by_label(text["region"]).select_option("06")
    page.get_by_role("button", name=text["save"]).click()
    expect(page.get_by_text(text["saved"])).to_be_visible()
    expect(page.get_by_label(text["first_name"])).to_have_value("Alexis")
    member.refresh_from_db()
    assert (member.first_name, member.region) == ("Alexis", "06")

    page.get_by_role("button", name=text["delete"]).click()
    expect(page.locator("h1")).to_have_text(text["deleted"])
    assert not PanelMember.objects.filter(email=address).exists()


@LANGUAGES
def test_panel_member_downloads_their_record(page, site_url, mailoutbox, language):
    text = TEXT[language]
    address = f"download.{language}@example.org"
    _open_record(page, site_url, mailoutbox, text, address)
    with page.expect_download(timeout=5000) as download_info:
        page.get_by_role("link", name=text["download"]).first.click(timeout=5000)
    content = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert address in json.dumps(content)


INVITATION = {
    "fr": {
        "accept": "J’accepte",
        "decline": "Je refuse",
        "no_time": "Choisissez un moment.",
        "times": "Choisissez un moment",
        "accepted": "Merci : vous participez.",
        "declined": "Vous avez refusé cette invitation.",
    },
    "en": {
        "accept": "I accept",
        "decline": "I decline",
        "no_time": "Choose a time.",
        "times": "Choose a time",
        "accepted": "Thank you: you are taking part.",
        "declined": "You declined this invitation.",
    },
}


def _invited(language, who):
    """A confirmed member invited to the demo study, and the invitation's path."""
    from django.urls import reverse
    from django.utils import timezone, translation

    from consultation.lab import tokens
    from consultation.lab.models import Invitation, Study

    study = next(s for s in Study.objects.all() if not s.is_full and s.slots.exists())
    member = PanelMember.objects.create(
        email=f"{who}.{language}@example.org",
        language=language,
        is_adult=True,
        email_confirmed_at=timezone.now(),
    )
    invitation = Invitation.objects.create(study=study, member=member)
    with translation.override(language):
        path = reverse(
            "consultation:lab:invitation", args=[tokens.invitation_token(invitation)]
        )
    return invitation, path


@LANGUAGES
def test_panel_member_accepts_an_invitation_choosing_a_time(page, site_url, language):
    text = INVITATION[language]
    invitation, path = _invited(language, "accepts")
    page.goto(site_url + path)
    page.get_by_role("button", name=text["accept"]).click()
    expect(page.get_by_text(text["no_time"]).first).to_be_visible()
    invitation.refresh_from_db()
    assert invitation.status == "invited"

    times = page.get_by_role("group", name=text["times"])
    times.get_by_role("radio").first.check()
    page.get_by_role("button", name=text["accept"]).click()
    expect(page.get_by_text(text["accepted"])).to_be_visible()
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.slot is not None


def test_panel_member_declines_an_invitation_in_english(page, site_url):
    text = INVITATION["en"]
    invitation, path = _invited("en", "declines")
    page.goto(site_url + path)
    page.get_by_role("button", name=text["decline"]).click()
    expect(page.get_by_text(text["declined"])).to_be_visible()
    invitation.refresh_from_db()
    assert invitation.status == "declined"


REPORTS = {
    "fr": ("Thème", "Accessibilité", "Afficher", "ce que 8 tests ont changé"),
    "en": ("Theme", "Accessibility", "Show", "what 8 tests changed"),
}


@LANGUAGES
def test_visitor_filters_the_lab_reports_by_theme(page, site_url, language):
    label, theme, show, report = REPORTS[language]
    page.goto(site_url + TEXT[language]["lab"])
    filters = page.locator("form.lab-filter")
    filters.get_by_label(label).select_option(label=theme)
    filters.get_by_role("button", name=show).click()
    expect(page).to_have_url(re.compile(r"[?&]theme=accessibilite"))
    page.get_by_role("link", name=re.compile(report)).click()
    expect(page.locator("h1")).to_contain_text(report)
    expect(page.locator("html")).to_have_attribute("lang", language)
