"""Every public page type, in French and in English, at desktop and phone widths.

Pages are found in the demo content by type, so that a page type added by any part
of the platform is checked as soon as its demo content exists.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from tests.e2e.checks import check_page, screenshot

WIDTHS = {"desktop": 1280, "phone": 375}

# Public views that are not pages of the tree: (name, URL name, query string).
ROUTES = [
    ("search-results", "search:search", "?q=num%C3%A9rique"),
    ("feedback-services", "feedback:results_index", ""),
]


def one_page_per_type(language):
    """The first live, translated (not alias) page of each type in that language."""
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, depth__gt=1, alias_of__isnull=True)
        .select_related("content_type")
        .order_by("content_type_id", "path")
    )
    seen = {}
    for page in pages:
        seen.setdefault(page.content_type.model, page)
    return seen


def route_urls(language):
    with translation.override(language):
        return {name: reverse(url_name) + query for name, url_name, query in ROUTES}


def page_types(language):
    urls = {name: page.url for name, page in one_page_per_type(language).items()}
    urls.update(route_urls(language))
    return urls


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_public_page_type_passes_accessibility_checks(
    page, site_url, artefacts, language
):
    problems = {}
    urls = page_types(language)
    assert len(urls) >= 5, urls  # home, strategy, measure and the routes
    for name, path in urls.items():
        for width_name, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(site_url + path)
            assert response.status == 200, (name, path, response.status)
            assert page.locator("html").get_attribute("lang") == language
            found = check_page(page, name, f"{language} {width_name}")
            if found:
                problems[f"{name} {width_name} {path}"] = found
            screenshot(page, artefacts, f"{language}-{name}-{width}")
    assert not problems, "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_page_not_found_is_accessible(page, site_url, language):
    response = page.goto(f"{site_url}/{language}/no-such-page-here/")
    assert response.status == 404
    assert check_page(page, "not-found", f"{language} desktop") == []
