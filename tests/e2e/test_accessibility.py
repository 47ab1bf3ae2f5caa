"""Every public page type, in French and in English, at desktop and phone widths.

The pages come from tests/e2e/sitemap.py; reflow at 320 CSS px is checked in
test_accessibility_reflow.py.
"""

import pytest

from tests.e2e.checks import check_page, screenshot
from tests.e2e.sitemap import page_types

WIDTHS = {"desktop": 1280, "phone": 375}


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
