"""Answering a survey without an account or JavaScript: flow, validation, refusals."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.models import Answer, Question, Response

from .factories import SurveyFactory, question


def name(q, choice=None):
    if choice is None:
        return q.field_name
    return f"{q.field_name}__{choice.translation_key.hex}"


def key(c):
    return c.translation_key.hex


def first_page(consultation, **extra):
    q = consultation.q
    data = {
        name(q.region): key(q.region.choices.get(label="Québec")),
        name(q.services): [key(c) for c in q.services.choices.all()[:2]],
        name(q.rating): "4",
        name(q.recommend): "no",
        name(q.why_not): "Trop lent",
        "step": "0",
    }
    data.update(extra)
    return data


def second_page(consultation, **extra):
    q = consultation.q
    rapid, simple, secure = q.priorities.choices.all()
    clarity, access = q.matrix.choices.all()
    data = {
        name(q.age): "42",
        name(q.visit): "2026-10-01",
        name(q.priorities, rapid): "2",
        name(q.priorities, simple): "1",
        name(q.priorities, secure): "3",
        name(q.matrix, clarity): "5",
        name(q.matrix, access): "3",
        name(q.comment): "Merci",
        "step": "1",
        "action": "send",
    }
    data.update(extra)
    return data


def answer_all(client, consultation, url=None, **extra):
    url = url or consultation.page.url
    first = client.post(url, first_page(consultation))
    assert first.status_code == 302, first.content
    data = second_page(consultation, **extra)
    return client.post(url, data)


def test_the_form_shows_every_question_type_in_both_languages(client, consultation):
    french = client.get(consultation.page.url)
    assert french.status_code == 200
    assert "Votre région" in french.text and "Page 1 de 2" in french.text
    assert "Autre (précisez)" in french.text
    english = client.get(consultation.page_en.url)
    assert english.status_code == 200
    assert "Your region" in english.text and "Page 1 of 2" in english.text
    assert "Other (specify)" in english.text


def test_a_multi_page_answer_is_stored_once_with_every_type(client, consultation):
    response = answer_all(client, consultation)
    assert response.status_code == 302
    assert "?thanks=" in response["Location"]
    stored = Response.objects.get()
    assert stored.status == Response.Status.CONFIRMED and stored.language == "fr"
    q = consultation.q
    answers = Answer.objects.filter(response=stored)
    assert answers.get(question=q.region).choice.label == "Québec"
    assert answers.filter(question=q.services).count() == 2
    assert answers.get(question=q.rating).number == 4
    assert answers.get(question=q.recommend).number == 0
    assert answers.get(question=q.why_not).text == "Trop lent"
    assert answers.get(question=q.age).number == 42
    assert str(answers.get(question=q.visit).date) == "2026-10-01"
    ranks = dict(
        answers.filter(question=q.priorities).values_list("choice__label", "rank")
    )
    assert ranks == {"Rapidité": 2, "Simplicité": 1, "Sécurité": 3}
    assert answers.filter(question=q.matrix).count() == 2
    thanks = client.get(response["Location"])
    assert "Merci, vos réponses ont été enregistrées." in thanks.text


def test_the_answers_so_far_are_kept_and_the_survey_resumes(client, consultation):
    client.post(consultation.page.url, first_page(consultation))
    resumed = client.get(consultation.page.url)
    assert "Page 2 de 2" in resumed.text
    back = client.post(consultation.page.url, {"step": "1", "action": "previous"})
    assert back.status_code == 302
    again = client.get(consultation.page.url)
    assert "Page 1 de 2" in again.text
    assert (
        'value="4" checked' in again.text.replace("\n", " ") or "checked" in again.text
    )


def test_english_answers_point_at_the_french_questions(client, consultation):
    english = consultation.english
    region = english.questions.get(
        translation_key=consultation.q.region.translation_key
    )
    assert region.choices.first().label == "Montreal"
    response = answer_all(client, consultation, url=consultation.page_en.url)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.language == "en" and stored.survey == consultation.survey
    answer = Answer.objects.get(response=stored, question=consultation.q.region)
    assert answer.choice.question.survey == consultation.survey


def test_a_hidden_question_is_not_required_nor_stored(client, consultation):
    q = consultation.q
    data = first_page(consultation)
    data[name(q.recommend)] = "yes"
    client.post(consultation.page.url, data)
    client.post(consultation.page.url, second_page(consultation))
    assert not Answer.objects.filter(question=q.why_not).exists()


def test_the_double_submission_stores_one_response(client, consultation):
    client.post(consultation.page.url, first_page(consultation))
    data = second_page(consultation)
    page = client.get(consultation.page.url)
    submission = page.context["survey_ui"]["key"]
    data["submission_key"] = submission
    first = client.post(consultation.page.url, data)
    client.post(
        consultation.page.url, first_page(consultation, submission_key=submission)
    )
    second = client.post(consultation.page.url, data)
    assert Response.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("region", "00000000000000000000000000000000", "Sélectionnez un choix valide"),
        ("why_not", "x" * 51, "au plus 50 caractères"),
        ("why_not", "bonjour\x07", "caractères de contrôle invisibles"),
        ("rating", "9", "Sélectionnez un choix valide"),
    ],
)
def test_invalid_input_gets_the_form_back_and_stores_nothing(
    client, consultation, field, value, message
):
    q = consultation.q
    data = first_page(consultation, **{name(getattr(q, field)): value})
    response = client.post(consultation.page.url, data)
    assert response.status_code == 400
    assert message in response.text
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_too_many_choices_are_refused(client, consultation):
    q = consultation.q
    everything = [key(c) for c in q.services.choices.all()]
    response = client.post(
        consultation.page.url,
        first_page(consultation, **{name(q.services): everything}),
    )
    assert response.status_code == 400
    assert "Choisissez au plus 2 options." in response.text


def test_other_needs_a_text(client, consultation):
    q = consultation.q
    response = client.post(
        consultation.page.url, first_page(consultation, **{name(q.region): "other"})
    )
    assert response.status_code == 400
    assert "Précisez ce que vous entendez par « Autre »." in response.text


def test_a_question_from_another_survey_is_refused(client, consultation):
    foreign = question(SurveyFactory(), Question.Kind.SHORT_TEXT, "Ailleurs")
    data = first_page(consultation, **{foreign.field_name: "intrus"})
    response = client.post(consultation.page.url, data)
    assert response.status_code == 400
    assert "questions qu’il ne pose pas" in response.text
    assert Response.objects.count() == 0


def test_a_required_question_must_be_answered(client, consultation):
    data = first_page(consultation)
    del data[name(consultation.q.region)]
    response = client.post(consultation.page.url, data)
    assert response.status_code == 400
    assert "Champ requis." in response.text


def test_a_ranking_cannot_give_a_position_twice(client, consultation):
    client.post(consultation.page.url, first_page(consultation))
    q = consultation.q
    rapid = q.priorities.choices.first()
    simple = q.priorities.choices.all()[1]
    data = second_page(
        consultation,
        **{name(q.priorities, rapid): "1", name(q.priorities, simple): "1"},
    )
    response = client.post(consultation.page.url, data)
    assert response.status_code == 400
    assert "Ne donnez chaque position qu’une fois." in response.text
    assert Response.objects.count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_closed_consultation_refuses_answers(client, consultation, language):
    page = consultation.page if language == "fr" else consultation.page_en
    for moment in (consultation.page, consultation.page_en):
        moment.opens_at = timezone.now() - timedelta(days=10)
        moment.closes_at = timezone.now() - timedelta(days=1)
        moment.save_revision().publish()
    shown = client.get(page.url)
    expected = "ne sont plus acceptées" if language == "fr" else "no longer accepted"
    assert expected in shown.text
    response = client.post(page.url, first_page(consultation))
    assert response.status_code == 403
    assert expected in response.text
    assert Response.objects.count() == 0


def test_a_consultation_not_yet_open_says_when_it_opens(client, consultation):
    # Dates are set on the French page; the English one shares them (issue 16).
    page = consultation.page
    page.opens_at = timezone.now() + timedelta(days=3)
    page.save_revision().publish()
    response = client.post(consultation.page_en.url, first_page(consultation))
    assert response.status_code == 403
    assert "is not open yet" in response.text


def test_the_honeypot_thanks_and_stores_nothing(client, consultation):
    client.post(consultation.page.url, first_page(consultation))
    response = client.post(
        consultation.page.url, second_page(consultation, website="http://spam")
    )
    assert response.status_code == 200
    assert Response.objects.count() == 0


def test_the_same_browser_answers_once_in_open_mode(client, consultation):
    answer_all(client, consultation)
    again = client.get(consultation.page.url)
    assert "Vous avez déjà répondu" in again.text


def test_posts_are_limited_per_client_address(client, consultation, settings):
    settings.CONSULTATION_POSTS_PER_ADDRESS = 1
    answer_all(client, consultation)
    client.cookies.clear()
    response = answer_all(client, consultation, submission_key="")
    assert response.status_code == 429
    assert Response.objects.count() == 1


def test_a_post_without_csrf_token_is_refused(consultation):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(consultation.page.url, first_page(consultation))
    assert response.status_code == 403
