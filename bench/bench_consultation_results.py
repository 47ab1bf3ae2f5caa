"""Consultation results and the CSV export on up to 1,000,000 answers, each against
its limit measured in the same run, in alternating rounds.

Creates a throw-away PostgreSQL database (DATABASE_URL names the server), migrates
it, fills three surveys of 1,000, 10,000 and 100,000 responses of 10 answers each
(single choice, rating, yes/no, a 4-option ranking, a 3-row matrix) in SQL,
VACUUM ANALYZE (as autovacuum would after such inserts), then measures:

- the results of the largest survey as the analyst's page computes them, uncached
  (every aggregate, percentages, mean and median, mean ranks, matrix table,
  charts), against the plain `GROUP BY question_id, choice_id` and `GROUP BY
  question_id, number` on the same rows through a bare cursor: 5 rounds, each
  timing both, the ratio is the median of the rounds' ratios;
- the scale curve: the same results for 10,000, 100,000 and 1,000,000 answers;
- the CSV export of every response of the largest survey, as the download
  streams it, against PostgreSQL's `COPY` of the same answer rows (joined to their
  response) to CSV through the same psycopg connection: 3 rounds;
- the peak Python memory (tracemalloc) of that export at 10 % and 100 % of the
  responses: flat memory means the two peaks are close.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        python bench/bench_consultation_results.py [--quick]

`--quick` divides every size by 10. The database is dropped at the end;
BENCH_DB_PREFIX (default numeriqc_bench) starts its name.
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
EXPORT_ROUNDS = 3
SIZES = (1_000, 10_000, 100_000)  # responses of 10 answers


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


def _survey(title="Banc d’essai"):
    from wagtail.models import Locale

    from consultation.models import Choice, Question, Survey

    french = Locale.objects.get(language_code="fr")
    survey = Survey.objects.create(title=title, locale=french)
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
            SELECT %s, md5(%s || '-' || i)::uuid, 'confirmed',
                   CASE WHEN i %% 4 = 0 THEN 'en' ELSE 'fr' END, '', false,
                   now() - (i %% 90) * interval '1 day', now()
            FROM generate_series(1, %s) AS i
            """,
            [survey.pk, survey.pk, responses],
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
        cursor.execute(
            "SELECT count(*) FROM consultation_answer a JOIN consultation_response r "
            "ON r.id = a.response_id WHERE r.survey_id = %s",
            [survey.pk],
        )
        return cursor.fetchone()[0]


def _vacuum():
    """What autovacuum does after a million inserts: statistics, visibility map."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE consultation_answer")
        cursor.execute("VACUUM ANALYZE consultation_response")


def _seconds(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _median_seconds(action):
    return statistics.median(_seconds(action) for _ in range(REPEAT))


def _alternating(action, limit, rounds):
    """Median of each side and median of the rounds' ratios, the two timed in turn."""
    timings = [(_seconds(action), _seconds(limit)) for _ in range(rounds)]
    ours = statistics.median(t for t, _l in timings)
    theirs = statistics.median(lim for _t, lim in timings)
    ratio = statistics.median(t / lim for t, lim in timings)
    return ours, theirs, ratio, [round(t / lim, 2) for t, lim in timings]


def _plain_group_by(questions):
    from django.db import connection

    ids = [q.pk for q in questions]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT question_id, choice_id, count(*) FROM consultation_answer "
            "WHERE question_id = ANY(%s) AND choice_id IS NOT NULL GROUP BY 1, 2",
            [ids],
        )
        cursor.fetchall()
        cursor.execute(
            "SELECT question_id, number, count(*) FROM consultation_answer "
            "WHERE question_id = ANY(%s) AND number IS NOT NULL GROUP BY 1, 2",
            [ids],
        )
        cursor.fetchall()


class _Everyone:
    is_authenticated = True

    def has_perm(self, perm, obj=None):
        return True


