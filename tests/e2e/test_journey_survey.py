"""A citizen answers the demo survey in a real browser: both pages, a condition,
a ranking, the errors, in French and in English, with and without JavaScript.

(The French keyboard-only journey with JavaScript is in test_journeys.py.)
"""

import re

import pytest
from playwright.sync_api import expect

from consultation.models import Answer, ConsultationPage, Response
from tests.e2e.checks import overflow_problems

TEXT = {
    "fr": {
        "page1": "Page 1 de 2",
        "page2": "Page 2 de 2",
        "region": "Dans quelle région",
        "services": "Quels services en ligne",
        "health": "Santé",
        "gave_up": "abandonné une démarche",
        "yes": "Oui",
        "follow_up": "Qu’est-ce qui vous a fait abandonner?",
        "revealed": "Vos réponses font apparaître une autre question",
        "next": "Page suivante",
        "send": "Envoyer mes réponses",
        "errors": "Il y a un problème",
        "required": "Champ requis.",
        "twice": "Ne donnez chaque position qu’une fois.",
        "ranking": "Classez ces mesures",
        "down": re.compile("^Descendre"),
        "thanks": "Merci, vos réponses ont été enregistrées.",
        "typed": "Le formulaire était trop long.",
    },
    "en": {
        "page1": "Page 1 of 2",
        "page2": "Page 2 of 2",
        "region": "Which region do you live in?",
        "services": "Which online services",
        "health": "Health",
        "gave_up": "given up on an online procedure",
        "yes": "Yes",
        "follow_up": "What made you give up?",
        "revealed": "Your answers bring up one more question",
        "next": "Next page",
        "send": "Send my answers",
        "errors": "There is a problem",
        "required": "This field is required.",
        "twice": "Give each position only once.",
        "ranking": "Rank these measures",
        "down": re.compile("^Move down"),
        "thanks": "Thank you, your answers have been recorded.",
        "typed": "The form was far too long.",
    },
}

LANGUAGES = pytest.mark.parametrize("language", ["fr", "en"])


def open_consultation(language):
    pages = ConsultationPage.objects.live().filter(locale__language_code=language)
    return next(page for page in pages if page.status == "open")


def _group(survey, name):
    return survey.get_by_role("group", name=re.compile(re.escape(name)))


def _answer_first_page(survey, text):
    _group(survey, text["region"]).get_by_role("radio").first.check()
    _group(survey, text["services"]).get_by_label(text["health"]).check()
    _group(survey, text["gave_up"]).get_by_role("radio", name=text["yes"]).check()


@pytest.fixture
def without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@LANGUAGES
def test_citizen_answers_the_survey_without_javascript(
    without_javascript, site_url, language
):
    page, text = without_javascript, TEXT[language]
    consultation = open_consultation(language)
    before = Response.objects.filter(page__translation_key=consultation.translation_key)
    before = before.count()
    page.goto(site_url + consultation.url)
    survey = page.locator("form.survey-form")
    expect(page.get_by_text(text["page1"])).to_be_visible()

    # Nothing answered: the errors, in the page's language, and still page 1.
    survey.get_by_role("button", name=text["next"]).click()
    expect(page.get_by_text(text["errors"])).to_be_visible()
    expect(page.get_by_text(text["required"]).first).to_be_visible()
    expect(page.get_by_text(text["page1"])).to_be_visible()

    # "Yes" reveals a question on this page: it is asked before moving on.
    survey = page.locator("form.survey-form")
    follow_up = survey.get_by_label(text["follow_up"])
    expect(follow_up).to_be_hidden()
    _answer_first_page(survey, text)
    survey.get_by_role("button", name=text["next"]).click()
    expect(page.get_by_text(text["revealed"])).to_be_visible()
    expect(page.get_by_text(text["page1"])).to_be_visible()
    survey = page.locator("form.survey-form")
    expect(_group(survey, text["region"]).get_by_role("radio").first).to_be_checked()
    expect(_group(survey, text["gave_up"]).get_by_label(text["yes"])).to_be_checked()
    follow_up = survey.get_by_label(text["follow_up"])
    expect(follow_up).to_be_visible()
    follow_up.fill(text["typed"])
    survey.get_by_role("button", name=text["next"]).click()

    # Page 2: a ranking given without the script, one position twice first.
    expect(page.get_by_text(text["page2"])).to_be_visible()
    survey = page.locator("form.survey-form")
    ranking = _group(survey, text["ranking"])
    positions = ranking.locator("select")
    assert positions.count() == 4
    for index, position in enumerate(["1", "1", "3", "4"]):
        positions.nth(index).select_option(position)
    survey.get_by_role("button", name=text["send"]).click()
    # Said beside the ranking, and linked from the error summary above the form.
    expect(page.locator(".error-message").get_by_text(text["twice"])).to_be_visible()
    expect(page.locator("[data-error-summary]")).to_contain_text(text["twice"])
    survey = page.locator("form.survey-form")
    positions = _group(survey, text["ranking"]).locator("select")
    expect(positions.nth(2)).to_have_value("3")  # what was chosen is kept
    second = positions.nth(1).locator("xpath=..").locator("label").inner_text()
    for index, position in enumerate(["2", "1", "3", "4"]):
        positions.nth(index).select_option(position)
    survey.get_by_role("button", name=text["send"]).click()

    expect(page.get_by_text(text["thanks"])).to_be_visible()
    responses = Response.objects.filter(
        page__translation_key=consultation.translation_key
    )
    assert responses.count() == before + 1
    response = responses.latest("pk")
    assert response.language == language
    answers = Answer.objects.filter(response=response)
    assert answers.filter(text=text["typed"]).exists()
    assert answers.filter(rank__isnull=False).count() == 4
    assert rank_of(answers, second) == 1


