"""Exports of a survey's responses: one row per response, one column per question.

Rows are produced from one ordered query on answers read in chunks, grouped by
response as they stream: memory stays flat whatever the number of responses.
On PostgreSQL the CSV is written by the database itself (`COPY … TO STDOUT`) and
streamed through as it comes, byte for byte what the Python path writes.
"""

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from home.cleaning import strip_control_characters
from home.exports import FORMULA_TRIGGERS
from home.exports import csv_lines as write_csv_lines

from .models import Answer, Question, Response, source_row
from .services import questions_of

CHUNK = 5000


def columns(survey, user):
    """The questions exported to this user (personal ones only when permitted)."""
    personal = user.has_perm("consultation.view_personal_data")
    return [
        question
        for question in questions_of(survey)
        if not question.is_layout and (personal or not question.is_personal)
    ]


def header(questions):
    base = [_("Response"), _("Received on"), _("Language"), _("Status")]
    cells = []
    for question in questions:
        if _is_wide(question):
            cells.extend(f"{question.label} — {c.label}" for c in question.rows)
        else:
            cells.append(question.label)
    return base + cells


def _is_wide(question):
    """Questions with a column per choice (ranking) or per row (matrices)."""
    return question.kind == Question.Kind.RANKING or question.kind in (
        Question.MATRIX_KINDS
    )


def rows(survey, questions):
    """Lists of cells, one per counted or pending response, in submission order.

    Answers and responses are read as two ordered streams side by side: a
    response's date, language and status are read once, not once per answer.
    """
    source = source_row(survey)
    source_questions = {q.translation_key: q for q in questions_of(source)}
    layout = _layout(questions, source_questions)
    labels = _choice_labels(questions, source_questions)
    statuses = dict(Response.Status.choices)
    answers = (
        Answer.objects.filter(
            response__survey=source, question_id__in=[entry[0] for entry in layout]
        )
        .order_by("response_id", "pk")
        .values_list(
            "response_id",
            "question_id",
            "choice_id",
            "row_id",
            "text",
            "number",
            "date",
            "rank",
        )
    )
    responses = (
        Response.objects.filter(survey=source)
        .order_by("pk")
        .values_list("pk", "created_at", "language", "status")
        .iterator(chunk_size=CHUNK)
    )
    by_question = {entry[0]: entry for entry in layout}
    yes_no = {True: _("Yes"), False: _("No")}
    current, cells = None, None
    for values in answers.iterator(chunk_size=CHUNK):
        if values[0] != current:
            if cells is not None:
                yield cells
            current = values[0]
            response = next(r for r in responses if r[0] == current)
            cells = _new_row(response, layout, statuses)
        _place(cells, values, by_question, labels, yes_no)
    if cells is not None:
        yield cells


def _layout(questions, source_questions):
    """[(source question id, first column, [source choice ids], kind)] in order."""
    layout, column = [], 4
    for question in questions:
        source = source_questions[question.translation_key]
        wide = _is_wide(question)
        subs = [c.pk for c in source.rows] if wide else []
        layout.append((source.pk, column, subs, question.kind))
        column += len(subs) if wide else 1
    return layout


def _choice_labels(questions, source_questions):
    labels = {}
    for question in questions:
        source = source_questions[question.translation_key]
        translated = {c.translation_key: c.label for c in question.choices.all()}
        for choice in source.choices.all():
            labels[choice.pk] = translated.get(choice.translation_key, choice.label)
    return labels


def _new_row(values, layout, statuses):
    width = 4 + sum(len(subs) or 1 for _pk, _c, subs, _k in layout)
    cells = [""] * width
    cells[0] = values[0]
    cells[1] = timezone.localtime(values[1]).replace(tzinfo=None)
    cells[2] = values[2]
    cells[3] = str(statuses.get(values[3], values[3]))
    return cells


def _place(cells, values, layout, labels, yes_no):
    _response, question_id, choice_id, row_id, text, number, date, rank = values
    entry = layout.get(question_id)
    if entry is not None:
        _pk, column, subs, kind = entry
        if kind == Question.Kind.YES_NO:
            cells[column] = yes_no[bool(number)]
            return
        if row_id is not None and row_id in subs and kind in Question.COLUMN_KINDS:
            # The column chosen in this row, by its label; several joined.
            index = column + subs.index(row_id)
            value = labels.get(choice_id, "")
            cells[index] = f"{cells[index]}; {value}" if cells[index] != "" else value
        elif row_id is not None and row_id in subs:
            cells[column + subs.index(row_id)] = _plain_number(number)
        elif rank is not None and choice_id in subs:
            cells[column + subs.index(choice_id)] = rank
        else:
            value = _value(choice_id, text, number, date, labels)
            previous = cells[column]
            cells[column] = f"{previous}; {value}" if previous != "" else value


