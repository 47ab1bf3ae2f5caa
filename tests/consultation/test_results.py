"""Results counted in SQL: both languages together, scales, rankings, matrices,
cross-tabs, the minimum-count rule, and the public results page."""

import pytest
from django.utils import translation

from consultation import results

from .helpers import respond


def rows_of(items, question):
    found = next(
        r for r in items if r.question.translation_key == question.translation_key
    )
    return found


def test_french_and_english_answers_count_together(consultation):
    respond(consultation, "fr", region="Montréal")
    respond(consultation, "en", region="Montréal")
    respond(consultation, "en", region="Québec")
    english = results.survey_results(consultation.english)
    region = rows_of(english, consultation.q.region)
    assert region.respondents == 3
    assert region.rows[0] == ("Montreal", 2, 66.7)
    assert region.rows[1] == ("Quebec City", 1, 33.3)
    french = rows_of(results.survey_results(consultation.survey), consultation.q.region)
    assert french.rows[0] == ("Montréal", 2, 66.7)


def test_scales_have_mean_median_and_distribution(consultation):
    for rating in (1, 2, 2, 5):
        respond(consultation, rating=rating)
    rating = rows_of(results.survey_results(consultation.survey), consultation.q.rating)
    assert rating.mean == 2.5 and rating.median == 2.0
    assert [(label, n) for label, n, _p in rating.rows] == [
        ("1", 1),
        ("2", 2),
        ("3", 0),
        ("4", 0),
        ("5", 1),
    ]


def test_rankings_give_a_mean_rank_and_matrices_a_table(consultation):
    respond(
        consultation,
        ranking={"Rapidité": 1, "Simplicité": 2, "Sécurité": 3},
        matrix={"Clarté": 5, "Accès": 2},
    )
    respond(
        consultation,
        ranking={"Rapidité": 2, "Simplicité": 1, "Sécurité": 3},
        matrix={"Clarté": 5, "Accès": 4},
    )
    items = results.survey_results(consultation.survey)
    ranking = rows_of(items, consultation.q.priorities)
    assert ranking.rows[0][1] == 1.5 and ranking.rows[-1] == ("Sécurité", 3.0, None)
    matrix = rows_of(items, consultation.q.matrix)
    assert matrix.matrix == [("Clarté", [0, 0, 0, 0, 2]), ("Accès", [0, 1, 0, 1, 0])]


def test_dates_are_counted_by_month_in_the_readers_language(consultation):
    from datetime import date

    for day in (date(2026, 3, 2), date(2026, 5, 10), date(2026, 3, 28)):
        respond(consultation, visit=day)
    respond(consultation)  # did not answer the date question
    french = rows_of(results.survey_results(consultation.survey), consultation.q.visit)
    assert french.respondents == 3
    assert french.rows == [("mars 2026", 2, 66.7), ("mai 2026", 1, 33.3)]
    assert french.chart is not None
    with translation.override("en"):  # as the English results page reads them
        english = rows_of(
            results.survey_results(consultation.english), consultation.q.visit
        )
    assert english.rows == [("March 2026", 2, 66.7), ("May 2026", 1, 33.3)]
    # Shown alone beside 3 respondents, March's 2 would tell May's hidden 1.
    hidden = rows_of(
        results.survey_results(consultation.survey, minimum=2), consultation.q.visit
    )
    assert hidden.rows == [] and hidden.hidden == 2


def test_every_result_can_be_filtered_by_another_answer(consultation):
    respond(consultation, region="Montréal", rating=5)
    respond(consultation, region="Montréal", rating=4)
    respond(consultation, region="Québec", rating=1)
    montreal = consultation.q.region.choices.get(label="Montréal")
    items = results.survey_results(
        consultation.survey, filter_by=(consultation.q.region, montreal)
    )
    rating = rows_of(items, consultation.q.rating)
    assert rating.respondents == 2 and rating.mean == 4.5


def test_the_minimum_count_hides_small_categories(consultation):
    for _ in range(5):
        respond(consultation, region="Montréal", rating=3)
    respond(consultation, region="Québec", rating=1)
    items = results.survey_results(consultation.survey, minimum=5)
    region = rows_of(items, consultation.q.region)
    assert [label for label, _n, _p in region.rows] == ["Montréal"]
    assert region.hidden == 2
    rating = rows_of(items, consultation.q.rating)
    assert rating.mean is None  # a mean would reveal the hidden answer


def test_results_take_a_constant_number_of_queries(
    consultation, django_assert_max_num_queries
):
    for _ in range(3):
        respond(consultation)
    with django_assert_max_num_queries(14):
        results.survey_results(consultation.survey)
    for _ in range(20):
        respond(consultation, region="Québec", rating=2)
    with django_assert_max_num_queries(14):
        results.survey_results(consultation.survey)