def rank_of(answers, label):
    """The rank given to the option the citizen read as `label` (answers point
    at the French source options, whatever the language)."""
    from consultation.models import Choice

    keys = Choice.objects.filter(label=label).values("translation_key")
    return answers.get(choice__translation_key__in=keys, rank__isnull=False).rank


def test_citizen_answers_the_survey_in_english_with_javascript(page, site_url):
    text = TEXT["en"]
    consultation = open_consultation("en")
    page.goto(site_url + consultation.url)
    survey = page.locator("form.survey-form")
    follow_up = survey.get_by_label(text["follow_up"])
    expect(follow_up).to_be_hidden()
    _answer_first_page(survey, text)
    expect(follow_up).to_be_visible()  # revealed live, no round trip
    follow_up.fill(text["typed"])
    survey.get_by_role("button", name=text["next"]).click()

    expect(page.get_by_text(text["page2"])).to_be_visible()
    ranking = page.get_by_role("group", name=re.compile(text["ranking"]))
    moved = ranking.locator(".ranking-item").first.locator("label").inner_text()
    ranking.locator(".ranking-item").first.get_by_role(
        "button", name=text["down"]
    ).click()
    expect(ranking.locator(".ranking-item").nth(1).locator("label")).to_have_text(moved)
    page.get_by_role("button", name=text["send"]).click()

    expect(page.get_by_text(text["thanks"])).to_be_visible()
    response = Response.objects.filter(language="en").latest("pk")
    answers = Answer.objects.filter(response=response)
    assert answers.filter(text=text["typed"]).exists()
    assert rank_of(answers, moved) == 2


LISTING = {
    "fr": (
        "Statut",
        "Appliquer les filtres",
        "Consultation sur la stratégie de transformation numérique",
        "Consultation sur les services en ligne",
    ),
    "en": (
        "Status",
        "Apply filters",
        "Consultation on the digital transformation strategy",
        "Consultation on online services",
    ),
}


@LANGUAGES
def test_citizen_finds_the_open_consultations(page, site_url, language):
    from consultation.models import ConsultationIndexPage

    status, apply, open_title, closed_title = LISTING[language]
    index = ConsultationIndexPage.objects.live().get(locale__language_code=language)
    page.goto(site_url + index.url)
    listing = page.locator("main")
    expect(listing.get_by_role("link", name=closed_title)).to_be_visible()
    filters = page.locator("form.filters")
    filters.get_by_label(status).select_option("open")
    filters.get_by_role("button", name=apply).click()

    expect(page).to_have_url(re.compile(r"[?&]status=open"))
    expect(listing.get_by_role("link", name=open_title)).to_be_visible()
    expect(listing.get_by_role("link", name=closed_title)).to_have_count(0)


MATRICES = {
    "fr": {
        "labelled": "Ces services vous sont-ils utiles?",
        "record": "Dossier santé en ligne",
        "a_lot": "Beaucoup",
        "multiple": "Par quels moyens joignez-vous ces services?",
        "health": "Santé",
        "columns": ("Téléphone", "Ordinateur", "Au comptoir"),
        "at_most": "Dans chaque ligne, cochez au plus 2 réponses.",
    },
    "en": {
        "labelled": "Are these services useful to you?",
        "record": "Online health record",
        "a_lot": "A lot",
        "multiple": "How do you reach these services?",
        "health": "Health",
        "columns": ("Phone", "Computer", "At the counter"),
        "at_most": "In each row, tick at most 2 answers.",
    },
}


@LANGUAGES
def test_citizen_answers_the_matrices_with_labelled_columns(page, site_url, language):
    """A labelled matrix (one answer per row) and a multiple-choice matrix (at
    most two per row, the third box disabled once two are ticked)."""
    text, words = TEXT[language], MATRICES[language]
    consultation = open_consultation(language)
    page.goto(site_url + consultation.url)
    survey = page.locator("form.survey-form")
    _answer_first_page(survey, text)
    survey.get_by_label(text["follow_up"]).fill(text["typed"])
    survey.get_by_role("button", name=text["next"]).click()
    expect(page.get_by_text(text["page2"])).to_be_visible()

    # At 320 CSS px the matrices' labels wrap: nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 800})
    assert not overflow_problems(page)
    survey = page.locator("form.survey-form")
    labelled = _group(survey, words["labelled"])
    record = labelled.get_by_role("group", name=words["record"], exact=True)
    record.get_by_role("radio", name=words["a_lot"], exact=True).check()
    multiple = _group(survey, words["multiple"])
    expect(multiple.get_by_text(words["at_most"])).to_be_visible()
    health = multiple.get_by_role("group", name=words["health"], exact=True)
    phone, computer, counter = (
        health.get_by_role("checkbox", name=label, exact=True)
        for label in words["columns"]
    )
    phone.check()
    computer.press("Space")  # by keyboard too
    expect(computer).to_be_checked()
    expect(counter).to_be_disabled()  # two ticked: the third waits
    page.get_by_role("button", name=text["send"]).click()

    expect(page.get_by_text(text["thanks"])).to_be_visible()
    response = Response.objects.filter(language=language).latest("pk")
    cells = set(
        Answer.objects.filter(
            response=response, row__isnull=False, choice__isnull=False
        ).values_list("question__label", "row__label", "choice__label")
    )
    # Stored against the French source, whatever the language answered in.
    assert cells == {
        ("Ces services vous sont-ils utiles?", "Dossier santé en ligne", "Beaucoup"),
        ("Par quels moyens joignez-vous ces services?", "Santé", "Téléphone"),
        ("Par quels moyens joignez-vous ces services?", "Santé", "Ordinateur"),
    }