def _plain_number(number):
    if number is None:
        return None
    return int(number) if number == int(number) else float(number)


def _value(choice_id, text, number, date, labels):
    if choice_id:
        return labels.get(choice_id, "")
    if text:
        return text
    if number is not None:
        return _plain_number(number)
    return date or ""


def csv_lines(survey, questions, header):
    """The CSV export (byte-order mark, header, one line per response), streamed."""
    if connection.vendor == "postgresql":
        return _copied_csv(survey, questions, header)
    return write_csv_lines(header, rows(survey, questions), bom=True)


# Characters home.cleaning strips, as a PostgreSQL regular expression (a database
# in UTF-8 holds neither NUL nor surrogates).
CONTROL_CHARACTERS = "[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]"


def _copied_csv(survey, questions, header):
    """The rows written by PostgreSQL's COPY: the database pivots the answers and
    writes the CSV; Python only passes the bytes on (with CRLF line ends, as
    Python's csv module writes them)."""
    source = source_row(survey)
    source_questions = {q.translation_key: q for q in questions_of(source)}
    layout = _layout(questions, source_questions)
    labels = _choice_labels(questions, source_questions)
    yield from write_csv_lines(header, [], bom=True)
    if not layout:
        return
    statement, params = _copy_statement(source, layout, labels)
    with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        inside_quotes = False
        for chunk in copy:
            line, inside_quotes = _crlf(bytes(chunk), inside_quotes)
            yield line


def _crlf(chunk, inside_quotes):
    """COPY ends rows with LF; a line feed inside a quoted cell stays as it is."""
    if not inside_quotes and b'"' not in chunk:
        return chunk.replace(b"\n", b"\r\n"), False
    parts = chunk.split(b'"')
    for index, part in enumerate(parts):
        if not inside_quotes:
            parts[index] = part.replace(b"\n", b"\r\n")
        if index < len(parts) - 1:
            inside_quotes = not inside_quotes
    return b'"'.join(parts), inside_quotes


def _copy_statement(source, layout, labels):
    """COPY (one row per response, one cell per column) TO STDOUT, in CSV.

    Each cell is written as exports.rows and home.exports.csv_lines write it:
    numbers without a needless ".0", dates in ISO 8601, the received time in
    local time, several values joined with "; ", text cells that a spreadsheet
    would run prefixed with an apostrophe, control characters dropped. A question
    holds one answer per response (one per row for a matrix, per choice for a
    ranking): those cells take it as it is.
    """
    params = {
        "survey": source.pk,
        "questions": [entry[0] for entry in layout],
        "label_ids": list(labels),
        "labels": [strip_control_characters(str(v)) for v in labels.values()],
        "zone": timezone.get_current_timezone_name(),
        "yes": str(_("Yes")),
        "no": str(_("No")),
        "triggers": list(FORMULA_TRIGGERS),
    }
    statuses = " ".join(
        f"WHEN %(status_{i})s THEN %(label_{i})s"
        for i, _s in enumerate(Response.Status.choices)
    )
    for index, (status, label) in enumerate(Response.Status.choices):
        params[f"status_{index}"] = status
        params[f"label_{index}"] = strip_control_characters(str(label))
    cells = []
    for question_id, _column, subs, kind in layout:
        cells.extend(_cells(question_id, subs, kind, params))
    received = (
        "to_char(r.created_at AT TIME ZONE %(zone)s, "
        "'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN extract(microseconds FROM "
        "r.created_at)::int %% 1000000 <> 0 THEN to_char(r.created_at AT TIME "
        "ZONE %(zone)s, '.US') ELSE '' END"
    )
    statement = f"""
        COPY (
            SELECT r.id, {received},
                   {_neutralised(_stripped("r.language"))},
                   NULLIF(CASE r.status {statuses} ELSE r.status END, ''),
                   {", ".join(cells)}
            FROM (
                SELECT a.response_id, {", ".join(_aggregates(layout))}
                FROM (
                    SELECT a.*, {_VALUE} AS value, {_IS_TEXT} AS is_text
                    FROM consultation_answer a
                    LEFT JOIN unnest(%(label_ids)s::bigint[], %(labels)s::text[])
                        AS choice_label(id, label) ON choice_label.id = a.choice_id
                    WHERE a.question_id = ANY(%(questions)s)
                ) a
                GROUP BY a.response_id
            ) grouped
            JOIN consultation_response r ON r.id = grouped.response_id
            WHERE r.survey_id = %(survey)s
            ORDER BY r.id
        ) TO STDOUT WITH (FORMAT csv)
    """  # noqa: S608 (identifiers are our own numbers; values are parameters)
    return statement, params


