"""Kernel tasks: ids and addresses in, rows re-read, safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import personal_data


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_personal_data_link(email, language):
    """The private link to everything held about `email`, in the reader's language.
    Sent whether or not we hold anything: the page says so, and the form's answer
    never reveals whether an address is known."""
    with translation.override(language):
        path = reverse("personal_data:overview", args=[personal_data.token_for(email)])
        context = {"url": f"{settings.SITE_URL}{path}"}
        subject = render_to_string("home/personal_data/email_subject.txt", context)
        body = render_to_string("home/personal_data/email.txt", context)
    send_mail(" ".join(subject.split()), body, None, [email])
