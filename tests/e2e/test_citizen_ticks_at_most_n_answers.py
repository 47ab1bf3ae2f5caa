"""A citizen ticks a multiple-choice question limited to 3 answers in a real
browser: after the third, the other boxes are disabled and a status says why;
unticking one frees them again. In French and in English."""

import re

import pytest
from playwright.sync_api import expect

from consultation.models import ConsultationPage

TEXT = {
    "fr": {
        "services": "Quels services en ligne",
        "choices": ["Santé", "Impôts", "Permis de conduire"],
        "fourth": "Emploi",
        "help": "Choisissez au plus 3 réponses.",
        "full": "Vous avez choisi le nombre maximal de réponses",
    },
    "en": {
        "services": "Which online services",
        "choices": ["Health", "Taxes", "Driver's licence"],
        "fourth": "Employment",
        "help": "Choose at most 3 answers.",
        "full": "You have chosen the maximum number of answers",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_citizen_cannot_tick_more_than_the_limit(page, site_url, language):
    text = TEXT[language]
    pages = ConsultationPage.objects.live().filter(locale__language_code=language)
    consultation = next(p for p in pages if p.status == "open")
    page.goto(site_url + consultation.url)
    group = page.locator("form.survey-form").get_by_role(
        "group", name=re.compile(re.escape(text["services"]))
    )
    expect(group.get_by_text(text["help"])).to_be_visible()
    fourth = group.get_by_label(text["fourth"], exact=True)
    for label in text["choices"]:
        group.get_by_label(label, exact=True).check()
    expect(fourth).to_be_disabled()
    expect(group.get_by_role("status")).to_contain_text(text["full"])
    group.get_by_label(text["choices"][0], exact=True).uncheck()
    expect(fourth).to_be_enabled()
    expect(group.locator("[data-max-status]")).to_have_text("")
    fourth.check()
    expect(fourth).to_be_checked()
