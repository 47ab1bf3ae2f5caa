"""Widgets that say what they do: the survey's ranking, the notices, the charts and
the titles, in French and in English. One browser context for the module.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility_errors import open_survey

MOVED = {"fr": "maintenant en position 2 sur", "en": "now in position 2 of"}
ESTIMATE = {"fr": "Valeur estimée", "en": "Estimated value"}

# Every text of every chart lies inside its drawing (no figure cut at an edge).
CHART_SCRIPT = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
  const cut = [...svg.querySelectorAll('text')].filter(text => {
    const box = text.getBBox();
    return box.x < -0.5 || box.y < -0.5 || box.x + box.width > width + 0.5
           || box.y + box.height > height + 0.5;
  }).map(text => text.textContent);
  const figure = svg.closest('figure');
  const headers = [...figure.querySelectorAll('th')].map(th => th.textContent.trim());
  return {cut, texts: [...svg.querySelectorAll('text')].map(t => t.textContent),
          emptyHeaders: headers.filter(text => !text).length,
          footer: [...figure.querySelectorAll('tfoot th')].map(th => th.textContent)};
})"""


@pytest.fixture(scope="module")
def desktop(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ranking_buttons_announce_the_new_position_and_stop_at_the_ends(
    desktop, site_url, language
):
    survey = open_survey(language)
    desktop.goto(site_url + survey.url)
    ranking = desktop.locator("[data-ranking]")
    # The ranking question is on the last page: answer the first page (the other
    # language's survey may already have got this browser there: one survey).
    if not ranking.count():
        desktop.locator(".survey-question--single input[type=radio]").first.check()
        desktop.locator("form.survey-form button[value=next]").click()
    items = ranking.locator(".ranking-item")
    count = items.count()
    assert count >= 3
    expect(items.first.locator(".ranking-move").first).to_be_disabled()
    expect(items.nth(count - 1).locator(".ranking-move").last).to_be_disabled()
    items.first.locator(".ranking-move").last.click()
    live = desktop.locator("[data-ranking-live]")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text(MOVED[language])
    # The moved option's "up" button is usable again, the new first's is not.
    expect(items.first.locator(".ranking-move").first).to_be_disabled()
    expect(items.nth(1).locator(".ranking-move").first).to_be_enabled()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_closed_consultation_notice_is_static_text(desktop, site_url, language):
    from consultation.models import ConsultationPage

    closed = next(
        page
        for page in ConsultationPage.objects.live().filter(
            locale__language_code=language
        )
        if page.status in ("closed", "results", "upcoming")
    )
    desktop.goto(site_url + closed.url)
    notice = desktop.locator(".survey .notice")
    expect(notice.first).to_be_visible()
    assert desktop.locator(".survey [role=alert]").count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_charts_keep_their_labels_name_the_estimate_and_use_unambiguous_dates(
    desktop, site_url, language
):
    from vitrine.models import ProjectPage

    checked = 0
    for project in ProjectPage.objects.live().filter(locale__language_code=language):
        desktop.goto(site_url + project.url)
        for chart in desktop.evaluate(CHART_SCRIPT):
            checked += 1
            assert chart["cut"] == [], (project.url, chart["cut"])
            assert chart["emptyHeaders"] == 0, project.url
            assert ESTIMATE[language] in chart["texts"], chart["texts"]
            assert chart["footer"] == [ESTIMATE[language]]
            dates = [t for t in chart["texts"] if re.search(r"\d+/\d+/\d+", t)]
            assert dates == [], dates
    assert checked >= 5, checked


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_title_names_the_site_once(desktop, site_url, language):
    desktop.goto(f"{site_url}/{language}/")
    assert desktop.title().count("numériQc") == 1, desktop.title()
