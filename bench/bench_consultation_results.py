"""Consultation results on 1,000,000 answers: results vs plain GROUP BY; export memory.

Creates a throw-away PostgreSQL database (DATABASE_URL names the server), migrates
it, fills one survey with 100,000 responses of 10 answers each (single choice,
rating, yes/no, a 4-option ranking, a 3-row matrix) in SQL, then measures:

- the results of the survey as the results pages compute them (every aggregate,
  percentages, mean and median, mean ranks, matrix table, charts), median of 5;
- the limit: the plain `GROUP BY question_id, choice_id` and `GROUP BY question_id,
  number` on the same rows, through a bare cursor, median of 5;
- the peak Python memory (tracemalloc) of the CSV export of every response, at
  10 % and 100 % of the responses: flat memory means the two peaks are close.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        python bench/bench_consultation_results.py [--quick]

`--quick` uses 100,000 answers. The database is dropped at the end.
"""

import itertools
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness import unreachable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPEAT = 5


def _admin(base_url, statement):
    import psycopg

    parts = urlsplit(base_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(statement)


def _setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "numeriqc.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _survey():
    from wagtail.models import Locale

    from consultation.models import Choice, Question, Survey

    french = Locale.objects.get(language_code="fr")
    survey = Survey.objects.create(title="Banc d’essai", locale=french)
    specs = [
        (Question.Kind.SINGLE, ["A", "B", "C", "D", "E"]),
        (Question.Kind.RATING, []),
        (Question.Kind.YES_NO, []),
        (Question.Kind.RANKING, ["R1", "R2", "R3", "R4"]),
        (Question.Kind.MATRIX, ["M1", "M2", "M3"]),
    ]
    questions = []
    for order, (kind, labels) in enumerate(specs):
        question = Question.objects.create(
            survey=survey, kind=kind, label=f"Q{order}", sort_order=order, locale=french
        )
        Choice.objects.bulk_create(
            Choice(question=question, label=label, sort_order=i, locale=french)
            for i, label in enumerate(labels)
        )
        questions.append(question)
    return survey, questions


def _fill(survey, questions, responses):
    """10 answers per response, written by PostgreSQL itself (generate_series)."""
    from django.db import connection

    single, rating, yes_no, ranking, matrix = questions
    ids = {q.pk: list(q.choices.values_list("pk", flat=True)) for q in questions}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO consultation_response
                (survey_id, submission_key, status, language, email_hash, consented,
                 created_at, confirmed_at)
            SELECT %s, md5(i::text)::uuid, 'confirmed',
                   CASE WHEN i %% 4 = 0 THEN 'en' ELSE 'fr' END, '', false,
                   now() - (i %% 90) * interval '1 day', now()
            FROM generate_series(1, %s) AS i
            """,
            [survey.pk, responses],
        )
        answer = (
            "INSERT INTO consultation_answer (response_id, question_id, choice_id, "
            "row_id, text, number, date, rank, highlighted) "
        )
        source = "FROM consultation_response r WHERE r.survey_id = %s"
        cursor.execute(
            answer + "SELECT r.id, %s, (%s::bigint[])[1 + (r.id * 7) %% 5], NULL, '', "
            "NULL, NULL, NULL, false " + source,
            [single.pk, ids[single.pk], survey.pk],
        )
        for question, modulo in ((rating, 5), (yes_no, 2)):
            base = 1 if question is rating else 0
            cursor.execute(
                answer + "SELECT r.id, %s, NULL, NULL, '', %s + (r.id * 13) %% %s, "
                "NULL, NULL, false " + source,
                [question.pk, base, modulo, survey.pk],
            )
        for position, choice in enumerate(ids[ranking.pk]):
            cursor.execute(
                answer + "SELECT r.id, %s, %s, NULL, '', NULL, NULL, "
                "1 + (r.id + %s) %% 4, false " + source,
                [ranking.pk, choice, position, survey.pk],
            )
        for row in ids[matrix.pk]:
            cursor.execute(
                answer + "SELECT r.id, %s, NULL, %s, '', 1 + (r.id * %s) %% 5, NULL, "
                "NULL, false " + source,
                [matrix.pk, row, row % 7 + 2, survey.pk],
            )
        cursor.execute("ANALYZE consultation_answer")
        cursor.execute("ANALYZE consultation_response")
        cursor.execute("SELECT count(*) FROM consultation_answer")
        return cursor.fetchone()[0]


def _median_seconds(action):
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def _plain_group_by():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT question_id, choice_id, count(*) FROM consultation_answer "
            "WHERE choice_id IS NOT NULL GROUP BY 1, 2"
        )
        cursor.fetchall()
        cursor.execute(
            "SELECT question_id, number, count(*) FROM consultation_answer "
            "WHERE number IS NOT NULL GROUP BY 1, 2"
        )
        cursor.fetchall()


def _export_peak(survey, limit):
    """Peak traced memory while streaming the CSV export of `limit` responses."""
    from django.contrib.auth.models import AnonymousUser

    from consultation import exports
    from consultation.models import Response
    from home.exports import csv_lines

    class Everyone(AnonymousUser):
        def has_perm(self, perm, obj=None):
            return True

    questions = exports.columns(survey, Everyone())
    first_ids = Response.objects.filter(survey=survey).order_by("pk")
    cutoff = first_ids.values_list("pk", flat=True)[limit - 1]
    rows = itertools.takewhile(
        lambda row: row[0] <= cutoff, exports.rows(survey, questions)
    )
    tracemalloc.start()
    size = 0
    for line in csv_lines(exports.header(questions), rows):
        size += len(line)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, size


def run(quick=False):
    base = os.environ.get("DATABASE_URL", "")
    reason = unreachable(postgres=base)
    if reason:
        return {"skipped": reason}
    responses = 10_000 if quick else 100_000
    name = f"numeriqc_bench_consultation_{os.getpid()}"
    _admin(base, f'CREATE DATABASE "{name}"')
    try:
        _setup_django(urlunsplit(urlsplit(base)._replace(path=f"/{name}")))
        from consultation import results

        survey, questions = _survey()
        answers = _fill(survey, questions, responses)
        results_time = _median_seconds(lambda: results.survey_results(survey))
        plain_time = _median_seconds(_plain_group_by)
        tenth_peak, tenth_size = _export_peak(survey, responses // 10)
        full_peak, full_size = _export_peak(survey, responses)
        return {
            "answers": answers,
            "responses": responses,
            "results_seconds": round(results_time, 4),
            "plain_group_by_seconds": round(plain_time, 4),
            "results_over_group_by": round(results_time / plain_time, 2),
            "export_csv_bytes_10pct": tenth_size,
            "export_peak_bytes_10pct": tenth_peak,
            "export_csv_bytes_100pct": full_size,
            "export_peak_bytes_100pct": full_peak,
            "export_peak_ratio_100_over_10": round(full_peak / tenth_peak, 2),
            "ratios": [
                {
                    "figure": f"survey results over {answers:,} answers, s",
                    "measured": round(results_time, 3),
                    "limit": f"plain GROUP BY {round(plain_time, 3)}",
                    "ratio": round(results_time / plain_time, 2),
                },
                {
                    "figure": "CSV export peak memory, 100 % of rows",
                    "measured": f"{full_peak / 1e6:.2f} MB",
                    "limit": f"10 % of rows {tenth_peak / 1e6:.2f} MB",
                    "ratio": round(full_peak / tenth_peak, 2),
                },
            ],
        }
    finally:
        from django.db import connections

        connections.close_all()
        _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))  # noqa: T201
