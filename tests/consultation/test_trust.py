"""Answers that can be trusted: parallel duplicates, email confirmation, consent and
retention, edits refused once a survey has answers."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from consultation import services
from consultation.admin_forms import SurveyForm
from consultation.models import Answer, Question, Response, Survey
from consultation.tasks import forget_expired_personal_data

from .factories import (
    ConsultationIndexPageFactory,
    SurveyFactory,
    question,
    survey_page,
)
from .helpers import respond


@pytest.fixture
def short_survey(site_tree):
    survey = SurveyFactory(title="Court")
    opinion = question(
        survey, Question.Kind.SINGLE, "Avis", ["Pour", "Contre"], required=True
    )
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    page = survey_page(index, survey, title="Avis rapide")
    return survey, opinion, page


def post_data(opinion, key):
    return {
        opinion.field_name: opinion.choices.first().translation_key.hex,
        "submission_key": key,
        "step": "0",
    }


@pytest.mark.postgres
def test_twenty_parallel_copies_of_one_post_store_one_response(
    transactional_db, short_survey, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("The race needs PostgreSQL: SQLite serialises every write.")
    settings.CONSULTATION_POSTS_PER_ADDRESS = 100
    survey, opinion, page = short_survey
    data = post_data(opinion, uuid.uuid4().hex)
    barrier = threading.Barrier(20)
    locations, errors = [], []

    def send():
        try:
            barrier.wait()
            response = Client().post(page.url, data)
            locations.append((response.status_code, response.get("Location")))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Response.objects.count() == 1 and Answer.objects.count() == 1
    assert {location for _status, location in locations} == {
        f"{page.url}?thanks={uuid.UUID(data['submission_key']).hex}"
    }
    assert {status for status, _l in locations} == {302}


def test_a_repeated_key_raises_duplicate_and_stores_nothing_more(short_survey):
    survey, opinion, _page = short_survey
    key = uuid.uuid4()
    answers = {
        opinion: {"choices": [opinion.choices.first().translation_key.hex], "other": ""}
    }
    first = services.submit_response(survey, answers, key=key, language="fr")
    with pytest.raises(services.Duplicate) as repeated:
        services.submit_response(survey, answers, key=key, language="fr")
    assert repeated.value.response == first
    assert Answer.objects.count() == 1


def test_email_confirmed_responses_count_after_the_link(
    client, short_survey, django_capture_on_commit_callbacks
):
    survey, opinion, page = short_survey
    Survey.objects.filter(pk=survey.pk).update(integrity=Survey.Integrity.EMAIL)
    data = post_data(opinion, uuid.uuid4().hex)
    refused = client.post(page.url, data)
    assert refused.status_code == 400
    assert "Votre adresse courriel" in refused.text
    data["email"] = "Citoyenne@Example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, data)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.status == Response.Status.PENDING
    assert "citoyenne" not in stored.email_hash.lower() and len(stored.email_hash) == 64
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Citoyenne@Example.org"]
    pending = client.get(response["Location"])
    assert "Consultez votre boîte de courriel" in pending.text
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line
    )
    confirmed = client.get(link.replace("http://testserver", ""))
    assert confirmed.status_code == 200
    assert "vos réponses sont confirmées" in confirmed.text
    stored.refresh_from_db()
    assert stored.status == Response.Status.CONFIRMED
    bad = client.get(page.url + "confirm/?token=forged")
    assert bad.status_code == 400 and "pas valide" in bad.text


def test_the_same_address_is_counted_once(
    short_survey, django_capture_on_commit_callbacks
):
    survey, opinion, page = short_survey
    Survey.objects.filter(pk=survey.pk).update(integrity=Survey.Integrity.EMAIL)
    for _ in range(2):
        data = post_data(opinion, uuid.uuid4().hex)
        data["email"] = "meme@example.org"
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(page.url, data)
    assert Response.objects.count() == 1
    assert len(mail.outbox) == 1


def test_personal_questions_need_consent_and_expire(client, short_survey):
    survey, opinion, page = short_survey
    postal = question(survey, Question.Kind.SHORT_TEXT, "Code postal", is_personal=True)
    Survey.objects.filter(pk=survey.pk).update(
        consent_text="Pour situer les réponses.", retention_days=30
    )
    data = post_data(opinion, uuid.uuid4().hex)
    data[postal.field_name] = "H2X 1Y4"
    refused = client.post(page.url, data)
    assert refused.status_code == 400
    assert (
        "Pour situer les réponses. Vos réponses personnelles sont supprimées 30 jours"
        in refused.text
    )
    assert Response.objects.count() == 0
    data["consent"] = "on"
    assert client.post(page.url, data).status_code == 302
    stored = Response.objects.get()
    assert stored.consented and Answer.objects.filter(question=postal).exists()
    assert forget_expired_personal_data.delay().get() == 0
    Response.objects.update(created_at=timezone.now() - timedelta(days=31))
    assert forget_expired_personal_data.delay().get() == 1
    assert not Answer.objects.filter(question=postal).exists()
    assert Answer.objects.filter(question=opinion).exists()
    assert forget_expired_personal_data.delay().get() == 0  # safe to run twice


def _survey_form(survey, changes):
    """The admin form of a survey, bound to its current values plus `changes`."""
    from wagtail.admin.panels import ObjectList

    form_class = (
        ObjectList(Survey.panels, base_form_class=SurveyForm)
        .bind_to_model(Survey)
        .get_form_class()
    )
    blank = form_class(instance=survey)
    data = {}
    for name in blank.fields:
        value = blank[name].value()
        if value is not None:
            data[name] = value
    for formset in blank.formsets.values():
        data.update(_formset_data(formset))
    data.update(changes)
    return form_class(data, instance=survey)


def _formset_data(formset):
    prefix = formset.prefix
    data = {
        f"{prefix}-TOTAL_FORMS": len(formset.forms),
        f"{prefix}-INITIAL_FORMS": len(formset.forms),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, form in enumerate(formset.forms):
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[f"{prefix}-{index}-{name}"] = value
        data[f"{prefix}-{index}-ORDER"] = index + 1
        for nested in getattr(form, "formsets", {}).values():
            data.update(_formset_data(nested))
    return data


def test_wording_fixes_are_allowed_once_answered(consultation):
    respond(consultation)
    form = _survey_form(
        consultation.survey, {"questions-1-label": "Votre région de résidence"}
    )
    assert form.is_valid(), form.errors


def test_deleting_an_answered_question_is_refused(consultation):
    respond(consultation)
    form = _survey_form(consultation.survey, {"questions-1-DELETE": "on"})
    assert not form.is_valid()
    assert "a des réponses et ne peut pas être supprimée" in str(
        form.formsets["questions"].forms[1].errors
    )


def test_changing_the_type_of_an_answered_question_is_refused(consultation):
    respond(consultation)
    form = _survey_form(consultation.survey, {"questions-1-kind": "short_text"})
    assert not form.is_valid()
    assert "changer son type" in str(form.formsets["questions"].forms[1].errors)


def test_deleting_an_answered_choice_is_refused(consultation):
    respond(consultation, region="Montréal")
    form = _survey_form(consultation.survey, {"questions-1-choices-0-DELETE": "on"})
    assert not form.is_valid()


def test_an_unanswered_question_can_be_deleted(consultation):
    form = _survey_form(consultation.survey, {"questions-1-DELETE": "on"})
    assert form.is_valid(), form.errors


def test_a_condition_on_a_later_question_is_refused(consultation):
    later = consultation.survey.questions.order_by("sort_order").last()
    form = _survey_form(
        consultation.survey, {"questions-1-condition_question": later.pk}
    )
    assert not form.is_valid()
    assert "une question qui la précède" in str(
        form.formsets["questions"].forms[1].errors
    )


def test_a_condition_on_another_surveys_question_cannot_be_chosen(consultation):
    other = question(SurveyFactory(title="Autre"), Question.Kind.YES_NO, "Ailleurs?")
    form = _survey_form(
        consultation.survey, {"questions-1-condition_question": other.pk}
    )
    assert not form.is_valid()
    assert "condition_question" in form.formsets["questions"].forms[1].errors
