"""Survey responses linked to an email address (the surveys that ask for one to
confirm an answer), for the platform's "my personal data" page. Only a keyed
hash of the address is stored, so the address finds its responses and nothing else
can."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.personal_data import Section, fields_of

from .models import Answer, Response
from .services import email_fingerprint

RESPONSE_FIELDS = [
    "status",
    "language",
    "consented",
    "created_at",
    ("confirmed_at", gettext_lazy("confirmed on")),
]


def _responses(email):
    if not email:
        return Response.objects.none()
    return Response.objects.filter(email_hash=email_fingerprint(email))


def _answer(answer):
    label = answer.question.label
    if answer.row_id:
        label = f"{label} — {answer.row.label}"
    value = answer.choice.label if answer.choice_id else None
    value = value or answer.text or answer.number or answer.date
    if answer.rank:
        value = f"{answer.rank}. {value}"
    return (f"answer_{answer.question_id}", label, value)


def sections_for(email):
    responses = list(_responses(email).select_related("survey").order_by("pk"))
    answers = (
        Answer.objects.filter(response__in=responses)
        .select_related("question", "choice", "row")
        .order_by("question__sort_order", "question_id", "rank", "pk")
    )
    by_response = {}
    for answer in answers:
        by_response.setdefault(answer.response_id, []).append(_answer(answer))
    records = [
        [
            ("survey", _("survey"), response.survey.title),
            *fields_of(
                response,
                ["status", "language", "consented", "created_at", "confirmed_at"],
            ),
            *by_response.get(response.pk, []),
        ]
        for response in responses
    ]
    return [Section("consultation.responses", _("Your survey answers"), records)]


@transaction.atomic
def erase_for(email):
    """The responses go with their answers: results count them no longer."""
    responses = _responses(email)
    count = responses.count()
    responses.delete()
    return count
