"""The results counted now are the results counted before issue 19, figure for figure.

Generated responses (both languages, every question type, "other" answers, some
waiting for confirmation) are counted by the current code and by the frozen copy
of the code before the change (`reference_results.py`): respondent counts, every
row, means and medians, matrices, ranking order, small-cell suppression and
cross-tabs must all be equal, in French and in English.
"""

import itertools

import pytest
from django.utils import translation

from consultation import results
from consultation.models import Response

from . import reference_results
from .generated import generate


@pytest.fixture
def generated(consultation):
    return generate(consultation)


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
