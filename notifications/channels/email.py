"""Email through Django's email backends (SMTP in production)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from . import PermanentError, TransientError


def send(delivery):
    headers = {}
    if delivery.unsubscribe_url:
        # RFC 2369 and RFC 8058: one-click unsubscribe by a POST to this address.
        headers["List-Unsubscribe"] = f"<{delivery.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=delivery.subject,
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.to],
        headers=headers,
        connection=get_connection(fail_silently=False),
    )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise PermanentError(f"recipient refused: {error.recipients}") from error
    except (smtplib.SMTPException, OSError) as error:
        raise TransientError(f"email server: {error}") from error
    return ""
