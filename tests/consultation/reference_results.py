"""Survey results as consultation/results.py counted them before issue 19.

Frozen on purpose: the equivalence test compares every figure of the current code
with this one on generated data. Do not edit to follow the current code, except
for the small-cell policy, which is shared (see _apply_minimum).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Avg, Count
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from consultation import results
from consultation.models import Answer, Question, Response, source_row
from consultation.services import questions_of
from home.charts import bar_chart

SCALE_KINDS = (Question.Kind.RATING, Question.Kind.NUMBER)
TEXT_KINDS = (Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT)


@dataclass
class QuestionResult:
    question: Question
    respondents: int = 0
    rows: list = field(default_factory=list)  # (label, count, percent)
    mean: float | None = None
    median: float | None = None
    matrix: list = field(default_factory=list)  # (row label, [counts per scale])
    scale: list = field(default_factory=list)
    hidden: int = 0  # categories hidden by the minimum-count rule
    chart: object = None
    quotes: list = field(default_factory=list)
    other_count: int = 0

    @property
    def is_text(self):
        return self.question.kind in TEXT_KINDS


def counted(survey, filter_by=None):
    """Responses that count, optionally only those whose answer matches a filter.

    `filter_by` is (question, choice) or (question, number): a cross-tab.
    """
    responses = Response.objects.filter(
        survey=source_row(survey), status=Response.Status.CONFIRMED
    )
    if filter_by:
        question, value = filter_by
        match = Answer.objects.filter(question=source_row(question))
        if hasattr(value, "translation_key"):
            match = match.filter(choice=source_row(value))
        else:
            match = match.filter(number=value)
        responses = responses.filter(pk__in=match.values("response_id"))
    return responses


def survey_results(survey, filter_by=None, minimum=0, charts=True):
    """One QuestionResult per answerable question, in the reader's language.

    `survey` is the survey in the reader's language: labels come from it, the
    counts from the source rows (one GROUP BY per kind of aggregate).
    """
    questions = [q for q in questions_of(survey) if not q.is_layout]
    sources = {q.translation_key: q for q in questions_of(source_row(survey))}
    answers = counted_answers(survey, sources.values(), filter_by)
    respondents = _respondents(answers)
    counts = _grouped_counts(answers)
    others = _grouped(
        answers.filter(
            choice__isnull=True,
            question__kind__in=[Question.Kind.SINGLE, Question.Kind.MULTIPLE],
        ),
        None,
    )
    results = []
    for question in questions:
        source = sources.get(question.translation_key)
        if source is None:
            continue
        result = QuestionResult(question, respondents.get(source.pk, 0))
        result.other_count = others.get(source.pk, {}).get(None, 0)
        _fill(result, source, counts)
        _apply_minimum(result, minimum)
        if charts:
            result.chart = _chart(result)
        results.append(result)
    return results


@dataclass
class _Counts:
    """Every grouped count of a survey's answers, per source question."""

    by_choice: dict
    by_number: dict
    by_row: dict
    by_month: dict
    ranks: dict


def _grouped_counts(answers):
    """One GROUP BY per kind of aggregate, whatever the number of answers."""
    return _Counts(
        by_choice=_grouped(answers.filter(choice__isnull=False), "choice_id"),
        by_number=_grouped(
            answers.filter(number__isnull=False, row__isnull=True), "number"
        ),
        by_row=_grouped_rows(answers.filter(row__isnull=False)),
        by_month=_grouped(
            answers.filter(date__isnull=False).annotate(month=TruncMonth("date")),
            "month",
        ),
        ranks=_mean_ranks(answers.filter(rank__isnull=False)),
    )


def counted_answers(survey, source_questions, filter_by=None):
    """Answers of counted responses, without a join when every response counts.

    Open-mode surveys never have pending responses: their answers are selected by
    question alone (the index on question_id), like a plain GROUP BY would.
    """
    answers = Answer.objects.filter(question__in=[q.pk for q in source_questions])
    source = source_row(survey)
    pending = Response.objects.filter(survey=source).exclude(
        status=Response.Status.CONFIRMED
    )
    if filter_by or pending.exists():
        answers = answers.filter(response__in=counted(survey, filter_by).values("pk"))
    return answers


def _respondents(answers):
    """Respondents per question: distinct (question, response) pairs, hashed.

    COUNT(DISTINCT) sorts; grouping the pairs first lets the database hash them.
    """
    pairs = answers.values("question_id", "response_id").distinct().order_by()
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pairs.question_id, COUNT(*) FROM ({sql}) AS pairs "  # noqa: S608
            "GROUP BY pairs.question_id",
            params,
        )
        return dict(cursor.fetchall())


