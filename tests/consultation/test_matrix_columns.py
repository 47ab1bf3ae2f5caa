"""Matrices with labelled columns (one answer per row) and multiple-choice matrices
(several columns per row), issue 23: the form in both languages, the answers
written, the server's checks, the results with small cells hidden, the exports."""

import csv
import io
import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from openpyxl import load_workbook

from consultation import exports, results
from consultation.models import Answer, Choice, Question, Response
from home.exports import csv_lines
from tests.factories import UserFactory, translate_page

from .factories import (
    ConsultationIndexPageFactory,
    SurveyFactory,
    question,
    survey_page,
    translate_survey,
)

K = Question.Kind
ENGLISH = {
    "Ces services vous sont-ils utiles?": "Are these services useful to you?",
    "Par quels moyens les utilisez-vous?": "How do you use them?",
    "Santé": "Health",
    "Impôts": "Taxes",
    "Pas du tout": "Not at all",
    "Un peu": "A little",
    "Beaucoup": "A lot",
    "Téléphone": "Phone",
    "Ordinateur": "Computer",
    "Comptoir": "Counter",
}


def matrix(survey, kind, label, rows, columns, **fields):
    created = question(survey, kind, label, rows, **fields)
    for index, column in enumerate(columns, start=len(rows)):
        Choice.objects.create(
            question=created,
            label=column,
            sort_order=index,
            is_column=True,
            locale=survey.locale,
        )
    return created


@pytest.fixture
def matrices(site_tree):
    survey = SurveyFactory(title="Matrices", organization=None)
    useful = matrix(
        survey,
        K.MATRIX_LABELS,
        "Ces services vous sont-ils utiles?",
        ["Santé", "Impôts"],
        ["Pas du tout", "Un peu", "Beaucoup"],
        required=True,
    )
    means = matrix(
        survey,
        K.MATRIX_MULTIPLE,
        "Par quels moyens les utilisez-vous?",
        ["Santé", "Impôts"],
        ["Téléphone", "Ordinateur", "Comptoir"],
        max_choices=2,
    )
    english = translate_survey(survey, "Matrices (EN)", ENGLISH)
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    page = survey_page(index, survey, title="Consultation matricielle")
    translate_page(index, title="Consultations", slug="consultations")
    page_en = translate_page(page, title="Matrix consultation", slug="matrices")
    page_en.body = [("survey", english)]
    page_en.save_revision().publish()
    return SimpleNamespace(
        survey=survey, english=english, useful=useful, means=means, page=page,
        page_en=page_en,
    )  # fmt: skip


def _named(question, label):
    return question.choices.get(label=label)


def _field(question, row):
    return f"{question.field_name}__{row.translation_key.hex}"


def _key(question, label):
    return _named(question, label).translation_key.hex


def _post(m, useful=None, means=None, url=None):
    """The form as a browser posts it; `useful` {row: column}, `means` {row: [..]}."""
    useful = {"Santé": "Beaucoup", "Impôts": "Un peu"} if useful is None else useful
    means = {"Santé": ["Téléphone", "Ordinateur"]} if means is None else means
    data = {"step": "0", "action": "send"}
    for row, column in useful.items():
        data[_field(m.useful, _named(m.useful, row))] = _key(m.useful, column)
    for row, columns in means.items():
        data[_field(m.means, _named(m.means, row))] = [
            _key(m.means, column) for column in columns
        ]
    return data


def _written(m):
    return sorted(
        Answer.objects.filter(question__in=[m.useful, m.means]).values_list(
            "question__label", "row__label", "choice__label"
        )
    )


def test_each_row_is_a_fieldset_with_the_column_labels_in_both_languages(
    client, matrices
):
    french = client.get(matrices.page.url).text
    assert "<legend>Santé</legend>" in french and "<legend>Impôts</legend>" in french
    for label in ("Pas du tout", "Un peu", "Beaucoup", "Comptoir"):
        assert label in french
    assert 'type="radio"' in french and 'type="checkbox"' in french
    assert "Dans chaque ligne, cochez au plus 2 réponses." in french
    english = client.get(matrices.page_en.url).text
    assert "<legend>Health</legend>" in english and "A little" in english
    assert "Counter" in english and "Pas du tout" not in english
    assert "In each row, tick at most 2 answers." in english


def test_french_answers_write_one_row_per_cell_chosen(client, matrices):
    response = client.post(matrices.page.url, _post(matrices))
    assert response.status_code == 302, response.content.decode()[:2000]
    useful, means = matrices.useful.label, matrices.means.label
    assert _written(matrices) == [
        (useful, "Impôts", "Un peu"),
        (useful, "Santé", "Beaucoup"),
        (means, "Santé", "Ordinateur"),
        (means, "Santé", "Téléphone"),
    ]


