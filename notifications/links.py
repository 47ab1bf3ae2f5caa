"""Signed links in messages: confirm an address, manage preferences, unsubscribe.

No account and no token table: each link carries a signed payload. Confirmation
links expire; preference and unsubscribe links last as long as the subscription.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRM_SALT = "notifications.confirm-email"
VERIFY_SALT = "notifications.verify-phone"
PREFERENCES_SALT = "notifications.preferences"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
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
    return absolute("preferences", subscriber.language, preferences_token(subscriber))


def unsubscribe_url(language, token):
    return absolute("unsubscribe", language, token)
