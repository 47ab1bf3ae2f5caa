"""The journeys of the people the platform serves, one test each, in a real browser.

A journey whose feature has not landed yet is marked expected-to-fail with the
reason; it is never silently skipped.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackEntry
from home.models import MeasurePage


def test_citizen_switches_language_on_a_content_page(page, site_url):
    measure = MeasurePage.objects.live().filter(locale__language_code="fr").first()
    english = measure.get_translation(
        measure.locale.__class__.objects.get(language_code="en")
    )
    page.goto(site_url + measure.url)
    expect(page.locator("h1")).to_have_text(measure.title)

    page.get_by_role("navigation", name="Langue").get_by_role(
        "link", name="English"
    ).click()

    expect(page).to_have_url(site_url + english.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(english.title)


def _english_measure():
    return MeasurePage.objects.live().filter(locale__language_code="en").first()


def _answer_feedback(page, comment):
    """Answers the widget as a keyboard user would: found nothing, why, a comment."""
    widget = page.locator("form[data-feedback-form]")
    widget.get_by_role("radio", name="No", exact=True).check()
    widget.get_by_role("group", name=re.compile("what went wrong")).get_by_role(
        "radio"
    ).first.check()
    widget.get_by_role("radio", name=re.compile("^2")).check()
    widget.get_by_label("Comment").fill(comment)
    widget.get_by_role("button", name="Send my feedback").press("Enter")


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_citizen_gives_feedback_in_english(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    measure = _english_measure()
    before = FeedbackEntry.objects.filter(page=measure).count()

    page.goto(site_url + measure.url)
    # Distinct per variant: an identical comment from the same visitor within a
    # minute is stored once.
    _answer_feedback(page, f"The deadline is hard to find ({javascript=}).")

    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    assert FeedbackEntry.objects.filter(page=measure).count() == before + 1
    entry = FeedbackEntry.objects.filter(page=measure).latest("pk")
    assert entry.found is False
    assert entry.rating == 2
    assert entry.language == "en"
    assert "deadline" in entry.comment
    context.close()


def _first_live(model_label, language):
    """The first live page of a type in the demo content; fails if there is none."""
    from django.apps import apps

    model = apps.get_model(model_label)
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"no live {model_label} in {language} in the demo content"
    return page


def test_citizen_answers_a_multi_page_survey_with_the_keyboard(page, site_url):
    from consultation.models import Answer, Response

    consultation = _first_live("consultation.ConsultationPage", "fr")
    consultation = next(
        page_
        for page_ in type(consultation)
        .objects.live()
        .filter(locale__language_code="fr")
        if page_.status == "open"
    )
    before = Response.objects.filter(page=consultation).count()
    page.goto(site_url + consultation.url)
    survey = page.locator("form.survey-form")
    expect(page.get_by_text("Page 1 de 2")).to_be_visible()

    survey.get_by_role("group", name=re.compile("Dans quelle région")).get_by_role(
        "radio"
    ).first.focus()
    page.keyboard.press("Space")
    # The follow-up question appears only after a "Oui".
    follow_up = survey.get_by_label("Qu’est-ce qui vous a fait abandonner?")
    expect(follow_up).to_be_hidden()
    survey.get_by_role("group", name=re.compile("abandonné une démarche")).get_by_role(
        "radio", name="Oui"
    ).focus()
    page.keyboard.press("Space")
    expect(follow_up).to_be_visible()
    follow_up.focus()
    page.keyboard.type("Le formulaire était trop long.")
    survey.get_by_role("button", name="Page suivante").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("Page 2 de 2")).to_be_visible()
    ranking = page.get_by_role("group", name=re.compile("Classez ces mesures"))
    first_item = ranking.locator(".ranking-item").first
    moved = first_item.locator("label").inner_text()
    first_item.get_by_role("button", name=re.compile("^Descendre")).focus()
    page.keyboard.press("Enter")
    expect(ranking.locator(".ranking-item").nth(1).locator("label")).to_have_text(moved)
    page.get_by_role("button", name="Envoyer mes réponses").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile("Merci"))).to_be_visible()
    responses = Response.objects.filter(page=consultation)
    assert responses.count() == before + 1
    response = responses.latest("created_at")
    assert response.language == "fr"
    answers = Answer.objects.filter(response=response)
    assert answers.filter(text="Le formulaire était trop long.").exists()
    assert answers.filter(rank__isnull=False).count() == 4
    assert answers.get(choice__label=moved, rank__isnull=False).rank == 2


def test_learner_filters_the_catalogue_and_downloads_a_calendar_file(page, site_url):
    catalogue = _first_live("training.TrainingCatalogPage", "fr")
    page.goto(site_url + catalogue.url)
    filters = page.locator("form.filters")
    filters.get_by_label("Thème").select_option(label="Agilité")
    filters.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"[?&]theme=agilite"))
    courses = page.locator("main h3 a")
    expect(courses.first).to_be_visible()
    titles = courses.all_inner_texts()
    assert "Gérer une équipe agile" in titles
    assert "Publier des données ouvertes" not in titles

    page.get_by_role("link", name="Gérer une équipe agile").click()
    expect(page.locator("h1")).to_have_text("Gérer une équipe agile")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Ajouter à mon agenda")).first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Path(download.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar
    assert "DTSTART" in calendar
    assert "Gérer une équipe agile" in calendar.replace("\r\n ", "")


def test_visitor_filters_the_vitrine_and_reads_the_barometre(page, site_url):
    vitrine = _first_live("vitrine.VitrineIndexPage", "fr")
    page.goto(site_url + vitrine.url)
    page.get_by_role("navigation", name="Phase").get_by_role(
        "link", name="En service"
    ).click()
    expect(page).to_have_url(re.compile(r"[?&]phase=live"))
    results = page.locator("section.vitrine-results")
    expect(results.locator("#results-title")).to_have_text(re.compile(r"^\d+ projets$"))
    assert all(
        "En service" in meta
        for meta in results.locator(".project-card .card__meta").all_inner_texts()[::2]
    )
    projects = results.locator("h3 a")
    expect(projects.first).to_be_visible()
    title = projects.first.inner_text()
    projects.first.click()
    expect(page.locator("h1")).to_have_text(title)

    barometre = _first_live("barometre.BarometrePage", "fr")
    page.goto(site_url + barometre.url)
    expect(page.locator("h1")).to_have_text("Baromètre numériQc")
    charts = page.locator("main svg[role=img]")
    expect(charts.first).to_be_visible()
    # Every chart has its data table beside it.
    assert charts.count() == page.locator("main table.chart-table").count() > 1
    first_table = page.locator("main table.chart-table").first
    assert first_table.locator("caption").inner_text().strip()
    assert first_table.locator("tbody tr").count() >= 1


def test_visitor_searches_in_french_with_and_without_accents(page, site_url):
    found = {}
    for query in ("numérique", "numerique"):
        page.goto(f"{site_url}/fr/recherche/?q={query}")
        found[query] = page.locator("main h2 a, main h3 a").all_inner_texts()
    assert found["numérique"], "no result for the accented query"
    assert found["numerique"] == found["numérique"]


def _path_of(url):
    return urlsplit(url).path


def test_citizen_subscribes_confirms_and_unsubscribes(
    page, site_url, mailoutbox, django_capture_on_commit_callbacks
):
    from django.urls import reverse
    from django.utils import translation

    from notifications.events import publish
    from notifications.models import Subscription, Topic

    address = "citoyenne.e2e@example.org"
    with translation.override("fr"):
        page.goto(site_url + reverse("notifications:subscribe"))
    page.get_by_label("Adresse courriel").fill(address)
    page.get_by_role("group", name="Par courriel").get_by_label(
        "Une consultation est ouverte"
    ).check()
    page.get_by_role("button", name="M’abonner").click()
    expect(page.locator("h1")).to_be_visible()

    # Nothing is sent before the address is confirmed, except the confirmation.
    assert len(mailoutbox) == 1
    confirmation = mailoutbox[0]
    assert confirmation.to == [address]
    link = re.search(r"https?://\S+/confirmer/\S+/", confirmation.body).group(0)
    page.goto(site_url + _path_of(link))
    page.get_by_role("button").filter(has_text=re.compile("Confirmer")).click()
    expect(page.locator("h1")).to_have_text("Adresse courriel confirmée")
    subscription = Subscription.objects.get(
        subscriber__email=address, topic=Topic.CONSULTATION_OPENED, active=True
    )

    # A consultation opens: the subscriber is told, with a one-click unsubscribe.
    consultation = _first_live("consultation.ConsultationPage", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        publish(Topic.CONSULTATION_OPENED, consultation, key="e2e")
    notice = next(m for m in mailoutbox[1:] if m.to == [address])
    unsubscribe = notice.extra_headers["List-Unsubscribe"].strip("<>")
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(site_url + _path_of(unsubscribe))
    page.locator("main").get_by_role("button").click()
    expect(page.locator("h1")).to_have_text("Vous êtes désabonné")
    subscription.refresh_from_db()
    assert subscription.active is False
