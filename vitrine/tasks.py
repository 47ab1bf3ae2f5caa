"""Vitrine tasks: ids in, rows re-read, safe to run twice."""

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from home.public_url import public_url

from .models import CallSubmission


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_submission_acknowledgement(submission_id):
    """Tell the submitter, in the language they wrote in, what they sent and what
    happens next. The row is claimed first so that a retry sends it once."""
    claimed = CallSubmission.objects.filter(
        pk=submission_id, acknowledged_at__isnull=True
    ).update(acknowledged_at=timezone.now())
    if not claimed:
        return False
    submission = CallSubmission.objects.select_related("call").get(pk=submission_id)
    try:
        subject, body = _message(submission)
        send_mail(subject, body, None, [submission.contact_email])
    except Exception:
        CallSubmission.objects.filter(pk=submission_id).update(acknowledged_at=None)
        raise
    return True


def _message(submission):
    language = submission.language if submission.language in ("fr", "en") else "fr"
    with translation.override(language):
        call = submission.call
        locale = Locale.objects.filter(language_code=language).first()
        call = (locale and call.get_translation_or_none(locale)) or call
        context = {"submission": submission, "call": call, "url": public_url(call)}
        subject = render_to_string("vitrine/email/acknowledgement_subject.txt", context)
        body = render_to_string("vitrine/email/acknowledgement.txt", context)
    return " ".join(subject.split()), body
