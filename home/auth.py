"""Admin sign-in: throttled by account and by address; no demo password in
production.

Every attempt counts (the project's limiter counts, it does not forget a
success): past ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT attempts on one account, or
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
from home.ratelimit import client_address, hit

KNOWN_DEMO_PASSWORDS = frozenset({DEFAULT_DEMO_PASSWORD})


class ThrottledLoginForm(LoginForm):
    def clean(self):
        self._check_throttle()
        self._check_demo_password()
        return super().clean()

    def _check_throttle(self):
        window = settings.ADMIN_LOGIN_WINDOW_SECONDS
        account = (self.cleaned_data.get("username") or "").strip().casefold()
        by_address, wait_address = hit(
            "admin-login-address",
            client_address(self.request) if self.request else "",
            settings.ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS,
            window,
        )
        by_account, wait_account = hit(
            "admin-login-account",
            account,
            settings.ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT,
            window,
        )
        if by_address and by_account:
            return
        wait = max(wait_address if not by_address else 0, wait_account)
        minutes = max(1, math.ceil(wait / 60))
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
        if not getattr(settings, "PRODUCTION", False):
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
