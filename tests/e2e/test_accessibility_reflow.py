"""Reflow at 320 CSS px (WCAG 1.4.10, SGQRI 008 3.0): no page of any type, no state of
any filtered listing, in either language, scrolls sideways.

320 px is WCAG's figure (1280 px zoomed to 400 %). One browser context for the
module: these checks only read pages.
"""

import pytest

from tests.e2e.checks import overflow_problems
from tests.e2e.sitemap import (
    course_with_sessions,
    filter_states,
    listing_urls,
    page_types,
    personal_pages,
)

NARROW = {"width": 320, "height": 800}


@pytest.fixture(scope="module")
def narrow(browser, demo_site):
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    yield page
    context.close()


def _visit(page, url):
    response = page.goto(url)
    assert response.status == 200, (url, response.status)
    return overflow_problems(page)


def _report(problems):
    return "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_reflows_at_320_px(narrow, site_url, language):
    urls = {
        **page_types(language),
        **personal_pages(language),
        **course_with_sessions(language),
    }
    assert "lab-my-record" in urls
    problems = {}
    for name, path in urls.items():
        found = _visit(narrow, site_url + path)
        if found:
            problems[f"{name} {path}"] = found
    assert not problems, _report(problems)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_listing_filter_state_reflows_at_320_px(narrow, site_url, language):
    problems, visited = {}, 0
    for name, path in listing_urls(language).items():
        found = _visit(narrow, site_url + path)
        if found:
            problems[f"{name} {path}"] = found
        states = filter_states(narrow)
        assert states, f"{name}: no filter state found"
        for state in states:
            found = _visit(narrow, site_url + state)
            visited += 1
            if found:
                problems[f"{name} {state}"] = found
    assert visited >= 50, visited
    assert not problems, _report(problems)