def _export_lines(survey):
    from consultation import exports

    questions = exports.columns(survey, _Everyone())
    return exports.csv_lines(survey, questions, exports.header(questions))


def _export(survey):
    """The CSV download's bytes, as the streaming response hands them out."""
    size = 0
    for line in _export_lines(survey):
        size += len(line if isinstance(line, bytes) else line.encode())
    return size


def _copy_limit(survey):
    """PostgreSQL writing the same answer rows (with their response) as CSV."""
    from django.db import connection

    size = 0
    statement = (
        "COPY (SELECT r.id, r.created_at, r.language, r.status, a.question_id, "
        "a.choice_id, a.row_id, a.text, a.number, a.date, a.rank "
        "FROM consultation_answer a JOIN consultation_response r "
        "ON r.id = a.response_id WHERE r.survey_id = %s "
        "ORDER BY a.response_id, a.id) TO STDOUT WITH (FORMAT csv)"
    )
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(statement, [survey.pk]) as copy,
    ):
        for chunk in copy:
            size += len(chunk)
    return size


def _export_peak(survey, lines):
    """Peak traced memory while streaming the first `lines` lines of the CSV."""
    tracemalloc.start()
    size = 0
    for line in itertools.islice(_export_lines(survey), lines):
        size += len(line)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, size


def run(quick=False):
    base = os.environ.get("DATABASE_URL", "")
    reason = unreachable(postgres=base)
    if reason:
        return {"skipped": reason}
    sizes = [n // 10 for n in SIZES] if quick else list(SIZES)
    prefix = os.environ.get("BENCH_DB_PREFIX", "numeriqc_bench")
    name = f"{prefix}_consultation_{os.getpid()}"
    _admin(base, f'CREATE DATABASE "{name}"')
    try:
        _setup_django(urlunsplit(urlsplit(base)._replace(path=f"/{name}")))
        from consultation import results

        surveys = []
        for responses in sizes:
            survey, questions = _survey(f"Banc d’essai {responses}")
            surveys.append((survey, questions, _fill(survey, questions, responses)))
        _vacuum()
        curve = [
            (answers, _median_seconds(lambda s=survey: results.survey_results(s)))
            for survey, _q, answers in surveys
        ]
        survey, questions, answers = surveys[-1]
        results_time, plain_time, ratio, rounds = _alternating(
            lambda: results.survey_results(survey),
            lambda: _plain_group_by(questions),
            REPEAT,
        )
        export_time, copy_time, export_ratio, export_rounds = _alternating(
            lambda: _export(survey), lambda: _copy_limit(survey), EXPORT_ROUNDS
        )
        responses = sizes[-1]
        tenth_peak, tenth_size = _export_peak(survey, responses // 10 + 2)
        full_peak, full_size = _export_peak(survey, responses + 2)
        growth = curve[-1][1] / curve[-2][1]
        return {
            "answers": answers,
            "responses": responses,
            "load_average": os.getloadavg(),
            "results_seconds": round(results_time, 4),
            "plain_group_by_seconds": round(plain_time, 4),
            "results_over_group_by": round(ratio, 2),
            "results_rounds": rounds,
            "scale_curve": [
                {"answers": n, "results_seconds": round(t, 4)} for n, t in curve
            ],
            "export_seconds": round(export_time, 3),
            "copy_seconds": round(copy_time, 3),
            "export_rounds": export_rounds,
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
                    "ratio": round(ratio, 2),
                },
                {
                    "figure": (
                        f"results page, {curve[-2][0]:,} to {curve[-1][0]:,} answers"
                    ),
                    "measured": f"{curve[-2][1]:.3f} s to {curve[-1][1]:.3f} s",
                    "limit": "grows 10× for 10×",
                    "ratio": round(growth, 2),
                },
                {
                    "figure": f"CSV export of {answers:,} answers, s",
                    "measured": round(export_time, 2),
                    "limit": f"COPY of the same rows {round(copy_time, 2)}",
                    "ratio": round(export_ratio, 2),
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
