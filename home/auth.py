"""Admin sign-in: throttled by account and by address; no demo password in
production.

Failed attempts count, successes do not (a team behind one address signs in
all day): past ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT failures on one account, or
ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS from one address, within
ADMIN_LOGIN_WINDOW_SECONDS, the form refuses, even the right password, with a
message that says how long to wait. Guessing a password then takes years, and
a colleague behind the same address is not locked out by one account.
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from home.demo import DEFAULT_DEMO_PASSWORD
from home.ratelimit import client_address, exceeded, hit

KNOWN_DEMO_PASSWORDS = frozenset({DEFAULT_DEMO_PASSWORD})


class ThrottledLoginForm(LoginForm):
    def clean(self):
        self._refuse_when_throttled()
        self._check_demo_password()
        try:
            return super().clean()
        except ValidationError:
            self._count_failure()
            raise

    def _limits(self):
        """(scope, identity, limit) for the address and for the account."""
        account = (self.cleaned_data.get("username") or "").strip().casefold()
        address = client_address(self.request) if self.request else ""
        return [
            (
                "admin-login-address",
                address,
                settings.ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS,
            ),
            (
                "admin-login-account",
                account,
                settings.ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT,
            ),
        ]

    def _count_failure(self):
        window = settings.ADMIN_LOGIN_WINDOW_SECONDS
        for scope, identity, limit in self._limits():
            hit(scope, identity, limit, window)

    def _refuse_when_throttled(self):
        window = settings.ADMIN_LOGIN_WINDOW_SECONDS
        waits = [
            wait
            for scope, identity, limit in self._limits()
            for refused, wait in [exceeded(scope, identity, limit, window)]
            if refused
        ]
        if not waits:
            return
        minutes = max(1, math.ceil(max(waits) / 60))
        raise ValidationError(
            ngettext(
                "Too many sign-in attempts. For your security, signing in is paused "
                "for this account or this connection: try again in %(minutes)s "
                "minute.",
                "Too many sign-in attempts. For your security, signing in is paused "
                "for this account or this connection: try again in %(minutes)s "
                "minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
        )

    def _check_demo_password(self):
        if not settings.PRODUCTION:
            return
        if self.cleaned_data.get("password") in _demo_passwords():
            raise ValidationError(
                _(
                    "This password is the published demo password: it cannot be "
                    "used on this site. Ask an administrator to reset it."
                ),
                code="demo_password",
            )


def _demo_passwords():
    return KNOWN_DEMO_PASSWORDS


class NotADemoPasswordValidator:
    """No account may take the demo password published in the README."""

    def validate(self, password, user=None):
        if password in _demo_passwords():
            raise ValidationError(
                _("This password is published with the demo: choose another."),
                code="demo_password",
            )

    def get_help_text(self):
        return _("Your password cannot be the demo password published with the site.")
