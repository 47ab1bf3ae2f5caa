"""A team submits a project to the demo call for projects in a real browser (real
CSRF token and cookie), in French and in English: errors first, then the
submission, then the same project again."""

import pytest
from playwright.sync_api import expect

from vitrine.models import CallForProjectsPage, CallSubmission

TEXT = {
    "fr": {
        "send": "Envoyer la soumission",
        "errors": "Votre soumission n’a pas pu être envoyée",
        "thanks": "Merci. Votre soumission a été reçue",
        "again": "Ce projet a déjà été soumis à cet appel",
    },
    "en": {
        "send": "Send the submission",
        "errors": "Your submission could not be sent",
        "thanks": "Thank you. Your submission was received",
        "again": "This project has already been submitted to this call",
    },
}


def open_call(language):
    calls = CallForProjectsPage.objects.live().filter(locale__language_code=language)
    call = next((call for call in calls if call.is_open()), None)
    assert call is not None, f"no open call for projects in {language} in the demo"
    return call


def _fill(form, language, email):
    form.locator("[name=project_name]").fill(f"Carte des haltes ({language})")
    form.locator("[name=team]").fill("Ana\nBruno")
    form.locator("[name=description]").fill("Une carte des haltes routières.")
    form.locator("[name=contact_name]").fill("Ana Tremblay")
    form.locator("[name=contact_email]").fill(email)
    form.locator("[name=consent]").check()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_team_submits_a_project_to_a_call(page, site_url, language):
    text = TEXT[language]
    call = open_call(language)
    submissions = CallSubmission.objects.filter(
        call__translation_key=call.translation_key
    )
    before = submissions.count()
    email = f"equipe.{language}@example.org"
    page.goto(site_url + call.url)
    form = page.locator("form.submission-form")

    # An address that is not one: said next to the field, what was typed kept.
    _fill(form, language, "pas-une-adresse")
    form.get_by_role("button", name=text["send"]).click()
    expect(page.get_by_text(text["errors"])).to_be_visible()
    form = page.locator("form.submission-form")
    expect(form.locator(".field--error [name=contact_email]")).to_be_visible()
    expect(form.locator("[name=project_name]")).to_have_value(
        f"Carte des haltes ({language})"
    )
    assert submissions.count() == before

    form.locator("[name=contact_email]").fill(email)
    form.locator("[name=consent]").check()
    form.get_by_role("button", name=text["send"]).click()
    thanks = page.get_by_text(text["thanks"])
    expect(thanks).to_have_count(1)  # said once, beside the form
    expect(thanks).to_be_visible()
    expect(page.locator("#submission").get_by_text(text["thanks"])).to_be_visible()
    assert submissions.count() == before + 1
    stored = submissions.get(contact_email=email)
    assert stored.language == language
    assert stored.team.splitlines() == ["Ana", "Bruno"]

    # Sent again: the team is told the organizers have it; still one row.
    page.goto(site_url + call.url)
    form = page.locator("form.submission-form")
    _fill(form, language, email)
    form.get_by_role("button", name=text["send"]).click()
    expect(page.get_by_text(text["again"])).to_be_visible()
    assert submissions.count() == before + 1