_NUMBER = (
    "CASE WHEN {n} = trunc({n}) THEN trunc({n})::bigint::text "
    "ELSE {n}::float8::text END"
)
_VALUE = f"""CASE
    WHEN a.choice_id IS NOT NULL THEN coalesce(choice_label.label, '')
    WHEN a.text <> '' THEN regexp_replace(a.text, '{CONTROL_CHARACTERS}', '', 'g')
    WHEN a.number IS NOT NULL THEN {_NUMBER.format(n="a.number")}
    WHEN a.date IS NOT NULL THEN to_char(a.date, 'YYYY-MM-DD')
    ELSE '' END"""
# Python keeps a number or a date alone in its cell as a number or a date,
# which a spreadsheet cannot run: only text is prefixed.
_IS_TEXT = (
    "(a.choice_id IS NOT NULL OR a.text <> '' OR a.number IS NULL AND a.date IS NULL)"
)


def _stripped(expression):
    return f"regexp_replace({expression}, '{CONTROL_CHARACTERS}', '', 'g')"


def _neutralised(expression, is_text="true"):
    return (
        f"NULLIF(CASE WHEN ({is_text}) AND left({expression}, 1) = ANY(%(triggers)s) "
        f"THEN '''' || {expression} ELSE {expression} END, '')"
    )


def _aggregates(layout):
    """Per response: the answers of each column, grouped."""
    aggregates = []
    for question_id, _column, subs, kind in layout:
        q = f"a.question_id = {int(question_id)}"
        if kind == Question.Kind.YES_NO:
            aggregates.append(
                f"bool_or(a.number <> 0) FILTER (WHERE {q}) AS yes_{question_id}, "
                f"count(*) FILTER (WHERE {q}) AS n_{question_id}"
            )
        elif subs and kind in Question.COLUMN_KINDS:
            aggregates.extend(
                f"string_agg(a.value, '; ' ORDER BY a.id) FILTER (WHERE {q} AND "
                f"a.row_id = {int(sub)} AND a.value <> '') AS sub_{question_id}_{sub}"
                for sub in subs
            )
        elif subs and kind == Question.Kind.MATRIX:
            aggregates.extend(
                f"max(a.number) FILTER (WHERE {q} AND a.row_id = {int(sub)}) "
                f"AS sub_{question_id}_{sub}"
                for sub in subs
            )
        elif subs:
            aggregates.extend(
                f"max(a.rank) FILTER (WHERE {q} AND a.rank IS NOT NULL "
                f"AND a.choice_id = {int(sub)}) AS sub_{question_id}_{sub}"
                for sub in subs
            )
        else:
            aggregates.append(
                f"string_agg(a.value, '; ' ORDER BY a.id) FILTER (WHERE {q} AND "
                f"a.value <> '') AS joined_{question_id}, "
                f"count(*) FILTER (WHERE {q}) AS n_{question_id}, "
                f"bool_or(a.is_text) FILTER (WHERE {q}) AS text_{question_id}"
            )
    return aggregates


def _cells(question_id, subs, kind, params):
    if kind == Question.Kind.YES_NO:
        return [
            f"CASE WHEN grouped.n_{question_id} = 0 THEN NULL "
            f"WHEN grouped.yes_{question_id} THEN %(yes)s ELSE %(no)s END"
        ]
    if subs and kind in Question.COLUMN_KINDS:
        return [_neutralised(f"grouped.sub_{question_id}_{sub}") for sub in subs]
    if subs and kind == Question.Kind.MATRIX:
        return [_NUMBER.format(n=f"grouped.sub_{question_id}_{sub}") for sub in subs]
    if subs:
        return [f"grouped.sub_{question_id}_{sub}::text" for sub in subs]
    joined = f"grouped.joined_{question_id}"
    is_text = f"grouped.n_{question_id} > 1 OR grouped.text_{question_id}"
    return [_neutralised(joined, is_text)]
