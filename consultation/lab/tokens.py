"""Signed links: a member reaches their record, confirms an email, answers an
invitation, without an account. Each link carries a random key stored on the row,
so deleting the row (or changing the key) kills every link at once."""

from django.core import signing

CONFIRM_SALT = "consultation.lab.confirm"
MANAGE_SALT = "consultation.lab.manage"
INVITATION_SALT = "consultation.lab.invitation"

CONFIRM_MAX_AGE = 7 * 24 * 3600
# The self-service link works for as long as the member is on the panel.
MANAGE_MAX_AGE = None
INVITATION_MAX_AGE = 60 * 24 * 3600


def confirm_token(member):
    """Bound to the address it was sent to: changing it voids the link."""
    return signing.dumps(
        [str(member.access_key), member.email or member.mobile], salt=CONFIRM_SALT
    )


def manage_token(member):
    return signing.dumps(str(member.access_key), salt=MANAGE_SALT)


def invitation_token(invitation):
    return signing.dumps(
        [invitation.pk, str(invitation.member.access_key)], salt=INVITATION_SALT
    )


def read(token, salt, max_age=None):
    """The signed value, or None when the link is forged, altered or too old."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError):
        return None