def test_the_public_results_page_needs_publication(client, consultation):
    url = consultation.page.url + "results/"
    assert client.get(url).status_code == 404
    for _ in range(5):
        respond(consultation, region="Montréal", comment="=cmd")
    respond(consultation, region="Ailleurs")
    page = consultation.page
    page.results_published = True
    page.save_revision().publish()
    shown = client.get(url)
    assert shown.status_code == 200
    assert "Résultats : Consultation sur les services" in shown.text
    assert "6 réponses comptées." in shown.text
    assert "Ailleurs" not in shown.text.split("<main")[1]
    assert "=cmd" not in shown.text  # free text only when highlighted
    assert "<svg" in shown.text and "<table" in shown.text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_public_results_page_in_both_languages(client, consultation, language):
    for page in (consultation.page, consultation.page_en):
        page.results_published = True
        page.save_revision().publish()
    for _ in range(5):
        respond(consultation)
    page = consultation.page if language == "fr" else consultation.page_en
    shown = client.get(page.url + "results/")
    expected = "Your region" if language == "en" else "Votre région"
    assert shown.status_code == 200 and expected in shown.text
    respondents = "5 respondents" if language == "en" else "5 répondants"
    assert respondents in shown.text


def test_responses_over_time_are_counted_per_day(consultation):
    respond(consultation)
    respond(consultation)
    points = results.responses_over_time(consultation.survey)
    assert [n for _day, n in points] == [2]


def test_responses_waiting_for_confirmation_are_not_counted(consultation):
    from consultation.models import Response

    respond(consultation, region="Montréal")
    waiting = respond(consultation, region="Québec")
    Response.objects.filter(pk=waiting.pk).update(status=Response.Status.PENDING)
    region = rows_of(results.survey_results(consultation.survey), consultation.q.region)
    assert region.respondents == 1
    assert [(label, n) for label, n, _p in region.rows if n] == [("Montréal", 1)]


def test_the_cached_public_results_follow_new_responses(client, consultation):
    page = consultation.page
    page.results_published = True
    page.save_revision().publish()
    for _ in range(5):
        respond(consultation)
    url = page.url + "results/"
    assert "5 réponses comptées." in client.get(url).text
    respond(consultation)
    assert "6 réponses comptées." in client.get(url).text


def test_results_read_the_answers_in_two_queries_whatever_their_number(
    consultation, django_assert_num_queries
):
    """The source survey, its questions and choices, whether any response waits,
    then every count in one GROUP BY and the respondents of multi-row questions;
    the English survey adds its own questions and choices."""
    respond(consultation, ranking={"Rapidité": 1}, matrix={"Clarté": 2})
    survey = consultation.survey
    survey.refresh_from_db()
    with django_assert_num_queries(6):
        results.survey_results(survey)
    for _ in range(20):
        respond(consultation, "en", region="Québec", ranking={"Sécurité": 1})
    survey.refresh_from_db()
    with django_assert_num_queries(6):
        results.survey_results(survey)
    with django_assert_num_queries(8):
        results.survey_results(consultation.english)
    montreal = consultation.q.region.choices.get(label="Montréal")
    with django_assert_num_queries(7):  # the filter's source rows; none waits
        results.survey_results(survey, filter_by=(consultation.q.region, montreal))


def test_hidden_counts_cannot_be_worked_back_from_what_is_shown(consultation):
    """Hand count: 6 respondents; 5 say 1 to "Clarté" and 1 says 5; "Accès": 3 say
    2 and 3 say 4. Minimum 3."""
    for _ in range(5):
        respond(consultation, recommend=True, matrix={"Clarté": 1, "Accès": 2})
    respond(consultation, recommend=False, matrix={"Clarté": 5, "Accès": 4})
    respond(consultation, recommend=True, matrix={"Accès": 4})  # skips "Clarté"
    respond(consultation, recommend=True, matrix={"Accès": 4})
    items = results.survey_results(consultation.survey, minimum=3)
    matrix = rows_of(items, consultation.q.matrix)
    clarity, access = dict(matrix.matrix)["Clarté"], dict(matrix.matrix)["Accès"]
    # No "0" beside a hidden cell: zeros are hidden like small counts...
    assert 0 not in clarity and 0 not in access
    # ...and a row never shows all but one of its counts.
    assert clarity == [5, None, None, None, None]
    assert access == [None, 5, None, 3, None]
    for cells in (clarity, access):
        assert cells.count(None) != 1
    # Yes 7, No 1 beside 8 respondents: "No" hidden, so "Yes" is hidden too.
    recommend = rows_of(items, consultation.q.recommend)
    assert recommend.respondents == 8
    assert recommend.rows == [] and recommend.hidden == 2
