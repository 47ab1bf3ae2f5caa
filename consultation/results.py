"""Results of a survey, counted in SQL (GROUP BY on indexed columns).

Python only shapes the grouped rows: a survey with a million answers returns a few
hundred grouped rows, whatever its size. French and English responses count
together because answers point at the source-language questions and choices.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import Avg, Count, Max
from django.db.models.functions import TruncDate
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.charts import bar_chart, line_chart

from .models import Answer, Question, Response, source_row
from .services import questions_of

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
    return _counted(source_row(survey), filter_by)


def _counted(source, filter_by=None):
    responses = Response.objects.filter(survey=source, status=Response.Status.CONFIRMED)
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
    counts from the source rows, in two passes over the answers (respondents, then
    every other count in one GROUP BY).
    """
    source_survey = source_row(survey)
    questions = [q for q in questions_of(survey) if not q.is_layout]
    if source_survey.pk == survey.pk:
        source_questions = questions  # the reader reads the source: no second read
    else:
        source_questions = questions_of(source_survey)
    sources = {q.translation_key: q for q in source_questions}
    answers = _counted_answers(source_survey, sources.values(), filter_by)
    counts = _grouped_counts(answers, sources.values())
    respondents = {**counts.rows_per_question, **_respondents(answers, sources)}
    results = []
    for question in questions:
        source = sources.get(question.translation_key)
        if source is None:
            continue
        result = QuestionResult(question, respondents.get(source.pk, 0))
        result.other_count = counts.others.get(source.pk, 0)
        _fill(result, source, counts)
        _apply_minimum(result, minimum)
        if charts:
            result.chart = _chart(result)
        results.append(result)
    return results


# Kinds that store one answer row per response (services._rows_for): their
# respondents are their rows. The others store one row per choice, rank or cell.
MANY_ROWS_KINDS = (
    Question.Kind.MULTIPLE,
    Question.Kind.RANKING,
    *Question.MATRIX_KINDS,
)


@dataclass
class _Counts:
    """Every grouped count of a survey's answers, per source question."""

    by_choice: dict = field(default_factory=lambda: defaultdict(dict))
    by_number: dict = field(default_factory=lambda: defaultdict(dict))
    by_row: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(dict)))
    by_month: dict = field(default_factory=lambda: defaultdict(dict))
    ranks: dict = field(default_factory=dict)
    others: dict = field(default_factory=lambda: defaultdict(int))
    rows_per_question: dict = field(default_factory=lambda: defaultdict(int))


def _grouped_counts(answers, source_questions):
    """Every count in one GROUP BY; Python sorts the few hundred grouped rows.

    An answer row holds one kind of value (a choice, a number, a matrix cell, a
    date, a rank), so grouping by all of them at once splits nothing that the
    per-kind counts kept together. Dates are grouped as they are and folded into
    months here: truncating a million dates in SQL costs more than the few
    hundred extra rows.
    """
    with_other = {
        q.pk
        for q in source_questions
        if q.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
    }
    grouped = (
        answers.values("question_id", "choice_id", "row_id", "number", "date")
        .annotate(n=Count("*"), mean_rank=Avg("rank"))
        .order_by()
    )
    counts = _Counts()
    for row in grouped:
        _add(counts, row, with_other)
    return counts


def _add(counts, row, with_other):
    question, choice, n = row["question_id"], row["choice_id"], row["n"]
    counts.rows_per_question[question] += n
    if choice is not None and row["row_id"] is not None:
        # A labelled matrix's cell: the row, and the column in `choice`.
        cells = counts.by_row[question][row["row_id"]]
        cells[choice] = cells.get(choice, 0) + n
    elif choice is not None:
        per_choice = counts.by_choice[question]
        per_choice[choice] = per_choice.get(choice, 0) + n
        if row["mean_rank"] is not None:
            counts.ranks[(question, choice)] = row["mean_rank"]
    elif question in with_other:
        counts.others[question] += n
    if row["number"] is not None:
        if row["row_id"] is None:
            per_value = counts.by_number[question]
            per_value[row["number"]] = per_value.get(row["number"], 0) + n
        else:
            cells = counts.by_row[question][row["row_id"]]
            value = int(row["number"])
            cells[value] = cells.get(value, 0) + n
    if row["date"] is not None:
        per_month = counts.by_month[question]
        month = row["date"].replace(day=1)
        per_month[month] = per_month.get(month, 0) + n


def _counted_answers(source, source_questions, filter_by=None):
    """Answers of counted responses, without a join when every response counts.

    Open-mode surveys never have pending responses: their answers are selected by
    question alone (the index on question_id), like a plain GROUP BY would.
    """
    answers = Answer.objects.filter(question__in=[q.pk for q in source_questions])
    # Named statuses, not "not confirmed": the index on (survey, status) then
    # finds none at once instead of walking every confirmed response.
    waiting = [s for s in Response.Status.values if s != Response.Status.CONFIRMED]
    pending = Response.objects.filter(survey=source, status__in=waiting)
    if filter_by or pending.exists():
        answers = answers.filter(response__in=_counted(source, filter_by).values("pk"))
    return answers


