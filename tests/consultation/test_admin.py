"""Analysts' reports, free text, themes and exports, scoped to their organizations."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from consultation.models import Answer, AnswerTag, Question
from home.roles import ANALYSTS, EDITORS
from tests.factories import OrganizationFactory, UserFactory

from .factories import SurveyFactory, question
from .helpers import respond

REPORTS = "/admin/consultation/results/"


@pytest.fixture
def analyst(consultation):
    return UserFactory(groups=[ANALYSTS], organizations=[consultation.organization])


@pytest.fixture
def other_survey(db):
    survey = SurveyFactory(
        title="Questionnaire d’ailleurs", organization=OrganizationFactory()
    )
    question(survey, Question.Kind.SHORT_TEXT, "Autre chose")
    return survey


def test_analysts_see_only_their_organizations_surveys(
    client, analyst, consultation, other_survey
):
    client.force_login(analyst)
    listing = client.get(REPORTS)
    assert listing.status_code == 200
    assert "Questionnaire" in listing.text
    assert "Questionnaire d’ailleurs" not in listing.text
    assert client.get(f"{REPORTS}{other_survey.pk}/", follow=True).status_code == 404
    export = client.get(f"{REPORTS}{other_survey.pk}/export/csv/", follow=True)
    assert export.status_code == 404


def test_the_report_shows_counts_charts_and_a_cross_tab(client, analyst, consultation):
    respond(consultation, region="Montréal", rating=5)
    respond(consultation, "en", region="Québec", rating=1)
    client.force_login(analyst)
    report = client.get(f"{REPORTS}{consultation.survey.pk}/")
    assert report.status_code == 200
    assert "2 réponses comptées." in report.text
    assert "Réponses au fil du temps" in report.text and "<svg" in report.text
    montreal = consultation.q.region.choices.get(label="Montréal")
    filtered = client.get(f"{REPORTS}{consultation.survey.pk}/?by=c{montreal.pk}")
    assert "1 réponse comptée." in filtered.text
    english = client.get(
        f"{REPORTS}{consultation.survey.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert english.status_code == 200


def test_a_user_without_the_permission_cannot_read_results(client, consultation):
    nobody = UserFactory(organizations=[consultation.organization])
    nobody.user_permissions.add(
        *__import__(
            "django.contrib.auth.models", fromlist=["Permission"]
        ).Permission.objects.filter(codename="access_admin")
    )
    client.force_login(nobody)
    assert client.get(REPORTS).status_code in (302, 403)


def test_free_text_is_listed_searched_tagged_and_grouped_in_themes(
    client, consultation
):
    editor = UserFactory(groups=[EDITORS], organizations=[consultation.organization])
    for text in [
        "Les délais d’attente sont trop longs",
        "Délais trop longs au téléphone",
        "Le site web est clair",
        "Waiting times are too long",
    ]:
        respond(consultation, comment=text)
    client.force_login(editor)
    url = f"{REPORTS}{consultation.survey.pk}/text/{consultation.q.comment.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Thèmes récurrents" in page.text
    # French and English answers about waiting are one theme (issue 23).
    assert "<strong>Délais et attente</strong></a> (3)" in page.text
    theme = client.get(url, {"theme": "long"})
    assert "Waiting times are too long" in theme.text
    assert "Le site web est clair" not in theme.text
    found = client.get(url, {"q": "site"})
    assert "Le site web est clair" in found.text
    assert "Délais trop longs" not in found.text
    answer = Answer.objects.get(text="Le site web est clair")
    client.post(url, {"answer": answer.pk, "tag": "clarté", "action": "tag"})
    assert AnswerTag.objects.get().label == "clarté"
    client.post(url, {"answer": answer.pk, "tag": "", "action": "highlight"})
    answer.refresh_from_db()
    assert answer.highlighted
    tagged = client.get(url, {"tag": "clarté"})
    assert "Le site web est clair" in tagged.text


def test_analysts_cannot_tag_outside_their_scope(client, analyst, other_survey):
    client.force_login(analyst)
    other = other_survey.questions.get()
    response = client.get(f"{REPORTS}{other_survey.pk}/text/{other.pk}/", follow=True)
    assert response.status_code == 404


def test_the_csv_export_has_one_row_per_response_neutralised(
    client, analyst, consultation
):
    respond(
        consultation,
        comment='=HYPERLINK("x")',
        ranking={"Rapidité": 1, "Simplicité": 2, "Sécurité": 3},
    )
    respond(consultation, "en", region="Québec", services_used=("Santé", "Impôts"))
    client.force_login(analyst)
    response = client.get(f"{REPORTS}{consultation.survey.pk}/export/csv/")
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Réponse", "Reçu le", "Langue", "Statut"]
    assert "Votre région" in rows[0]
    assert len(rows) == 3
    region = rows[0].index("Votre région")
    assert {rows[1][region], rows[2][region]} == {"Montréal", "Québec"}
    services_column = rows[0].index("Services utilisés")
    assert "Santé; Impôts" in {rows[1][services_column], rows[2][services_column]}
    assert '\'=HYPERLINK("x")' in [cell for row in rows for cell in row]


def test_exports_in_excel_and_json_with_headers_in_the_exporters_language(
    client, analyst, consultation
):
    respond(consultation)
    client.force_login(analyst)
    base = f"{REPORTS}{consultation.survey.pk}/export/"
    xlsx = client.get(base + "xlsx/")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert "Votre région" in header
    english = client.get(base + "json/", HTTP_ACCEPT_LANGUAGE="en")
    records = json.loads(b"".join(english.streaming_content))
    assert len(records) == 1 and records[0]["Your region"] == "Montreal"
    assert records[0]["Would you recommend?"] == "Yes"


def test_personal_fields_are_exported_only_to_permitted_users(
    client, analyst, consultation
):
    consultation.q.comment.is_personal = True
    consultation.q.comment.save()
    respond(consultation, comment="Jeanne Tremblay")
    client.force_login(analyst)
    url = f"{REPORTS}{consultation.survey.pk}/export/csv/"
    text = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    assert "Jeanne Tremblay" not in text and "Commentaire" not in text
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    text = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    assert "Jeanne Tremblay" in text


def test_the_survey_snippet_admin_is_scoped(client, consultation, other_survey):
    editor = UserFactory(groups=[EDITORS], organizations=[consultation.organization])
    client.force_login(editor)
    listing = client.get("/admin/snippets/consultation/survey/")
    assert listing.status_code == 200
    assert "Questionnaire d’ailleurs" not in listing.text
    edit = client.get(
        f"/admin/snippets/consultation/survey/edit/{consultation.survey.pk}/"
    )
    assert edit.status_code == 200
    foreign = client.get(f"/admin/snippets/consultation/survey/edit/{other_survey.pk}/")
    assert foreign.status_code in (403, 302, 404)


def test_themes_group_frequent_phrases_in_french_and_english():
    from consultation.themes import find_themes

    rows = [
        (1, "Le formulaire en ligne est trop long."),
        (2, "Formulaires en ligne: trop de questions"),
        (3, "The online form keeps crashing"),
        (4, "Online form is confusing"),
    ]
    found = {theme.term: theme for theme in find_themes(rows)}
    # "formulaire" and "form": one theme of the bilingual lexicon (issue 23).
    assert found["forms"].phrases == [("formulaire ligne", 2), ("online form", 2)]
    assert found["forms"].answer_ids == [1, 2, 3, 4]
    assert "ligne" not in found and "online" not in found  # absorbed by phrases


@pytest.mark.parametrize("count", [5, 50])
def test_the_written_answers_listing_query_count_does_not_grow(
    client, consultation, count, django_assert_max_num_queries
):
    editor = UserFactory(groups=[EDITORS], organizations=[consultation.organization])
    for n in range(count):
        respond(consultation, comment=f"Réponse écrite {n}")
    AnswerTag.objects.create(answer=Answer.objects.exclude(text="").first(), label="x")
    client.force_login(editor)
    url = f"{REPORTS}{consultation.survey.pk}/text/{consultation.q.comment.pk}/"
    with django_assert_max_num_queries(30):
        response = client.get(url)
    assert response.status_code == 200 and "Réponse écrite 0" in response.text
