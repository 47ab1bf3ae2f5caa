"""One consultation, two languages, one state (issue 16): what is not wording (dates,
status, survey settings) comes from the French source, whatever the language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.models import ConsultationPage, Response, Survey

from .test_answering import first_page


def _close_the_french_consultation(consultation):
    french = consultation.page
    french.opens_at = timezone.now() - timedelta(days=10)
    french.closes_at = timezone.now() - timedelta(days=1)
    french.save_revision().publish()


def test_closing_the_french_page_closes_the_english_one(client, consultation):
    _close_the_french_consultation(consultation)
    english = ConsultationPage.objects.get(pk=consultation.page_en.pk)
    assert (
        english.closes_at
        == ConsultationPage.objects.get(pk=consultation.page.pk).closes_at
    )
    assert english.status == ConsultationPage.Status.CLOSED
    shown = client.get(english.url)
    assert "no longer accepted" in shown.text
    assert ">Open<" not in shown.text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_closed_consultation_refuses_an_answer_in_both_languages(
    client, consultation, language
):
    _close_the_french_consultation(consultation)
    page = consultation.page if language == "fr" else consultation.page_en
    response = client.post(page.url, first_page(consultation))
    assert response.status_code == 403
    expected = "ne sont plus acceptées" if language == "fr" else "no longer accepted"
    assert expected in response.text
    assert Response.objects.count() == 0


def test_a_translation_published_later_keeps_the_source_dates(client, consultation):
    """The English draft was saved while the consultation was open; publishing it
    after the French page closed must not reopen it."""
    english = consultation.page_en
    english.title = "Consultation on services (reviewed)"
    revision = english.save_revision()
    _close_the_french_consultation(consultation)
    revision.publish()
    english = ConsultationPage.objects.get(pk=english.pk)
    assert english.title == "Consultation on services (reviewed)"
    assert english.status == ConsultationPage.Status.CLOSED
    response = client.post(english.url, first_page(consultation))
    assert response.status_code == 403


def test_results_published_in_french_are_published_in_english(consultation):
    _close_the_french_consultation(consultation)
    french = ConsultationPage.objects.get(pk=consultation.page.pk)
    french.results_published = True
    french.save_revision().publish()
    english = ConsultationPage.objects.get(pk=consultation.page_en.pk)
    assert english.status == ConsultationPage.Status.RESULTS


def test_survey_settings_are_one_state(consultation):
    french = consultation.survey
    french.integrity = Survey.Integrity.EMAIL
    french.retention_days = 30
    french.save()
    english = Survey.objects.get(pk=consultation.english.pk)
    assert english.integrity == Survey.Integrity.EMAIL
    assert english.retention_days == 30


def test_question_settings_are_one_state(consultation):
    comment = consultation.q.comment
    comment.required = True
    comment.max_length = 20
    comment.save()
    consultation.survey.save()
    english = consultation.english.questions.get(
        translation_key=comment.translation_key
    )
    assert english.required is True
    assert english.max_length == 20


def test_the_french_pages_themes_are_the_english_pages(client, consultation):
    """Themes are chosen on the French page; the English page has their English
    translations (its theme filter and badges follow)."""
    from tests.factories import ThemeFactory, translate_snippet

    services = ThemeFactory(name="Services en ligne", slug="services-en-ligne")
    services_en = translate_snippet(services, name="Online services")
    french = ConsultationPage.objects.get(pk=consultation.page.pk)
    french.themes.set([services])
    french.save_revision().publish()
    english = ConsultationPage.objects.get(pk=consultation.page_en.pk)
    assert list(english.themes.all()) == [services_en]

    french.themes.set([])
    french.save_revision().publish()
    assert not ConsultationPage.objects.get(pk=english.pk).themes.exists()


def test_the_survey_swapped_in_the_french_body_is_the_english_pages(
    client, consultation
):
    from .factories import SurveyFactory, question, translate_survey

    other = SurveyFactory(title="Autre sondage", organization=consultation.organization)
    question(other, "short_text", "Votre avis sur le nouveau sondage")
    other_en = translate_survey(
        other,
        "Other survey",
        {"Votre avis sur le nouveau sondage": "Your view on the new survey"},
    )
    french = ConsultationPage.objects.get(pk=consultation.page.pk)
    french.body = [("survey", other)]
    french.save_revision().publish()

    english = ConsultationPage.objects.get(pk=consultation.page_en.pk)
    assert english.survey == other_en
    shown = client.get(english.url).text
    assert "Your view on the new survey" in shown


def test_an_english_draft_published_later_keeps_the_french_survey_and_themes(
    consultation,
):
    from tests.factories import ThemeFactory, translate_snippet

    from .factories import SurveyFactory, translate_survey

    english_draft = ConsultationPage.objects.get(pk=consultation.page_en.pk)
    english_draft.save_revision()  # saved before the French page changed
    theme = ThemeFactory(name="Données")
    theme_en = translate_snippet(theme, name="Data")
    other = SurveyFactory(title="Autre", organization=consultation.organization)
    other_en = translate_survey(other, "Other")
    french = ConsultationPage.objects.get(pk=consultation.page.pk)
    french.body = [("survey", other)]
    french.themes.set([theme])
    french.save_revision().publish()

    english_draft.get_latest_revision().publish()
    english = ConsultationPage.objects.get(pk=english_draft.pk)
    assert english.survey == other_en
    assert list(english.themes.all()) == [theme_en]
