"""A visitor finds a page through the search box's suggestions (keyboard only)
and through the results page, in French and in English; a learner filters the
training catalogue in English (French: test_journeys.py)."""

import re

import pytest
from playwright.sync_api import expect

TEXT = {
    "fr": {"typed": "Consult", "query": "numérique", "results": "/fr/recherche/"},
    "en": {"typed": "Consult", "query": "digital", "results": "/en/search/"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_visitor_opens_a_suggestion_with_the_keyboard(page, site_url, language):
    text = TEXT[language]
    page.goto(f"{site_url}/{language}/")
    box = page.locator("#site-search-q")
    box.press_sequentially(text["typed"], delay=30)
    suggestions = page.get_by_role("listbox")
    expect(suggestions).to_be_visible()
    first = suggestions.get_by_role("option").first
    expect(first).to_contain_text(text["typed"])
    title = first.evaluate("option => option.firstChild.textContent.trim()")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    box.press("Enter")

    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_visitor_searches_from_the_header(page, site_url, language):
    text = TEXT[language]
    page.goto(f"{site_url}/{language}/")
    box = page.locator("#site-search-q")
    box.fill(text["query"])
    box.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(text["results"]) + r"\?q="))
    results = page.locator("main h2 a, main h3 a")
    expect(results.first).to_be_visible()
    assert results.count() >= 2


def test_learner_filters_the_catalogue_in_english(page, site_url):
    from training.models import TrainingCatalogPage

    catalogue = TrainingCatalogPage.objects.live().get(locale__language_code="en")
    page.goto(site_url + catalogue.url)
    filters = page.locator("form.filters")
    filters.get_by_label("Theme").select_option(label="Agile")
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]theme=agilite"))
    titles = page.locator("main h3 a")
    expect(titles.first).to_be_visible()
    assert "Managing an agile team" in titles.all_inner_texts()
    assert "Publishing open data" not in titles.all_inner_texts()
    page.get_by_role("link", name="Managing an agile team").click()
    expect(page.locator("h1")).to_have_text("Managing an agile team")
