"""A visitor gives feedback on a French page, with and without JavaScript: a
mistake first (no answer), then the answer (English: test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackEntry
from home.models import MeasurePage


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_citizen_gives_feedback_in_french(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    measure = MeasurePage.objects.live().filter(locale__language_code="fr").first()
    before = FeedbackEntry.objects.filter(page=measure).count()
    page.goto(site_url + measure.url)
    widget = page.locator("form[data-feedback-form]")

    # Sent without the one required answer: said in French, nothing stored.
    widget.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Votre avis n’a pas pu être envoyé").first).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"ou «\s?Non\s?» avant d’envoyer")).first
    ).to_be_visible()
    assert FeedbackEntry.objects.filter(page=measure).count() == before

    widget = page.locator("form[data-feedback-form]")
    widget.get_by_role("radio", name="Non", exact=True).check()
    widget.get_by_role(
        "group", name=re.compile("qu’est-ce qui n’allait pas")
    ).get_by_role("radio").first.check()
    # Distinct per run: an identical comment from the same visitor within a
    # minute is stored once.
    comment = f"La date limite est introuvable ({'avec' if javascript else 'sans'} JS)."
    widget.get_by_label("Commentaire").fill(comment)
    widget.get_by_role("button", name="Envoyer mon avis").click()

    expect(page.get_by_text("Merci de votre avis.")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert FeedbackEntry.objects.filter(page=measure).count() == before + 1
    entry = FeedbackEntry.objects.filter(page=measure).latest("pk")
    assert (entry.found, entry.language) == (False, "fr")
    assert entry.comment == comment
    context.close()
