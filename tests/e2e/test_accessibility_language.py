"""The language switcher and the hreflang links lead to the same content in the other
language (WCAG 3.1.2 and 2.4.5 in practice): a routable sub-page to its own
counterpart (consultation results, a Baromètre edition), a filtered or paginated
listing to the same state, a page that does not exist to the other home page.

French and English; one browser context for the module.
"""

import pytest

from tests.e2e.sitemap import filter_states, listing_urls

OTHER = {"fr": "en", "en": "fr"}

LINKS_SCRIPT = """() => ({
  switcher: [...document.querySelectorAll('.language-switcher a')]
    .map(link => ({lang: link.getAttribute('hreflang'),
                   href: link.getAttribute('href')})),
  hreflang: Object.fromEntries([...document.querySelectorAll(
    'link[rel=alternate][hreflang]')].map(link => [
      link.getAttribute('hreflang'),
      new URL(link.href).pathname + new URL(link.href).search])),
})"""


@pytest.fixture(scope="module")
def desktop(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def links(page, url):
    response = page.goto(url)
    assert response is not None
    return response.status, page.evaluate(LINKS_SCRIPT)


def switcher_target(found, language):
    (target,) = [link["href"] for link in found["switcher"] if link["lang"] == language]
    return target


def results_pair(language):
    """(results path of a consultation in `language`, same in the other language)."""
    from consultation.models import ConsultationPage

    for consultation in ConsultationPage.objects.live().filter(
        locale__language_code=language, alias_of__isnull=True
    ):
        if consultation.status != "results":
            continue
        other = consultation.get_translations().live().first()
        if other is None:
            continue
        return (
            consultation.url + consultation.reverse_results.lstrip("/"),
            other.url + other.reverse_results.lstrip("/"),
        )
    raise AssertionError("no consultation with published results in both languages")


def edition_pair(language):
    from barometre.models import BarometrePage, Edition

    page = BarometrePage.objects.live().get(locale__language_code=language)
    other = page.get_translations().live().get()
    edition = Edition.objects.order_by("year", "quarter").first()
    assert edition is not None, "the demo has no past edition"
    sub = page.reverse_subpage("edition", args=[edition.year, edition.quarter])
    other_sub = other.reverse_subpage("edition", args=[edition.year, edition.quarter])
    return page.url + sub.lstrip("/"), other.url + other_sub.lstrip("/")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("pair", [results_pair, edition_pair], ids=lambda f: f.__name__)
def test_a_routable_sub_page_switches_to_its_counterpart(
    desktop, site_url, language, pair
):
    here, there = pair(language)
    status, found = links(desktop, site_url + here)
    assert status == 200, here
    assert switcher_target(found, OTHER[language]) == there
    assert found["hreflang"][OTHER[language]] == there
    assert found["hreflang"][language] == here
    # The counterpart exists and leads back here.
    status, back = links(desktop, site_url + there)
    assert status == 200, there
    assert switcher_target(back, language) == here


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_listing_state_switches_to_the_same_state(desktop, site_url, language):
    wrong, visited = [], 0
    for _name, path in listing_urls(language).items():
        desktop.goto(site_url + path)
        for state in filter_states(desktop):
            status, found = links(desktop, site_url + state)
            query = state[state.index("?") :] if "?" in state else ""
            target = switcher_target(found, OTHER[language])
            visited += 1
            if not target.endswith(query) or ("?" in target) != bool(query):
                wrong.append(f"{state} -> {target}")
            elif found["hreflang"].get(language) != state:
                wrong.append(f"{state}: hreflang {found['hreflang']}")
    assert visited >= 50, visited
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_filtered_listing_switches_to_a_page_that_answers(
    desktop, site_url, language
):
    path = listing_urls(language)["vitrineindexpage"]
    desktop.goto(site_url + path)
    state = next(state for state in filter_states(desktop) if "page=" not in state)
    _status, found = links(desktop, site_url + state)
    target = switcher_target(found, OTHER[language])
    response = desktop.goto(site_url + target)
    assert response.status == 200, target
    assert desktop.locator("html").get_attribute("lang") == OTHER[language]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_page_not_found_switches_to_the_other_home_page(desktop, site_url, language):
    status, found = links(desktop, f"{site_url}/{language}/no-such-page-here/")
    assert status == 404
    target = switcher_target(found, OTHER[language])
    assert target == f"/{OTHER[language]}/"
    # No hreflang: a missing page has no counterpart to advertise.
    assert found["hreflang"] == {}
    response = desktop.goto(site_url + target)
    assert response.status == 200
