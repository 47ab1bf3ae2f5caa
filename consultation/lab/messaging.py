"""How the lab reaches a member: through the notification platform when it is
there, by email until then.

The notification platform plugs in with the "numeriqc_deliver_direct_message"
hook: `fn(message) -> channel name or None`, where `message` is a `DirectMessage`
(its `sms_body` is the short text to use for a text message).
It returns the channel it used ("email", "sms"), or None to let the lab send the
email itself. `message.key` is unique per message, for the platform's own
"never sent twice" rule.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from wagtail import hooks

HOOK = "numeriqc_deliver_direct_message"


@dataclass(frozen=True)
class DirectMessage:
    email: str
    mobile: str
    language: str
    subject: str
    body: str
    key: str
    # A short text for a text message (the link and what it is for); the platform
    # falls back to subject and body when it is empty.
    sms_body: str = ""


class Unreachable(Exception):
    """The member has no email and no channel can send a text message."""


def platform_handles_messages():
    return bool(hooks.get_hooks(HOOK))


def deliver(message):
    """Send `message`; returns the channel used. OSError on a transient failure."""
    for handler in hooks.get_hooks(HOOK):
        channel = handler(message)
        if channel:
            return channel
    if not message.email:
        raise Unreachable(message.key)
    send_mail(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        [message.email],
        fail_silently=False,
    )
    return "email"
