"""A citizen subscribes by email and text message, confirms the number with the
code received, then changes their choices in the preference centre reached from
the text message's short link, in French and in English, in a real browser.

(Email confirmation and the one-click unsubscribe: test_journeys.py, in French;
here the unsubscribe link of an email in English too.)
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from notifications import links
from notifications.channels import sms
from notifications.models import Channel, Subscriber, Subscription, Topic

TEXT = {
    "fr": {
        "email": "Adresse courriel",
        "phone": "Numéro de cellulaire",
        "by_email": "Par courriel",
        "by_sms": "Par texto",
        "opened": "Une consultation est ouverte",
        "vitrine": "Nouveau projet dans la Vitrine",
        "subscribe": "M’abonner",
        "verify": "Confirmez votre numéro de cellulaire",
        "code": "Code à six chiffres",
        "confirm": "Confirmer",
        "wrong": "Ce code n’est pas le bon.",
        "confirmed": "Numéro de cellulaire confirmé",
        "preferences": "Vos préférences d’avis",
        "save": "Enregistrer mes choix",
        "saved": "Préférences enregistrées",
        "unsubscribed": "Vous êtes désabonné",
        "bad_phone": "Indiquez un numéro de cellulaire comme 514 555-0123.",
    },
    "en": {
        "email": "Email address",
        "phone": "Mobile number",
        "by_email": "By email",
        "by_sms": "By text message",
        "opened": "A consultation opened",
        "vitrine": "New project in the Showcase",
        "subscribe": "Subscribe",
        "verify": "Confirm your mobile number",
        "code": "Six-digit code",
        "confirm": "Confirm",
        "wrong": "This code is not the right one.",
        "confirmed": "Mobile number confirmed",
        "preferences": "Your notification preferences",
        "save": "Save my choices",
        "saved": "Preferences saved",
        "unsubscribed": "You are unsubscribed",
        "bad_phone": "Enter a mobile number such as 514 555-0123.",
    },
}
PHONES = {"fr": "514 555-0171", "en": "514 555-0172"}


@pytest.fixture
def text_messages(settings):
    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.channels.sms.LocmemBackend"
    sms.outbox.clear()
    return sms.outbox


def _subscribe(page, site_url, text, language, address):
    with translation.override(language):
        page.goto(site_url + reverse("notifications:subscribe"))
    form = page.locator("form.notifications-form")
    form.get_by_label(text["email"], exact=True).fill(address)
    # A number that is not one: said beside the field, nothing stored.
    form.get_by_label(text["phone"], exact=True).fill("123")
    form.get_by_role("button", name=text["subscribe"]).click()
    expect(page.get_by_text(text["bad_phone"]).first).to_be_visible()
    form = page.locator("form.notifications-form")
    expect(form.get_by_label(text["email"], exact=True)).to_have_value(address)
    assert not Subscriber.objects.filter(email=address).exists()
    form.get_by_label(text["phone"], exact=True).fill(PHONES[language])
    form.get_by_role("group", name=text["by_email"]).get_by_label(
        text["opened"]
    ).check()
    form.get_by_role("group", name=text["by_sms"]).get_by_label(text["vitrine"]).check()
    form.get_by_role("button", name=text["subscribe"]).click()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_citizen_confirms_a_mobile_number_and_changes_preferences(
    page, site_url, text_messages, language
):
    text = TEXT[language]
    address = f"abonne.{language}@example.org"
    _subscribe(page, site_url, text, language, address)

    expect(page.locator("h1")).to_have_text(text["verify"])
    subscriber = Subscriber.objects.get(email=address)
    assert subscriber.language == language
    assert subscriber.phone_confirmed_at is None
    code = re.search(r"\b(\d{6})\b", text_messages[-1]["body"]).group(1)
    wrong = "111111" if code != "111111" else "222222"
    page.get_by_label(text["code"]).fill(wrong)
    page.get_by_role("button", name=text["confirm"], exact=True).click()
    expect(page.get_by_text(text["wrong"])).to_be_visible()
    page.get_by_label(text["code"]).fill(code)
    page.get_by_role("button", name=text["confirm"], exact=True).click()
    expect(page.locator("h1")).to_have_text(text["confirmed"])
    subscriber.refresh_from_db()
    assert subscriber.phone_confirmed_at is not None
    sms_vitrine = Subscription.objects.get(
        subscriber=subscriber, channel=Channel.SMS, topic=Topic.VITRINE_PROJECT
    )
    assert sms_vitrine.active

    # The short link of a text message opens the centre in the right language.
    page.goto(site_url + reverse("short_preferences", args=[_short(subscriber)]))
    expect(page.locator("h1")).to_have_text(text["preferences"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    form = page.locator("form.notifications-form")
    by_sms = form.get_by_role("group", name=text["by_sms"])
    expect(by_sms.get_by_label(text["vitrine"])).to_be_checked()
    by_sms.get_by_label(text["vitrine"]).uncheck()
    form.get_by_role("button", name=text["save"]).click()
    expect(page.locator("h1")).to_have_text(text["saved"])
    sms_vitrine.refresh_from_db()
    assert not sms_vitrine.active


def _short(subscriber):
    return links.short_preferences_token(subscriber)


def test_citizen_unsubscribes_in_one_click_in_english(page, site_url, mailoutbox):
    text = TEXT["en"]
    address = "one.click@example.org"
    with translation.override("en"):
        page.goto(site_url + reverse("notifications:subscribe"))
    form = page.locator("form.notifications-form")
    form.get_by_label(text["email"], exact=True).fill(address)
    form.get_by_role("group", name=text["by_email"]).get_by_label(
        text["opened"]
    ).check()
    form.get_by_role("button", name=text["subscribe"]).click()
    confirmation = next(m for m in mailoutbox if m.to == [address])
    link = re.search(r"https?://\S+/confirm/\S+/", confirmation.body).group(0)
    page.goto(site_url + urlsplit(link).path)
    page.locator("main").get_by_role("button", name=re.compile("Confirm")).click()
    subscription = Subscription.objects.get(
        subscriber__email=address, channel=Channel.EMAIL, active=True
    )

    token = links.subscriber_unsubscribe_token(subscription.subscriber, Channel.EMAIL)
    page.goto(site_url + urlsplit(links.unsubscribe_url("en", token)).path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("main").get_by_role("button").click()
    expect(page.locator("h1")).to_have_text(text["unsubscribed"])
    subscription.refresh_from_db()
    assert not subscription.active