def test_english_answers_point_at_the_french_rows_and_columns(client, matrices):
    response = client.post(matrices.page_en.url, _post(matrices))
    assert response.status_code == 302
    assert Response.objects.get().language == "en"
    # Stored against the source (French) question, rows and columns.
    assert ("Ces services vous sont-ils utiles?", "Santé", "Beaucoup") in _written(
        matrices
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [("page", "Champ requis."), ("page_en", "This field is required.")],
)
def test_a_required_row_left_empty_is_asked_again(client, matrices, url, message):
    data = _post(matrices, useful={"Santé": "Beaucoup"})
    response = client.post(getattr(matrices, url).url, data)
    assert response.status_code == 400
    assert message in response.text
    assert not Answer.objects.exists() and not Response.objects.exists()
    # What was ticked is kept.
    kept = _key(matrices.useful, "Beaucoup")
    assert f'value="{kept}"' in response.text and "checked" in response.text


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("page", "Choisissez au plus 2 options."),
        ("page_en", "Choose at most 2 options."),
    ],
)
def test_more_columns_than_allowed_in_a_row_are_refused(client, matrices, url, message):
    data = _post(matrices, means={"Impôts": ["Téléphone", "Ordinateur", "Comptoir"]})
    response = client.post(getattr(matrices, url).url, data)
    assert response.status_code == 400
    assert message in response.text
    assert not Answer.objects.exists()


def test_a_column_of_another_question_is_refused_without_an_error_page(
    client, matrices
):
    data = _post(matrices)
    row = _field(matrices.useful, _named(matrices.useful, "Santé"))
    data[row] = _key(matrices.means, "Comptoir")  # a column of the other matrix
    response = client.post(matrices.page.url, data)
    assert response.status_code == 400
    assert not Answer.objects.exists()


def _answer(client, m, url, useful, means):
    client.cookies.clear()
    response = client.post(url, _post(m, useful=useful, means=means))
    assert response.status_code == 302


def _fill(client, m):
    """Seven responses: Santé "Beaucoup" 6 times and "Un peu" once."""
    for n in range(7):
        useful = {"Santé": "Un peu" if n == 0 else "Beaucoup", "Impôts": "Pas du tout"}
        means = {"Santé": ["Téléphone", "Ordinateur"] if n < 5 else ["Téléphone"]}
        url = m.page.url if n % 2 else m.page_en.url  # both languages count together
        _answer(client, m, url, useful, means)


def test_results_count_each_row_and_column_in_both_languages(client, matrices):
    _fill(client, matrices)
    with translation.override("en"):
        found = {r.question.kind: r for r in results.survey_results(matrices.english)}
    useful = found[K.MATRIX_LABELS]
    assert useful.respondents == 7
    assert useful.scale == ["Not at all", "A little", "A lot"]
    assert useful.matrix == [("Health", [0, 1, 6]), ("Taxes", [7, 0, 0])]
    means = found[K.MATRIX_MULTIPLE]
    assert means.scale == ["Phone", "Computer", "Counter"]
    assert means.matrix == [("Health", [7, 5, 0]), ("Taxes", [0, 0, 0])]


def test_public_results_hide_small_cells_zeros_and_their_complement(client, matrices):
    _fill(client, matrices)
    found = {
        r.question.kind: r for r in results.survey_results(matrices.survey, minimum=5)
    }
    # Santé: 0 and 1 hidden; Impôts: the zeros hidden, and with one row's cells
    # adding up to its respondents, nothing hidden can be worked back.
    assert found[K.MATRIX_LABELS].matrix == [
        ("Santé", [None, None, 6]),
        ("Impôts", [7, None, None]),
    ]
    # Several columns per row do not add up to a total: only small cells hidden.
    assert found[K.MATRIX_MULTIPLE].matrix == [
        ("Santé", [7, 5, None]),
        ("Impôts", [None, None, None]),
    ]


def test_the_public_results_page_shows_the_column_labels(client, matrices):
    from datetime import timedelta

    from django.utils import timezone

    _fill(client, matrices)
    page = matrices.page
    page.opens_at = timezone.now() - timedelta(days=10)
    page.closes_at = timezone.now() - timedelta(days=1)
    page.results_published = True
    page.save_revision().publish()
    matrices.page_en.refresh_from_db()
    french = client.get(page.url + "resultats/").text
    assert '<th scope="col" class="num">Beaucoup</th>' in french
    english = client.get(matrices.page_en.url + "results/").text
    assert '<th scope="col" class="num">A lot</th>' in english


class Everyone(AnonymousUser):
    def has_perm(self, perm, obj=None):
        return True


def _python_csv(survey):
    questions = exports.columns(survey, Everyone())
    header = exports.header(questions)
    return "".join(csv_lines(header, exports.rows(survey, questions), bom=True))


