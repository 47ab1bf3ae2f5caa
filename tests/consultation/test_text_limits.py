"""Every text a citizen writes in a survey has a maximum in the form and in the
model; an editor cannot give a question a higher limit than the model keeps."""

import pytest
from django.core.exceptions import ValidationError

from consultation.forms import Condition, SurveyPageForm
from consultation.models import ANSWER_TEXT_MAX_LENGTH, Answer, Question

from .factories import SurveyFactory, question

pytestmark = pytest.mark.django_db


def test_the_model_refuses_an_answer_longer_than_the_limit(consultation):
    answer = Answer(
        question=consultation.q.comment, text="a" * (ANSWER_TEXT_MAX_LENGTH + 1)
    )
    with pytest.raises(ValidationError) as refused:
        answer.full_clean(exclude=["response"])
    assert "text" in refused.value.message_dict


def test_an_editor_cannot_set_a_limit_above_what_the_model_keeps(db):
    survey = SurveyFactory()
    long_text = question(survey, Question.Kind.LONG_TEXT, "Pourquoi?")
    long_text.max_length = 1_000_000
    with pytest.raises(ValidationError) as refused:
        long_text.full_clean(exclude=["survey"])
    assert "max_length" in refused.value.message_dict


def test_a_limit_stored_before_the_cap_is_capped_in_the_form(db):
    survey = SurveyFactory()
    long_text = question(survey, Question.Kind.LONG_TEXT, "Pourquoi?")
    Question.objects.filter(pk=long_text.pk).update(max_length=1_000_000)
    stored = Question.objects.get(pk=long_text.pk)
    form = SurveyPageForm([stored], Condition({stored.field_name: stored}), {})
    field = form.fields[stored.field_name]
    assert field.max_length == ANSWER_TEXT_MAX_LENGTH
