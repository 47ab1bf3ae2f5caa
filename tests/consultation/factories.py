"""Factories of consultation models: small surveys, built in a few queries."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from consultation.models import (
    Choice,
    ConsultationIndexPage,
    ConsultationPage,
    Question,
    Survey,
)
from tests.factories import locale


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Questionnaire {n}")
    locale = factory.LazyFunction(locale)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    kind = Question.Kind.SHORT_TEXT
    label = factory.Sequence(lambda n: f"Question {n}")
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyAttribute(lambda q: q.survey.locale)


def question(survey, kind, label=None, choices=(), **fields):
    created = QuestionFactory(
        survey=survey, kind=kind, label=label or f"{kind} ?", **fields
    )
    for index, choice_label in enumerate(choices):
        Choice.objects.create(
            question=created, label=choice_label, sort_order=index, locale=survey.locale
        )
    return created


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationIndexPage

    title = "Consultations"
    slug = "consultations"
    locale = factory.LazyAttribute(lambda p: p.parent.locale if p.parent else locale())


class ConsultationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConsultationPage

    title = factory.Sequence(lambda n: f"Consultation {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    locale = factory.LazyAttribute(lambda p: p.parent.locale if p.parent else locale())


def survey_page(parent, survey, **fields):
    return ConsultationPageFactory(parent=parent, body=[("survey", survey)], **fields)


def translate_survey(survey, title="Survey", labels=None):
    """The English translation of a survey, questions and choices included."""
    labels = labels or {}
    translated = survey.copy_for_translation(locale("en"))
    translated.title = title
    translated.save()
    for source_question in survey.questions.all():
        copy = translated.questions.get(translation_key=source_question.translation_key)
        copy.label = labels.get(source_question.label, source_question.label)
        copy.save()
        for choice in copy.choices.all():
            choice.label = labels.get(choice.label, choice.label)
            choice.save()
    return translated
