"""The CSV export writes the bytes it wrote before issue 19 (on PostgreSQL through
COPY, elsewhere through Python), on generated responses with hostile free text;
the Excel and JSON exports keep their cells."""

import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from openpyxl import load_workbook

from consultation import exports
from home.exports import csv_lines, json_chunks

from . import reference_exports
from .generated import generate
from .test_admin import REPORTS, analyst  # noqa: F401 (a fixture)


class Everyone(AnonymousUser):
    def has_perm(self, perm, obj=None):
        return True


def _before(survey):
    questions = reference_exports.columns(survey, Everyone())
    header = reference_exports.header(questions)
    lines = csv_lines(header, reference_exports.rows(survey, questions), bom=True)
    return "".join(lines).encode()


def _now(survey):
    questions = exports.columns(survey, Everyone())
    header = exports.header(questions)
    lines = exports.csv_lines(survey, questions, header)
    return b"".join(
        line if isinstance(line, bytes) else line.encode() for line in lines
    )


@pytest.fixture
def generated(consultation):
    return generate(consultation)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_csv_export_is_the_same_bytes_as_before(generated, language):
    survey = generated.english if language == "en" else generated.survey
    with translation.override(language):
        before = _before(survey)
        assert _now(survey) == before
    assert before.count(b"\r\n") > 50  # one line per response, and hostile text:
    assert b"'=HYPERLINK" in before and b'"ligne 1\nligne 2"' in before


def test_the_downloaded_exports_keep_their_cells(client, analyst, generated):  # noqa: F811
    client.force_login(analyst)
    base = f"{REPORTS}{generated.survey.pk}/export/"
    csv = client.get(base + "csv/")
    assert csv.status_code == 200 and csv.streaming
    assert b"".join(csv.streaming_content) == _before(generated.survey)
    questions = reference_exports.columns(generated.survey, analyst)
    expected = list(reference_exports.rows(generated.survey, questions))
    sheet = load_workbook(
        io.BytesIO(b"".join(client.get(base + "xlsx/").streaming_content))
    ).active
    assert sheet.max_row == len(expected) + 1
    records = json.loads(b"".join(client.get(base + "json/").streaming_content))
    header = [str(cell) for cell in reference_exports.header(questions)]
    records_before = (dict(zip(header, row, strict=False)) for row in expected)
    before = "".join(json_chunks(records_before))
    assert records == json.loads(before)
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert ids == [row[0] for row in expected]
