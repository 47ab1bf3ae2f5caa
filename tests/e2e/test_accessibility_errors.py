"""Errors are announced and lead to their fields (WCAG 3.3.1, 1.3.1, 4.1.3), as in
GOV.UK's error-summary pattern: after a form is sent back with errors, the title
starts with "Erreur :" or "Error:", focus is on a summary that lists each problem as
a link to its field, and each field is described by its own message.

The survey, the call for projects and the notifications subscription, in French and
in English; one browser context for the module.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.checks import axe_violations, broken_references

TITLE_PREFIX = {"fr": "Erreur :", "en": "Error:"}
SUMMARY_TITLE = {"fr": "Il y a un problème", "en": "There is a problem"}

SUMMARY_SCRIPT = """() => {
  const summary = document.querySelector('[data-error-summary]');
  if (!summary) return null;
  const links = [...summary.querySelectorAll('a')].map(link => {
    const target = document.getElementById(link.getAttribute('href').slice(1));
    return {href: link.getAttribute('href'), text: link.textContent.trim(),
            control: !!target && target.matches('input, select, textarea')};
  });
  // Each invalid control, or the group it belongs to, is described by a message.
  const undescribed = [...document.querySelectorAll('[aria-invalid=true]')]
    .filter(control => {
      const holder = control.closest('fieldset[aria-describedby]') || control;
      const ids = (control.getAttribute('aria-describedby') || '').split(/\\s+/)
        .concat((holder.getAttribute('aria-describedby') || '').split(/\\s+/));
      return !ids.some(id => id && document.getElementById(id)
                             && document.getElementById(id).matches('.error-message'));
    }).map(control => control.id);
  const messages = [...document.querySelectorAll('.error-message')];
  const unreferenced = messages.filter(message => !message.id
    || !document.querySelector(`[aria-describedby~="${message.id}"]`))
    .map(message => message.textContent.trim());
  return {
    title: document.title,
    focused: document.activeElement === summary,
    heading: summary.querySelector('h2').textContent.trim(),
    links, undescribed, unreferenced,
  };
}"""


@pytest.fixture(scope="module")
def desktop(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def open_survey(language):
    from consultation.models import ConsultationPage

    return next(
        page
        for page in ConsultationPage.objects.live().filter(
            locale__language_code=language
        )
        if page.status == "open"
    )


def open_call(language):
    from vitrine.models import CallForProjectsPage

    return next(
        page
        for page in CallForProjectsPage.objects.live().filter(
            locale__language_code=language
        )
        if page.is_open()
    )


def subscription_url(language):
    with translation.override(language):
        return reverse("notifications:subscribe")


def assert_error_summary(page, language, expected_links):
    page.wait_for_load_state("load")
    found = page.evaluate(SUMMARY_SCRIPT)
    assert found is not None, "no error summary"
    assert found["title"].startswith(TITLE_PREFIX[language]), found["title"]
    assert found["heading"] == SUMMARY_TITLE[language]
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert len(found["links"]) >= expected_links, found["links"]
    assert all(link["control"] for link in found["links"]), found["links"]
    assert not found["undescribed"], found["undescribed"]
    assert not found["unreferenced"], found["unreferenced"]
    assert broken_references(page) == []
    assert axe_violations(page) == []
    # Each link leads to its field.
    first = page.locator("[data-error-summary] a").first
    target = first.get_attribute("href")
    first.click()
    expect(page.locator(target)).to_be_focused()
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_survey_sent_empty_shows_a_focused_error_summary(desktop, site_url, language):
    desktop.goto(site_url + open_survey(language).url)
    desktop.locator("form.survey-form button[value=next]").click()
    found = assert_error_summary(desktop, language, expected_links=1)
    assert all(":" in link["text"] for link in found["links"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_call_for_projects_sent_empty_shows_a_focused_error_summary(
    desktop, site_url, language
):
    from vitrine.models import CallSubmission

    before = CallSubmission.objects.count()
    desktop.goto(site_url + open_call(language).url)
    desktop.locator("form.submission-form button[type=submit]").click()
    assert_error_summary(desktop, language, expected_links=6)
    assert CallSubmission.objects.count() == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_subscription_without_topic_ties_the_error_to_the_topics(
    desktop, site_url, language
):
    desktop.goto(site_url + subscription_url(language))
    desktop.locator("form.notifications-form button[type=submit]").click()
    found = assert_error_summary(desktop, language, expected_links=1)
    assert any(link["href"].startswith("#id_email_topics") for link in found["links"])
    # The languages offered are each named in their own language (WCAG 3.1.2).
    for code in ("fr", "en"):
        assert desktop.locator(f"label[lang={code}]").count() == 1


def lab_index(language):
    from consultation.lab.models import LabIndexPage

    return LabIndexPage.objects.live().get(locale__language_code=language)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lab_sign_up_sent_empty_shows_a_focused_error_summary(
    desktop, site_url, language
):
    from consultation.lab.models import PanelMember

    before = PanelMember.objects.count()
    desktop.goto(site_url + lab_index(language).url)
    desktop.locator("#join form button[type=submit]").click()
    assert_error_summary(desktop, language, expected_links=2)
    assert PanelMember.objects.count() == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lab_member_record_with_a_bad_email_shows_a_focused_error_summary(
    desktop, site_url, language
):
    from tests.e2e.sitemap import personal_pages

    desktop.goto(site_url + personal_pages(language)["lab-my-record"])
    form = desktop.locator("main form[method=post]").filter(
        has=desktop.locator("input[name=email]")
    )
    form.locator("input[name=email]").fill("not an address")
    form.locator("button[type=submit]").first.click()
    assert_error_summary(desktop, language, expected_links=1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_personal_data_request_with_a_bad_email_shows_a_focused_error_summary(
    desktop, site_url, language
):
    with translation.override(language):
        url = reverse("personal_data:request")
    desktop.goto(site_url + url)
    form = desktop.locator("main form[method=post]")
    form.locator("input[name=email]").fill("not an address")
    form.locator("button[type=submit]").click()
    assert_error_summary(desktop, language, expected_links=1)
