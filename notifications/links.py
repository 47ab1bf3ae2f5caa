"""Signed links in messages: confirm an address, manage preferences, unsubscribe.

No account and no token table: each link carries a signed payload. Confirmation
links expire; preference and unsubscribe links last as long as the subscription.
"""

import base64

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

CONFIRM_SALT = "notifications.confirm-email"
VERIFY_SALT = "notifications.verify-phone"
PREFERENCES_SALT = "notifications.preferences"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
SHORT_PREFERENCES_SALT = "notifications.preferences.short"
# 72 bits of HMAC: out of reach of guessing over HTTP, short enough for a text
# message, where every character counts.
SHORT_SIGNATURE_LENGTH = 12
CONFIRM_MAX_AGE = 7 * 24 * 3600
VERIFY_MAX_AGE = 24 * 3600


def absolute(name, language, *args):
    with translation.override(language):
        return settings.SITE_URL + reverse(f"notifications:{name}", args=args)


def confirm_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def verify_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "p": subscriber.phone}, salt=VERIFY_SALT)


def preferences_token(subscriber):
    return signing.dumps(subscriber.pk, salt=PREFERENCES_SALT)


def short_preferences_token(subscriber):
    """`<id in base36>-<truncated HMAC>`: the preference link of a text message."""
    pk = int_to_base36(subscriber.pk)
    return f"{pk}-{_short_signature(pk, settings.SECRET_KEY)}"


def read_short_preferences_token(token):
    """The subscriber's id, or None for a forged or damaged token."""
    pk, _dash, signature = str(token).partition("-")
    if not pk or len(pk) > 13 or not signature:
        return None
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        if constant_time_compare(signature, _short_signature(pk, secret)):
            return base36_to_int(pk)
    return None


def _short_signature(pk, secret):
    digest = salted_hmac(
        SHORT_PREFERENCES_SALT, pk, secret=secret, algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest).decode()[:SHORT_SIGNATURE_LENGTH]


def subscriber_unsubscribe_token(subscriber, channel):
    return signing.dumps({"s": subscriber.pk, "c": channel}, salt=UNSUBSCRIBE_SALT)


def reminder_unsubscribe_token(organization_id, channel, address):
    return signing.dumps(
        {"o": organization_id, "c": channel, "a": address}, salt=UNSUBSCRIBE_SALT
    )


def read(token, salt, max_age=None):
    """The payload, or None for a forged, damaged or expired link."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None


def preferences_url(subscriber):
    return settings.SITE_URL + preferences_path(subscriber)


def preferences_path(subscriber):
    with translation.override(subscriber.language):
        return reverse(
            "notifications:preferences", args=[preferences_token(subscriber)]
        )


def short_preferences_url(subscriber):
    """The preference centre through a path short enough for a text message
    (no language prefix: it redirects to the centre in the subscriber's language)."""
    path = reverse("short_preferences", args=[short_preferences_token(subscriber)])
    return settings.SITE_URL + path


def unsubscribe_url(language, token):
    return absolute("unsubscribe", language, token)
