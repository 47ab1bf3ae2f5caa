"""Use cases of consultations: store a response, confirm it, forget personal data."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from .answer_values import OTHER, YES
from .models import Answer, Choice, Question, Response, Survey, source_row

CONFIRM_SALT = "consultation.confirm"
CONFIRM_MAX_AGE = 14 * 24 * 3600


class Duplicate(Exception):
    """The same submission (or the same address) was already stored."""

    def __init__(self, response):
        super().__init__("duplicate submission")
        self.response = response


def questions_of(survey):
    """The survey's questions in order, with their choices, in two queries."""
    return list(
        survey.questions.order_by("sort_order", "pk").prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk"))
        )
    )


def email_fingerprint(email):
    """A keyed hash of the address: equal addresses match, none can be read back."""
    key = hashlib.sha256(f"consultation-email:{settings.SECRET_KEY}".encode()).digest()
    normalised = email.strip().casefold().encode()
    return hmac.new(key, normalised, hashlib.sha256).hexdigest()


class SourceMap:
    """Source-language question and choice of each translation_key of a survey."""

    def __init__(self, survey):
        source = source_row(survey)
        questions = questions_of(source)
        self.survey = source
        self.questions = {q.translation_key: q for q in questions}
        self.choices = {
            c.translation_key: c for q in questions for c in q.choices.all()
        }

    def question(self, question):
        return self.questions[question.translation_key]

    def choice(self, key):
        if hasattr(key, "hex"):
            return self.choices[key]
        return next(c for k, c in self.choices.items() if k.hex == key)


def build_answers(answers, sources):
    """Answer rows (unsaved) for {question: value} from the survey's forms."""
    rows = []
    for question, value in answers.items():
        source = sources.question(question)
        rows.extend(_rows_for(source, question.kind, value, sources))
    return rows


def _rows_for(source, kind, value, sources):
    Kind = Question.Kind
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return [Answer(question=source, text=value)]
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        rows = [
            Answer(question=source, choice=sources.choice(key))
            for key in value["choices"]
            if key != OTHER
        ]
        if OTHER in value["choices"]:
            rows.append(Answer(question=source, text=value["other"]))
        return rows
    if kind == Kind.RATING:
        return [Answer(question=source, number=int(value))]
    if kind == Kind.YES_NO:
        return [Answer(question=source, number=1 if value == YES else 0)]
    if kind == Kind.NUMBER:
        return [Answer(question=source, number=value)]
    if kind == Kind.DATE:
        return [Answer(question=source, date=value)]
    if kind == Kind.RANKING:
        return [
            Answer(question=source, choice=sources.choice(key), rank=rank)
            for key, rank in value.items()
        ]
    if kind == Kind.MATRIX:
        return [
            Answer(question=source, row=sources.choice(key), number=scale)
            for key, scale in value.items()
        ]
    if kind in Question.COLUMN_KINDS:
        # One row per (matrix row, column chosen): the column in `choice`.
        return [
            Answer(question=source, row=sources.choice(key), choice=sources.choice(col))
            for key, columns in value.items()
            for col in (columns if isinstance(columns, list) else [columns])
        ]
    return []


def submit_response(
    survey, answers, *, key, language, page=None, email="", consented=False
):
    """Store one response and its answers in one transaction, or nothing at all.

    The submission key is UNIQUE in the database: a repeat of the same POST (double
    click, retry, parallel copies) raises Duplicate with the response stored first.
    """
    sources = SourceMap(survey)
    email_mode = sources.survey.integrity == Survey.Integrity.EMAIL
    response = Response(
        survey=sources.survey,
        page=page,
        submission_key=key,
        language=language,
        consented=consented,
        email_hash=email_fingerprint(email) if email_mode and email else "",
        status=Response.Status.PENDING if email_mode else Response.Status.CONFIRMED,
        confirmed_at=None if email_mode else timezone.now(),
    )
    rows = build_answers(answers, sources)
    try:
        with transaction.atomic():
            response.save()
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
            if email_mode:
                transaction.on_commit(
                    lambda: _send_confirmation(response.pk, email, language)
                )
    except IntegrityError:
        existing = Response.objects.filter(submission_key=key).first()
        if existing is None and response.email_hash:
            existing = Response.objects.filter(
                survey=sources.survey, email_hash=response.email_hash
            ).first()
        if existing is None:
            raise
        raise Duplicate(existing) from None
    return response


def finish_response(survey, answers, *, key, **details):
    """Store a finished survey's answers (`details` as for submit_response).

    The response counted under `key`, the one stored first when the same POST
    comes again; None when the same address already answered under another key
    (the respondent is told nothing more than "check your email").
    """
    try:
        return submit_response(survey, answers, key=key, **details)
    except Duplicate as duplicate:
        stored = duplicate.response
        return stored if stored.submission_key == key else None


def _send_confirmation(response_id, email, language):
    from .tasks import send_confirmation

    send_confirmation.delay(response_id, email, language)


def confirmation_token(response):
    return signing.dumps(response.pk, salt=CONFIRM_SALT)


def confirm(token):
    """Count a pending response once its link is clicked; safe to click twice."""
    try:
        response_id = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    Response.objects.filter(pk=response_id, status=Response.Status.PENDING).update(
        status=Response.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    return Response.objects.filter(pk=response_id).first()


def forget_expired_personal_data(now=None):
    """Delete personal answers of responses past their survey's retention period."""
    now = now or timezone.now()
    forgotten = 0
    for survey in Survey.objects.filter(questions__is_personal=True).distinct():
        cutoff = now - timedelta(days=survey.retention_days)
        expired = Response.objects.filter(
            survey=survey, created_at__lt=cutoff, anonymized_at__isnull=True
        )
        with transaction.atomic():
            Answer.objects.filter(
                response__in=expired, question__is_personal=True
            ).delete()
            forgotten += expired.update(anonymized_at=now, email_hash="")
    return forgotten


def counted_responses(survey):
    return Response.objects.filter(
        survey=source_row(survey), status=Response.Status.CONFIRMED
    )


def has_answers(question):
    return Answer.objects.filter(question__translation_key=question.translation_key)
