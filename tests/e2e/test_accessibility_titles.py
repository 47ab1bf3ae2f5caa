"""Every page has a title of its own (WCAG 2.4.2): each page type, each state of the
filtered or paginated listings, each step of a survey (page 1, its errors, page 2,
thanks), in French and in English.

One browser context for the module: the survey steps post one answer per language.
"""

import re
from collections import defaultdict

import pytest
from playwright.sync_api import expect

from tests.e2e.sitemap import (
    course_with_sessions,
    filter_states,
    listing_urls,
    page_types,
    personal_pages,
)

SURVEY = {
    "fr": {
        "region": "Dans quelle région",
        "services": "Quels services en ligne",
        "health": "Santé",
        "gave_up": "abandonné une démarche",
        "yes": "Oui",
        "follow_up": "Qu’est-ce qui vous a fait abandonner?",
        "next": "Page suivante",
        "send": "Envoyer mes réponses",
        "error": "Erreur :",
    },
    "en": {
        "region": "Which region do you live in?",
        "services": "Which online services",
        "health": "Health",
        "gave_up": "given up on an online procedure",
        "yes": "Yes",
        "follow_up": "What made you give up?",
        "next": "Next page",
        "send": "Send my answers",
        "error": "Error:",
    },
}


PAGE_TWO = {"fr": "(page 2 de ", "en": "(page 2 of "}


@pytest.fixture(scope="module")
def desktop(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _title(page, url):
    response = page.goto(url)
    assert response.status == 200, (url, response.status)
    return page.title()


def _group(form, name):
    return form.get_by_role("group", name=re.compile(re.escape(name)))


def survey_step_titles(page, site_url, language):
    """{step: title} of the open survey: first page, its errors, second page, thanks."""
    from consultation.models import ConsultationPage

    text = SURVEY[language]
    consultation = next(
        consultation
        for consultation in ConsultationPage.objects.live().filter(
            locale__language_code=language
        )
        if consultation.status == "open"
    )
    # Page 1 is the consultation's own address.
    titles = {consultation.url: _title(page, site_url + consultation.url)}
    form = page.locator("form.survey-form")
    form.get_by_role("button", name=text["next"]).click()
    expect(page).to_have_title(re.compile("^" + re.escape(text["error"])))
    titles["survey page 1 with errors"] = page.title()
    form = page.locator("form.survey-form")
    _group(form, text["region"]).get_by_role("radio").first.check()
    _group(form, text["services"]).get_by_label(text["health"]).check()
    _group(form, text["gave_up"]).get_by_role("radio", name=text["yes"]).check()
    form.get_by_label(text["follow_up"]).fill("-")
    form.get_by_role("button", name=text["next"]).click()
    expect(page.get_by_role("button", name=text["send"])).to_be_visible()
    titles["survey page 2"] = page.title()
    page.get_by_role("button", name=text["send"]).click()
    expect(page.locator("form.survey-form")).to_have_count(0)
    titles["survey thanks"] = page.title()
    return titles


@pytest.fixture
def survey_visitor(browser, demo_site):
    """A visitor of their own: one who answered is told so instead of the form."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_and_state_has_a_title_of_its_own(
    desktop, survey_visitor, site_url, language
):
    by_title = defaultdict(set)
    urls = {
        **page_types(language),
        **personal_pages(language),
        **course_with_sessions(language),
    }
    for path in urls.values():
        by_title[_title(desktop, site_url + path)].add(path)
    states = 0
    for path in listing_urls(language).values():
        desktop.goto(site_url + path)
        for state in filter_states(desktop):
            by_title[_title(desktop, site_url + state)].add(state)
            states += 1
    for step, title in survey_step_titles(survey_visitor, site_url, language).items():
        by_title[title].add(step)
    assert states >= 50, states
    shared = {title: paths for title, paths in by_title.items() if len(paths) > 1}
    assert not shared, "\n".join(
        f"{title!r}: {sorted(paths)}" for title, paths in shared.items()
    )
    assert all(title.strip() for title in by_title)
    (second_page,) = [
        title
        for title, paths in by_title.items()
        if any(path.endswith("/?page=2") for path in paths)
        and listing_urls(language)["vitrineindexpage"] in next(iter(paths))
    ]
    assert PAGE_TWO[language] in second_page, second_page
