"""Loi 25 in a real browser: a citizen asks for their private link, reads what the
platform holds, downloads it and deletes it, in French and in English."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from notifications.models import Subscriber, Topic

TEXTS = {
    "fr": {
        "footer": "Mes données personnelles",
        "email": "Votre adresse courriel",
        "send": "M’envoyer le lien",
        "invalid": "Saisissez une adresse",
        "sent": "Consultez vos courriels",
        "title": "Ce que nous détenons sur vous",
        "consents": "Notifications : historique des consentements",
        "json": "Télécharger (JSON)",
        "confirm": "Je comprends que tout sera supprimé.",
        "delete": "Supprimer toutes mes données",
        "must_tick": "Cochez la case",
        "deleted": "Vos données sont supprimées",
    },
    "en": {
        "footer": "My personal data",
        "email": "Your email address",
        "send": "Send me the link",
        "invalid": "Enter a valid email address.",
        "sent": "Check your email",
        "title": "What we hold about you",
        "consents": "Notifications: consent history",
        "json": "Download (JSON)",
        "confirm": "I understand that everything will be deleted.",
        "delete": "Delete all my data",
        "must_tick": "Tick the box",
        "deleted": "Your data is deleted",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_citizen_downloads_then_deletes_what_the_platform_holds(
    page, site_url, mailoutbox, django_capture_on_commit_callbacks, language
):
    from notifications import consent

    text = TEXTS[language]
    address = f"donnees.e2e.{language}@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        consent.subscribe(address, "", language, [Topic.CONSULTATION_OPENED], [])
    mailoutbox.clear()

    page.goto(f"{site_url}/{language}/")
    page.locator("footer").get_by_role("link", name=text["footer"]).click()
    page.get_by_label(text["email"]).fill("not-an-address")
    page.get_by_role("button", name=text["send"]).click()
    expect(page.locator("main")).to_contain_text(text["invalid"])
    expect(page.get_by_label(text["email"])).to_have_value("not-an-address")
    assert mailoutbox == []

    page.get_by_label(text["email"]).fill(address)
    page.get_by_role("button", name=text["send"]).click()
    expect(page.locator("h1")).to_have_text(text["sent"])
    assert [message.to for message in mailoutbox] == [[address]]
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)

    page.goto(site_url + urlsplit(link).path)
    expect(page.locator("h1")).to_have_text(text["title"])
    expect(page.locator("main")).to_contain_text(text["consents"])
    expect(page.locator("main")).to_contain_text(address)
    with page.expect_download() as download:
        page.get_by_role("link", name=text["json"]).click()
    document = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert (
        document["sections"]["notifications.subscriber"]["records"][0]["email"]
        == address
    )

    page.get_by_role("button", name=text["delete"]).click()
    expect(page.locator("main")).to_contain_text(text["must_tick"])
    assert Subscriber.objects.filter(email=address).exists()
    page.get_by_label(text["confirm"]).check()
    page.get_by_role("button", name=text["delete"]).click()
    expect(page.locator("h1")).to_have_text(text["deleted"])
    assert not Subscriber.objects.filter(email=address).exists()
