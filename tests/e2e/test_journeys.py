"""The journeys of the people the platform serves, one test each, in a real browser.

A journey whose feature has not landed yet is marked expected-to-fail with the
reason; it is never silently skipped.
"""

import re

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackEntry
from home.models import MeasurePage


def test_citizen_switches_language_on_a_content_page(page, site_url):
    measure = MeasurePage.objects.live().filter(locale__language_code="fr").first()
    english = measure.get_translation(
        measure.locale.__class__.objects.get(language_code="en")
    )
    page.goto(site_url + measure.url)
    expect(page.locator("h1")).to_have_text(measure.title)

    page.get_by_role("navigation", name="Langue").get_by_role(
        "link", name="English"
    ).click()

    expect(page).to_have_url(site_url + english.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(english.title)


def _english_measure():
    return MeasurePage.objects.live().filter(locale__language_code="en").first()


def _answer_feedback(page):
    """Answers the widget as a keyboard user would: found nothing, why, a comment."""
    widget = page.locator("form[data-feedback-form]")
    widget.get_by_role("radio", name="No", exact=True).check()
    widget.get_by_role("group", name=re.compile("what went wrong")).get_by_role(
        "radio"
    ).first.check()
    widget.get_by_role("radio", name=re.compile("^2")).check()
    widget.get_by_label("Comment").fill("The deadline is hard to find on this page.")
    widget.get_by_role("button", name="Send my feedback").press("Enter")


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_citizen_gives_feedback_in_english(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    measure = _english_measure()
    before = FeedbackEntry.objects.filter(page=measure).count()

    page.goto(site_url + measure.url)
    _answer_feedback(page)

    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    assert FeedbackEntry.objects.filter(page=measure).count() == before + 1
    entry = FeedbackEntry.objects.filter(page=measure).latest("pk")
    assert entry.found is False
    assert entry.rating == 2
    assert entry.language == "en"
    assert "deadline" in entry.comment
    context.close()


def _first_live(model_label, language):
    """The first live page of a type in the demo content; fails if there is none."""
    from django.apps import apps

    model = apps.get_model(model_label)
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"no live {model_label} in {language} in the demo content"
    return page


@pytest.mark.xfail(reason="consultation surveys land with issue 3", strict=True)
def test_citizen_answers_a_multi_page_survey_with_the_keyboard(page, site_url):
    consultation = _first_live("consultation.ConsultationPage", "fr")
    page.goto(site_url + consultation.url)
    expect(page.get_by_role("button", name="Suivant")).to_be_visible()


@pytest.mark.xfail(reason="the training catalogue lands with issue 6", strict=True)
def test_learner_filters_the_catalogue_and_downloads_a_calendar_file(page, site_url):
    catalogue = _first_live("training.TrainingCatalogPage", "fr")
    page.goto(site_url + catalogue.url)


@pytest.mark.xfail(reason="the Vitrine and Baromètre land with issue 4", strict=True)
def test_visitor_filters_the_vitrine_and_reads_the_barometre(page, site_url):
    vitrine = _first_live("vitrine.VitrineIndexPage", "fr")
    page.goto(site_url + vitrine.url)


def test_visitor_searches_in_french_with_and_without_accents(page, site_url):
    found = {}
    for query in ("numérique", "numerique"):
        page.goto(f"{site_url}/fr/recherche/?q={query}")
        found[query] = page.locator("main h2 a, main h3 a").all_inner_texts()
    assert found["numérique"], "no result for the accented query"
    assert found["numerique"] == found["numérique"]


@pytest.mark.xfail(reason="subscriptions land with issue 7", strict=True)
def test_citizen_subscribes_confirms_and_unsubscribes(page, site_url):
    from django.urls import reverse

    page.goto(site_url + reverse("notifications:subscribe"))
