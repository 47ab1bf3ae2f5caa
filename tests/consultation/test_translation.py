"""Translating a survey with wagtail-localize, as an editor does with "Traduire"
(issue 16): conditions follow the survey and point into its translation."""

import pytest
from wagtail_localize.models import StringTranslation, Translation

from consultation.forms import Condition
from consultation.models import Choice, Question, Survey
from tests.factories import OrganizationFactory, UserFactory, locale

from .factories import SurveyFactory, question

K = Question.Kind


@pytest.fixture
def conditional_survey(db):
    survey = SurveyFactory(title="Sondage conditionnel", organization=None)
    user = question(survey, K.SINGLE, "Utilisez-vous le service?", ["Oui", "Non"])
    why = question(
        survey,
        K.LONG_TEXT,
        "Pourquoi?",
        condition_operator=Question.Operator.EQUALS,
        condition_value="Oui",
    )
    why.condition_question = user
    why.save()
    return survey


def _translate_in_admin(client, survey):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client.post(
        f"/admin/localize/submit/snippet/consultation/survey/{survey.pk}/",
        {"locales": [locale("en").pk]},
    )


def _english(survey):
    return Survey.objects.get(
        translation_key=survey.translation_key, locale=locale("en")
    )


def test_translate_a_survey_with_a_condition(client, conditional_survey):
    response = _translate_in_admin(client, conditional_survey)
    assert response.status_code == 302
    english = _english(conditional_survey)
    assert english.questions.count() == 2
    why = english.questions.get(label="Pourquoi?")
    # The condition points into the English survey, at its English question.
    assert why.condition_question.survey_id == english.pk
    assert why.condition_question.locale == locale("en")


def test_the_translated_condition_follows_the_translated_choice(
    client, conditional_survey
):
    _translate_in_admin(client, conditional_survey)
    english = _english(conditional_survey)
    # The translator gives the English wording (what "Traduire" then "Publier" does).
    translation = Translation.objects.get(
        source__object_id=conditional_survey.translation_key,
        target_locale=locale("en"),
    )
    for segment in translation.source.stringsegment_set.select_related("string"):
        english_text = {"Oui": "Yes", "Non": "No", "Pourquoi?": "Why?"}.get(
            segment.string.data, segment.string.data
        )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale("en"),
            context=segment.context,
            defaults={"data": english_text},
        )
    translation.save_target(publish=True)

    english = _english(conditional_survey)
    why = english.questions.get(label="Why?")
    yes = Choice.objects.get(question__survey=english, label="Yes")
    assert why.condition_value == "Yes"
    questions = {q.translation_key: q for q in english.questions.all()}
    described = Condition(questions).describe(why)
    assert described["value"] == yes.translation_key.hex
    user = why.condition_question
    assert Condition(questions).shown(why, {user.field_name: yes.translation_key.hex})


def test_a_survey_of_an_organization_translates_with_its_condition(
    client, conditional_survey
):
    conditional_survey.organization = OrganizationFactory()
    conditional_survey.save()
    assert _translate_in_admin(client, conditional_survey).status_code == 302
    assert _english(conditional_survey).questions.count() == 2