def _grouped(answers, column):
    grouped = defaultdict(dict)
    columns = ["question_id", column] if column else ["question_id"]
    for row in answers.values(*columns).annotate(n=Count("id")).order_by():
        grouped[row["question_id"]][row.get(column) if column else None] = row["n"]
    return grouped


def _grouped_rows(answers):
    grouped = defaultdict(lambda: defaultdict(dict))
    rows = answers.values("question_id", "row_id", "number").annotate(n=Count("id"))
    for row in rows.order_by():
        number = int(row["number"])
        grouped[row["question_id"]][row["row_id"]][number] = row["n"]
    return grouped


def _mean_ranks(answers):
    rows = answers.values("question_id", "choice_id").annotate(mean=Avg("rank"))
    return {(row["question_id"], row["choice_id"]): row["mean"] for row in rows}


def _percent(count, total):
    return round(100 * count / total, 1) if total else 0.0


def _fill(result, source, counts):
    kind = result.question.kind
    Kind = Question.Kind
    labels = {c.translation_key: c.label for c in result.question.choices.all()}
    total = result.respondents
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        per_choice = counts.by_choice.get(source.pk, {})
        for choice in source.choices.all():
            n = per_choice.get(choice.pk, 0)
            label = labels.get(choice.translation_key, choice.label)
            result.rows.append((label, n, _percent(n, total)))
        if result.other_count:
            label = _("Other")
            n = result.other_count
            result.rows.append((label, n, _percent(n, total)))
    elif kind == Kind.YES_NO:
        per_value = counts.by_number.get(source.pk, {})
        for label, value in ((_("Yes"), 1), (_("No"), 0)):
            n = per_value.get(Decimal(value), 0) or per_value.get(value, 0)
            result.rows.append((label, n, _percent(n, total)))
    elif kind in SCALE_KINDS:
        _fill_scale(result, source, counts.by_number.get(source.pk, {}), total)
    elif kind == Kind.RANKING:
        for choice in source.choices.all():
            mean = counts.ranks.get((source.pk, choice.pk))
            label = labels.get(choice.translation_key, choice.label)
            result.rows.append((label, round(float(mean), 2) if mean else None, None))
        result.rows.sort(key=lambda row: row[1] if row[1] is not None else 1e9)
    elif kind == Kind.DATE:
        # By month, in order: a distribution of days would show one answer each.
        for month, n in sorted(counts.by_month.get(source.pk, {}).items()):
            label = date_format(month, "YEAR_MONTH_FORMAT")
            result.rows.append((label, n, _percent(n, total)))
    elif kind == Kind.MATRIX:
        scale = list(range(source.scale_min, source.scale_max + 1))
        result.scale = scale
        grid = counts.by_row.get(source.pk, {})
        for row in source.choices.all():
            cells = [grid.get(row.pk, {}).get(value, 0) for value in scale]
            label = labels.get(row.translation_key, row.label)
            result.matrix.append((label, cells))


def _fill_scale(result, source, counts, total):
    values = sorted((Decimal(k), n) for k, n in counts.items())
    if source.kind == Question.Kind.RATING:
        scale = range(source.scale_min, source.scale_max + 1)
        values = [(Decimal(v), counts.get(Decimal(v), 0)) for v in scale]
    for value, n in values:
        result.rows.append((_number(value), n, _percent(n, total)))
    answered = sum(n for _v, n in values)
    if answered:
        result.mean = round(float(sum(v * n for v, n in values)) / answered, 2)
        result.median = _median(values, answered)


def _number(value):
    return str(int(value)) if value == int(value) else str(value)


def _median(values, count):
    """Median from the grouped distribution (no row loaded individually)."""
    middle = [(count - 1) // 2, count // 2]
    found, seen = [], 0
    for value, n in values:
        for position in middle:
            if seen <= position < seen + n:
                found.append(float(value))
        seen += n
    return sum(found) / len(found) if found else None


def _apply_minimum(result, minimum):
    """The small-cell policy is not what issue 19 changed: it is shared with the
    current code (zeros and complementary cells hidden since issue 23, tested in
    test_results.py), so that this comparison holds the counting path alone."""
    results._apply_minimum(result, minimum)


def _chart(result):
    if result.question.kind == Question.Kind.RANKING:
        items = [(label, mean or 0) for label, mean, _p in result.rows]
        return bar_chart(items, title=result.question.label, value_label=_("Mean rank"))
    if result.rows and result.question.kind not in TEXT_KINDS:
        items = [(label, percent) for label, _n, percent in result.rows]
        return bar_chart(
            items, title=result.question.label, unit="%", value_label=_("Share")
        )
    return None
