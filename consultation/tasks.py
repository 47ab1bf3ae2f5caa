"""Consultation tasks. Each takes ids, re-reads the rows, and is safe to run twice."""

from urllib.parse import urlencode

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from home.public_url import public_url

from . import announcements, services
from .models import Response


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_confirmation(response_id, email, language):
    """The link that makes an email-confirmed response count.

    The address travels only in this task's arguments: it is never stored.
    """
    response = (
        Response.objects.filter(pk=response_id, status=Response.Status.PENDING)
        .select_related("page")
        .first()
    )
    if response is None or response.page is None:
        return 0
    page = response.page.specific
    with translation.override(language):
        page = page.get_translation_or_none(page.locale.get_active()) or page
        token = urlencode({"token": services.confirmation_token(response)})
        link = f"{public_url(page)}{page.reverse_subpage('confirm_view')}?{token}"
        context = {"page": page, "link": link}
        subject = render_to_string("consultation/email/confirm_subject.txt", context)
        body = render_to_string("consultation/email/confirm.txt", context)
    return send_mail(" ".join(subject.split()), body, None, [email])


@shared_task
def forget_expired_personal_data():
    """Daily (beat): personal answers past their survey's retention period go."""
    return services.forget_expired_personal_data()


@shared_task
def announce_consultations():
    """Hourly (beat): consultations that opened or close within 48 hours."""
    return announcements.announce_due()


# The user-testing lab (measure 5) lives in consultation/lab/.
from .lab import tasks as lab_tasks  # noqa: E402, F401
