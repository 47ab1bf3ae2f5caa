"""Direct messages: another app writes to one person (hook
`numeriqc_deliver_direct_message`, used by the user-testing lab).

The message becomes one Message (kind "direct", UNIQUE on the caller's key) and one
Delivery, sent by the same pipeline as everything else: claimed before it goes,
retried with back-off, text messages held during quiet hours, an opt-out line on
every text message, a STOP honoured. Email when the person has an address, else a
text message to their mobile.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Channel, Delivery, Language, Message, Priority
from .services import is_suppressed, new_delivery, queue_after_commit, with_opt_out


def deliver_direct_message(message):
    """Queue `message` (a lab `DirectMessage`) once; returns the channel or None.

    None means nobody can be reached here (no address, or the only address asked
    not to receive anything): the caller decides what that means.
    """
    channel, address = _channel_and_address(message)
    if channel is None:
        return None
    existing = _existing(message.key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            stored = Message.objects.create(
                kind=Message.Kind.DIRECT,
                priority=Priority.NORMAL,
                send_at=timezone.now(),
                idempotency_key=message.key[:100],
            )
            delivery = _delivery(stored, channel, address, message)
            delivery.save()
            queue_after_commit([delivery])
    except IntegrityError:
        # Another run of the same task queued it first: it is sent once.
        return _existing(message.key)
    return channel


def _channel_and_address(message):
    if message.email and not is_suppressed(Channel.EMAIL, message.email):
        return Channel.EMAIL, message.email
    if message.mobile and not is_suppressed(Channel.SMS, message.mobile):
        return Channel.SMS, message.mobile
    return None, ""


def _existing(key):
    return (
        Delivery.objects.filter(
            message__kind=Message.Kind.DIRECT, message__idempotency_key=key[:100]
        )
        .values_list("channel", flat=True)
        .first()
    )


def _delivery(stored, channel, address, message):
    language = message.language if message.language in Language.values else "fr"
    body = message.body.strip()
    if channel == Channel.SMS:
        short = (getattr(message, "sms_body", "") or "").strip()
        body = with_opt_out(short or _sms_text(message.subject, body), language)
    return new_delivery(stored, channel, address, language, message.subject[:250], body)


def _sms_text(subject, body):
    """A text message has no subject line: it opens the text."""
    return f"{subject}\n{body}" if subject else body
