"""One focus style for the whole site, visible on every background it meets: the
ring's contrast is measured in the header, the menu, the main content, the feedback
widget and the footer of every page type, in both languages.
"""

import pytest

from tests.e2e.checks import focus_ring_problems
from tests.e2e.sitemap import page_types


@pytest.fixture(scope="module")
def desktop(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_focus_ring_reaches_3_to_1_in_every_region_of_every_page_type(
    desktop, site_url, language
):
    problems = {}
    for name, path in page_types(language).items():
        response = desktop.goto(site_url + path)
        assert response.status == 200, (name, path, response.status)
        found = focus_ring_problems(desktop)
        if found:
            problems[f"{name} {path}"] = found
    assert not problems, "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )
