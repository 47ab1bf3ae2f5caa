"""A display condition on a choice question names the choice itself, chosen from a
drop-down of the survey's choices in the editor (issue 23): the reference follows
translation and a rewording, where typed text did not."""

import importlib

import pytest
from django.apps import apps
from wagtail_localize.models import StringTranslation, Translation

from consultation.forms import Condition
from consultation.models import Choice, Question, Survey
from tests.factories import UserFactory, locale

from .factories import SurveyFactory, question

K = Question.Kind
EDIT = "/admin/snippets/consultation/survey/edit/{}/"


@pytest.fixture
def survey(db):
    survey = SurveyFactory(title="Sondage conditionnel", organization=None)
    question(survey, K.SINGLE, "Utilisez-vous le service?", ["Oui", "Non"])
    question(survey, K.LONG_TEXT, "Pourquoi?")
    return survey


@pytest.fixture
def editor(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _questions(survey):
    return list(survey.questions.order_by("sort_order"))


def _edit_data(response):
    """What the editor's browser posts back: every field of the form as shown."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, False):
            data[name] = value
    for formset in form.formsets.values():
        data.update(_formset_data(formset))
    return data


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
            if value not in (None, False):
                data[f"{prefix}-{index}-{name}"] = value
        data[f"{prefix}-{index}-ORDER"] = index + 1
        for nested in getattr(form, "formsets", {}).values():
            data.update(_formset_data(nested))
    return data


def test_the_editor_offers_the_earlier_questions_choices_in_a_drop_down(editor, survey):
    other = SurveyFactory(title="Un autre sondage")
    question(other, K.SINGLE, "Ailleurs?", ["Choix d’ailleurs"])
    response = editor.get(EDIT.format(survey.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="questions-1-condition_choice"' in html
    assert "Utilisez-vous le service? → Oui" in html
    assert "Utilisez-vous le service? → Non" in html
    assert "Choix d’ailleurs" not in html
    # Each choice names its question, for the script that narrows the list.
    user = _questions(survey)[0]
    assert f'data-question="{user.pk}"' in html
    assert "consultation/condition_choice.js" in html
    # The first question has no earlier question: nothing to choose from.
    first = response.context["form"].formsets["questions"].forms[0]
    assert list(first.fields["condition_choice"].queryset) == []


def test_the_editor_saves_the_chosen_choice_and_the_form_follows_it(editor, survey):
    user, why = _questions(survey)
    yes, no = user.choices.order_by("sort_order")
    data = _edit_data(editor.get(EDIT.format(survey.pk)))
    data["questions-1-condition_question"] = user.pk
    data["questions-1-condition_operator"] = Question.Operator.EQUALS
    data["questions-1-condition_choice"] = yes.pk
    response = editor.post(EDIT.format(survey.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    why.refresh_from_db()
    assert why.condition_choice == yes
    questions = {q.translation_key: q for q in _questions(survey)}
    condition = Condition(questions)
    assert condition.shown(why, {user.field_name: yes.translation_key.hex})
    assert not condition.shown(why, {user.field_name: no.translation_key.hex})
    # A reworded choice keeps the condition: it names the choice, not its text.
    yes.label = "Oui, souvent"
    yes.save()
    why.refresh_from_db()
    assert Condition(questions).shown(why, {user.field_name: yes.translation_key.hex})


def test_a_choice_of_another_question_is_refused(editor, survey):
    user, _why = _questions(survey)
    third = question(survey, K.SINGLE, "Souvent?", ["Toujours", "Jamais"])
    data = _edit_data(editor.get(EDIT.format(survey.pk)))
    data["questions-2-condition_question"] = user.pk
    data["questions-2-condition_operator"] = Question.Operator.EQUALS
    data["questions-2-condition_choice"] = third.choices.first().pk
    response = editor.post(EDIT.format(survey.pk), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["questions"].forms[2].errors
    assert "condition_choice" in errors
    assert Question.objects.get(pk=third.pk).condition_choice is None


def test_equals_on_a_choice_question_needs_a_choice_from_the_list(editor, survey):
    user, why = _questions(survey)
    data = _edit_data(editor.get(EDIT.format(survey.pk)))
    data["questions-1-condition_question"] = user.pk
    data["questions-1-condition_operator"] = Question.Operator.EQUALS
    data["questions-1-condition_value"] = "Oui"
    response = editor.post(EDIT.format(survey.pk), data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    errors = response.context["form"].formsets["questions"].forms[1].errors
    assert "condition_choice" in errors


def test_the_translated_condition_names_the_translated_choice(editor, survey):
    user, why = _questions(survey)
    yes = user.choices.get(label="Oui")
    why.condition_question = user
    why.condition_operator = Question.Operator.EQUALS
    why.condition_choice = yes
    why.save()
    response = editor.post(
        f"/admin/localize/submit/snippet/consultation/survey/{survey.pk}/",
        {"locales": [locale("en").pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=survey.translation_key, target_locale=locale("en")
    )
    english_of = {"Oui": "Yes", "Non": "No", "Pourquoi?": "Why?"}
    for segment in translation.source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale("en"),
            context=segment.context,
            defaults={"data": english_of.get(segment.string.data, segment.string.data)},
        )
    translation.save_target(publish=True)

    english = Survey.objects.get(
        translation_key=survey.translation_key, locale=locale("en")
    )
    english_why = english.questions.get(label="Why?")
    english_yes = Choice.objects.get(question__survey=english, label="Yes")
    assert english_why.condition_choice == english_yes
    questions = {q.translation_key: q for q in english.questions.all()}
    english_user = questions[user.translation_key]
    assert Condition(questions).shown(
        english_why, {english_user.field_name: english_yes.translation_key.hex}
    )


def test_conditions_typed_before_name_their_choice_after_the_migration(survey):
    user, why = _questions(survey)
    why.condition_question = user
    why.condition_operator = Question.Operator.EQUALS
    why.condition_value = " oui "
    why.save()
    migration = importlib.import_module(
        "consultation.migrations.0055_matrix_columns_condition_choice"
    )
    migration.choices_from_wording(apps, None)
    why.refresh_from_db()
    assert why.condition_choice == user.choices.get(label="Oui")