def _respondents(answers, sources):
    """Respondents of the questions answered in several rows: distinct pairs.

    The index on (question_id, response_id) hands the pairs over in order: the
    database skips duplicates as they stream by, with neither hash nor sort.
    """
    many = [q.pk for q in sources.values() if q.kind in MANY_ROWS_KINDS]
    if not many:
        return {}
    pairs = (
        answers.filter(question__in=many)
        .values("question_id", "response_id")
        .distinct()
        .order_by()
    )
    sql, params = pairs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pairs.question_id, COUNT(*) FROM ({sql}) AS pairs "  # noqa: S608
            "GROUP BY pairs.question_id",
            params,
        )
        return dict(cursor.fetchall())


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
    elif kind in Question.COLUMN_KINDS:
        _fill_labelled_matrix(result, source, counts.by_row.get(source.pk, {}), labels)


def _fill_labelled_matrix(result, source, grid, labels):
    """Counts per row and column, the columns headed by their translated labels."""
    columns = source.columns
    result.scale = [labels.get(c.translation_key, c.label) for c in columns]
    for row in source.rows:
        cells = [grid.get(row.pk, {}).get(column.pk, 0) for column in columns]
        result.matrix.append((labels.get(row.translation_key, row.label), cells))


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
    """Hide every category counted fewer than `minimum` times (nobody identifiable),
    and enough others that no hidden count can be worked back (see _suppressed)."""
    if not minimum:
        return
    if result.respondents < minimum:
        result.hidden = len(result.rows) + len(result.matrix)
        result.rows, result.matrix = [], []
        result.mean = result.median = None
        return
    if result.question.kind != Question.Kind.RANKING:
        counts = [row[1] for row in result.rows]
        # A multiple choice's counts do not add up to the respondents.
        partition = result.question.kind != Question.Kind.MULTIPLE
        hidden = _suppressed(counts, minimum, complementary=partition)
        result.hidden = len(hidden)
        result.rows = [row for i, row in enumerate(result.rows) if i not in hidden]
    # A matrix row's cells add up to the people who answered that row; not when
    # each row may have several columns ticked.
    partition = result.question.kind != Question.Kind.MATRIX_MULTIPLE
    for _label, cells in result.matrix:
        for index in _suppressed(cells, minimum, complementary=partition):
            cells[index] = None
            result.hidden += 1
    if result.hidden and result.question.kind in SCALE_KINDS:
        # A mean over hidden categories would reveal them.
        result.mean = result.median = None


def _suppressed(counts, minimum, complementary):
    """Indexes of the counts to hide.

    Every count under `minimum`, zeros included: a "0" shown beside a hidden cell
    tells what the hidden one holds. Where the counts add up to a published total
    (`complementary`), one hidden cell alone is that total minus the others: the
    smallest shown count is hidden with it."""
    hidden = {index for index, count in enumerate(counts) if count < minimum}
    if complementary and len(hidden) == 1:
        shown = [
            (count, index) for index, count in enumerate(counts) if index not in hidden
        ]
        if shown:
            hidden.add(min(shown)[1])
    return hidden


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


def responses_over_time(survey, filter_by=None):
    """[(date, count)] per day in Montreal time."""
    rows = (
        counted(survey, filter_by)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    return [(row["day"], row["n"]) for row in rows]


def over_time_chart(points):
    return line_chart(
        [(day.isoformat(), n) for day, n in points],
        title=_("Responses per day"),
        value_label=_("Responses"),
    )


def public_results(survey, minimum):
    """What the public sees: no free text unless highlighted, small counts hidden."""
    items = survey_results(survey, minimum=minimum)
    total = counted(survey).count()
    for result in items:
        if result.is_text:
            result.quotes = list(
                Answer.objects.filter(
                    question=source_row(result.question),
                    highlighted=True,
                    response__status=Response.Status.CONFIRMED,
                ).values_list("text", flat=True)[:50]
            )
    return {"questions": items, "total": total, "minimum": minimum}


def text_answers(question, search="", tag=""):
    answers = Answer.objects.filter(
        question=source_row(question),
        response__status=Response.Status.CONFIRMED,
    ).exclude(text="")
    if search:
        answers = answers.filter(text__icontains=search)
    if tag:
        answers = answers.filter(tags__label=tag)
    return answers.select_related("response").prefetch_related("tags").order_by("-pk")


def cached_public_results(survey, minimum):
    """Public results, recomputed only when a response arrives or is confirmed.

    On a million answers the aggregates take seconds (see bench/README.md); the
    key changes with the last counted response, so the figures are never stale.
    """
    state = counted(survey).aggregate(n=Count("pk"), last=Max("confirmed_at"))
    key = "consultation-results:{}:{}:{}:{}:{}".format(
        survey.pk,
        minimum,
        state["n"],
        state["last"].timestamp() if state["last"] else 0,
        get_language(),
    )
    figures = cache.get(key)
    if figures is None:
        figures = public_results(survey, minimum)
        cache.set(key, figures, 3600)
    return figures
