"""An editor writes a page in French, has it translated and publishes both languages."""

import re

from playwright.sync_api import expect
from wagtail.models import Locale, Page

from home.demo import demo_password
from home.models import HomePage, StandardPage


def _log_in(page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username|Nom d’utilisateur|Nom d'utilisateur")).fill(
        "admin"
    )
    page.get_by_label(re.compile("Password|Mot de passe")).fill(demo_password())
    page.get_by_role("button", name=re.compile("Sign in|Se connecter")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_editor_creates_translates_and_publishes_a_page(page, site_url):
    home = HomePage.objects.get(locale__language_code="fr")
    _log_in(page, site_url)

    page.goto(f"{site_url}/admin/pages/add/home/standardpage/{home.pk}/")
    page.locator("#id_title").fill("Ateliers citoyens sur le numérique")
    page.locator("#id_summary").fill("Des ateliers pour essayer les services.")
    page.get_by_role("button", name=re.compile("More actions|Plus d’actions")).click()
    page.get_by_role("button", name=re.compile("^Publish|^Publier")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published|publiée"))
    french = StandardPage.objects.get(
        title="Ateliers citoyens sur le numérique", locale=home.locale
    )
    assert french.live

    english_locale = Locale.objects.get(language_code="en")
    page.goto(f"{site_url}/admin/localize/submit/page/{french.pk}/")
    page.get_by_role("checkbox", name="English").check()
    page.get_by_role("button", name=re.compile("Submit|Soumettre")).click()
    english = Page.objects.get(
        translation_key=french.translation_key, locale=english_locale
    )
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))

    # The translation editor: one segment after the other, typed and saved.
    for source, translation in (
        ("Ateliers citoyens sur le numérique", "Citizen workshops on digital services"),
        (
            "Des ateliers pour essayer les services.",
            "Workshops to try the services.",
        ),
    ):
        segment = page.locator("li", has_text=source).last
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Save").click()
        expect(segment).to_contain_text(translation)
    page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))

    english = StandardPage.objects.get(pk=english.pk)
    assert english.live
    assert english.title == "Citizen workshops on digital services"
    assert french.get_latest_revision() is not None

    # Both languages are public, and each links to the other.
    page.context.clear_cookies()
    page.goto(site_url + english.url)
    expect(page.locator("h1")).to_have_text("Citizen workshops on digital services")
    page.get_by_role("link", name="Français").click()
    expect(page.locator("h1")).to_have_text("Ateliers citoyens sur le numérique")


def test_a_conditions_choice_list_follows_the_question_picked(page, site_url):
    """The survey editor offers, as a condition's value, only the choices of the
    earlier question picked beside it (issue 23). Nothing is saved."""
    from consultation.models import Question, Survey

    survey = Survey.objects.get(
        title="Votre avis sur la stratégie", locale__language_code="fr"
    )
    questions = list(survey.questions.order_by("sort_order"))
    device = next(q for q in questions if q.label.startswith("Quel appareil"))
    last = len(questions) - 1
    _log_in(page, site_url)
    page.goto(f"{site_url}/admin/snippets/consultation/survey/edit/{survey.pk}/")
    question = page.locator(f'select[name="questions-{last}-condition_question"]')
    choice = page.locator(f'select[name="questions-{last}-condition_choice"]')
    question.select_option(str(device.pk), force=True)
    offered = choice.evaluate(
        "select => [...select.options].filter(o => o.value && !o.hidden)"
        ".map(o => o.textContent.trim())"
    )
    expected = [
        f"{device.label} → {c.label}" for c in device.choices.order_by("sort_order")
    ]
    assert offered == expected
    assert Question.objects.get(pk=questions[last].pk).condition_choice is None