def _exported_csv(survey):
    questions = exports.columns(survey, Everyone())
    lines = exports.csv_lines(survey, questions, exports.header(questions))
    return b"".join(
        line if isinstance(line, bytes) else line.encode() for line in lines
    ).decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_csv_has_a_column_per_row_holding_the_labels_chosen(
    client, matrices, language
):
    _answer(client, matrices, matrices.page.url, None, None)
    survey = matrices.english if language == "en" else matrices.survey
    with translation.override(language):
        text = _exported_csv(survey)
        # PostgreSQL writes it through COPY: byte for byte the Python path.
        assert text == _python_csv(survey)
    header, line = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    cells = dict(zip(header, line, strict=True))
    if language == "fr":
        assert cells["Ces services vous sont-ils utiles? — Santé"] == "Beaucoup"
        assert cells["Par quels moyens les utilisez-vous? — Santé"] == (
            "Téléphone; Ordinateur"
        )
        assert cells["Par quels moyens les utilisez-vous? — Impôts"] == ""
    else:
        assert cells["Are these services useful to you? — Taxes"] == "A little"
        assert cells["How do you use them? — Health"] == "Phone; Computer"


def test_a_column_label_a_spreadsheet_would_run_is_neutralised(client, matrices):
    column = _named(matrices.useful, "Beaucoup")
    _answer(client, matrices, matrices.page.url, None, None)
    column.label = "=Beaucoup"
    column.save()
    text = _exported_csv(matrices.survey)
    assert "'=Beaucoup" in text
    assert text == _python_csv(matrices.survey)


def test_excel_and_json_exports_keep_the_labels(client, matrices):
    _answer(client, matrices, matrices.page.url, None, None)
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    base = f"/admin/consultation/results/{matrices.survey.pk}/export/"
    xlsx = client.get(base + "xlsx/")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Par quels moyens les utilisez-vous? — Santé"] == (
        "Téléphone; Ordinateur"
    )
    body = b"".join(client.get(base + "json/").streaming_content)
    assert "Téléphone; Ordinateur" in json.dumps(json.loads(body), ensure_ascii=False)


def test_the_editor_shows_and_keeps_the_columns(client, matrices):
    from .test_condition_choice import EDIT, _edit_data

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = EDIT.format(matrices.survey.pk)
    shown = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert shown.status_code == 200
    assert "Matrice à colonnes libellées" in shown.text
    assert "Matrice à choix multiples" in shown.text
    assert "Colonne de la matrice" in shown.text
    data = _edit_data(shown)
    assert client.post(url, data).status_code == 302
    assert matrices.useful.choices.filter(is_column=True).count() == 3
    # Columns unticked: the editor is told what the matrix lacks.
    for name in [n for n in data if n.endswith("-is_column")]:
        if name.startswith("questions-0-"):
            del data[name]
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "au moins deux colonnes" in refused.text
    assert matrices.useful.choices.filter(is_column=True).count() == 3


def test_more_rows_and_columns_cost_no_more_queries(client, matrices):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost():
        client.cookies.clear()
        with CaptureQueriesContext(connection) as form:
            assert client.get(matrices.page.url).status_code == 200
        with CaptureQueriesContext(connection) as counted:
            results.survey_results(matrices.survey, minimum=5)
        return len(form), len(counted)

    _answer(client, matrices, matrices.page.url, None, None)
    cost()  # the first reads warm the site's caches
    before = cost()
    for index, label in enumerate(["Permis", "Emploi", "Famille"], start=10):
        Choice.objects.create(
            question=matrices.means,
            label=label,
            sort_order=index,
            locale=matrices.means.locale,
        )
        Choice.objects.create(
            question=matrices.useful,
            label=f"Colonne {label}",
            sort_order=index + 10,
            is_column=True,
            locale=matrices.useful.locale,
        )
    after = cost()
    assert after[0] <= before[0] and after[1] <= before[1], (before, after)


def test_the_analysts_report_and_open_data_show_the_cells(client, matrices):
    from datetime import timedelta

    from django.utils import timezone

    from consultation.stats import published_result_rows

    _fill(client, matrices)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    report = client.get(f"/admin/consultation/results/{matrices.survey.pk}/")
    assert report.status_code == 200
    assert '<th scope="col" class="num">Beaucoup</th>' in report.text
    page = matrices.page
    page.opens_at = timezone.now() - timedelta(days=10)
    page.closes_at = timezone.now() - timedelta(days=1)
    page.results_published = True
    page.save_revision().publish()
    cells = {
        (row["question"], row["answer"]): row["count"]
        for row in published_result_rows()
    }
    assert cells[("Ces services vous sont-ils utiles?", "Santé: Beaucoup")] == 6
    # Hidden small cells are not published.
    assert ("Ces services vous sont-ils utiles?", "Santé: Un peu") not in cells
