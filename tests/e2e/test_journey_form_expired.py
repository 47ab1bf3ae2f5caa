"""A citizen whose form lost its security token (cookie cleared, page left open
too long) is told what to do, in the language of the page, with a way back."""

import pytest
from playwright.sync_api import expect

from consultation.models import ConsultationPage

EXPIRED = {
    "fr": ("Le formulaire a expiré", "Retour au formulaire", "Page suivante"),
    "en": ("The form has expired", "Back to the form", "Next page"),
}


def open_consultation(language):
    pages = ConsultationPage.objects.live().filter(locale__language_code=language)
    return next(page for page in pages if page.status == "open")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_form_sent_without_its_token_says_what_to_do(browser, site_url, language):
    title, back, next_page = EXPIRED[language]
    context = browser.new_context()
    page = context.new_page()
    consultation = open_consultation(language)
    page.goto(site_url + consultation.url)
    context.clear_cookies()  # the CSRF cookie is gone, as after a long absence

    page.locator("form.survey-form").get_by_role("button", name=next_page).click()

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("header").first).to_be_visible()  # the site's own page
    page.get_by_role("link", name=back).first.click()
    expect(page).to_have_url(site_url + consultation.url)
    expect(page.locator("form.survey-form")).to_be_visible()
    context.close()
