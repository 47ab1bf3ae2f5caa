"""Response exports as consultation/exports.py wrote them before issue 19.

Frozen on purpose: the export test compares the current CSV with this code's,
byte for byte. Do not edit to follow the current code.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from consultation.models import Answer, Question, Response, source_row
from consultation.services import questions_of

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
        if question.kind in (Question.Kind.MATRIX, Question.Kind.RANKING):
            cells.extend(
                f"{question.label} — {c.label}" for c in question.choices.all()
            )
        else:
            cells.append(question.label)
    return base + cells


def rows(survey, questions):
    """Lists of cells, one per counted or pending response, in submission order."""
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
            "response__created_at",
            "response__language",
            "response__status",
            "question_id",
            "choice_id",
            "row_id",
            "text",
            "number",
            "date",
            "rank",
        )
    )
    by_question = {entry[0]: entry for entry in layout}
    yes_no = {True: _("Yes"), False: _("No")}
    current, cells = None, None
    for values in answers.iterator(chunk_size=CHUNK):
        if values[0] != current:
            if cells is not None:
                yield cells
            current = values[0]
            cells = _new_row(values, layout, statuses)
        _place(cells, values, by_question, labels, yes_no)
    if cells is not None:
        yield cells


def _layout(questions, source_questions):
    """[(source question id, first column, [source choice ids], kind)] in order."""
    layout, column = [], 4
    for question in questions:
        source = source_questions[question.translation_key]
        wide = question.kind in (Question.Kind.MATRIX, Question.Kind.RANKING)
        subs = [c.pk for c in source.choices.all()] if wide else []
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
    _r, _c, _l, _s, question_id, choice_id, row_id, text, number, date, rank = values
    entry = layout.get(question_id)
    if entry is not None:
        _pk, column, subs, kind = entry
        if kind == Question.Kind.YES_NO:
            cells[column] = yes_no[bool(number)]
            return
        if row_id is not None and row_id in subs:
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
