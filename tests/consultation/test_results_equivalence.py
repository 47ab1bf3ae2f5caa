"""The results counted now are the results counted before issue 19, figure for figure.

Generated responses (both languages, every question type, "other" answers, some
waiting for confirmation) are counted by the current code and by the frozen copy
of the code before the change (`reference_results.py`): respondent counts, every
row, means and medians, matrices, ranking order, small-cell suppression and
cross-tabs must all be equal, in French and in English.
"""

import itertools
import random
import uuid
from datetime import date, timedelta

import pytest
from django.utils import translation

from consultation import results, services
from consultation.forms import NO, OTHER, YES
from consultation.models import Response

from . import reference_results


def _answers(consultation, survey, generator):
    """A random but valid set of answers, keyed as the public form keys them."""
    local = {q.translation_key: q for q in survey.questions.all()}
    q = consultation.q

    def key(question):
        return local[question.translation_key]

    def choice(question, label):
        return question.choices.get(label=label).translation_key.hex

    answers = {}
    region = generator.choice(["Montréal", "Québec", "Ailleurs", OTHER, None])
    if region == OTHER:
        answers[key(q.region)] = {"choices": [OTHER], "other": "Gaspésie"}
    elif region:
        answers[key(q.region)] = {"choices": [choice(q.region, region)], "other": ""}
    used = generator.sample(["Santé", "Impôts", "Permis"], generator.randint(0, 2))
    if used:
        answers[key(q.services)] = {
            "choices": [choice(q.services, label) for label in used],
            "other": "",
        }
    if generator.random() < 0.9:
        answers[key(q.rating)] = str(generator.randint(1, 5))
    if generator.random() < 0.8:
        answers[key(q.recommend)] = generator.choice([YES, NO])
    if generator.random() < 0.7:
        answers[key(q.age)] = generator.choice([18, 25, 25, 40, 67, 33.5])
    if generator.random() < 0.6:
        answers[key(q.visit)] = date(2026, 1, 15) + timedelta(generator.randint(0, 150))
    if generator.random() < 0.3:
        answers[key(q.comment)] = "Rien à signaler"
    labels = ["Rapidité", "Simplicité", "Sécurité"]
    ranked = generator.sample(labels, generator.randint(0, 3))
    if ranked:
        answers[key(q.priorities)] = {
            q.priorities.choices.get(label=label).translation_key: rank
            for rank, label in enumerate(ranked, start=1)
        }
    rows = generator.sample(["Clarté", "Accès"], generator.randint(0, 2))
    if rows:
        answers[key(q.matrix)] = {
            q.matrix.choices.get(label=label).translation_key: generator.randint(1, 5)
            for label in rows
        }
    return answers


@pytest.fixture
def generated(consultation):
    generator = random.Random(19)
    for index in range(60):
        language = "en" if index % 3 == 0 else "fr"
        survey = consultation.english if language == "en" else consultation.survey
        response = services.submit_response(
            survey,
            _answers(consultation, survey, generator),
            key=uuid.uuid4(),
            language=language,
            page=consultation.page,
        )
        if index % 11 == 5:
            Response.objects.filter(pk=response.pk).update(
                status=Response.Status.PENDING
            )
    return consultation


def _figures(items):
    """Everything a reader of the results sees, per question, in page order."""
    return [
        {
            "question": item.question.label,
            "respondents": item.respondents,
            "rows": item.rows,
            "mean": item.mean,
            "median": item.median,
            "matrix": item.matrix,
            "scale": item.scale,
            "hidden": item.hidden,
            "other": item.other_count,
            "chart": item.chart,
        }
        for item in items
    ]


def _filters(consultation):
    q = consultation.q
    return [
        None,
        (q.region, q.region.choices.get(label="Montréal")),
        (q.services, q.services.choices.get(label="Impôts")),
        (q.recommend, 1),
        (q.rating, 4),
    ]


def test_results_equal_the_code_before_issue_19(generated):
    # One set of generated data for every case: writing it is the slow part.
    for language, minimum in itertools.product(["fr", "en"], [0, 3, 8]):
        survey = generated.english if language == "en" else generated.survey
        with translation.override(language):
            for filter_by in _filters(generated):
                now = results.survey_results(survey, filter_by, minimum=minimum)
                before = reference_results.survey_results(
                    survey, filter_by, minimum=minimum
                )
                assert _figures(now) == _figures(before), (language, minimum)
    _assert_the_data_covers_the_comparison(generated)


def _assert_the_data_covers_the_comparison(generated):
    """Guard against a vacuous comparison: both languages, others, suppression."""
    items = {r.question.label: r for r in results.survey_results(generated.survey)}
    assert items["Votre région"].other_count > 0
    assert items["Vos priorités"].rows[0][1] < items["Vos priorités"].rows[-1][1]
    assert items["Évaluez"].matrix and items["Dernière visite"].rows
    languages = set(Response.objects.values_list("language", flat=True))
    assert languages == {"fr", "en"}
    assert Response.objects.filter(status=Response.Status.PENDING).exists()
    hidden = results.survey_results(generated.survey, minimum=8)
    assert any(item.hidden for item in hidden)
