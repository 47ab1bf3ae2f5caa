"""Production: refuses to start without the secrets and hosts it needs.

`manage.py check --deploy --fail-level WARNING` passes with these settings.
"""

import sys

from .base import *  # noqa: F403
from .base import env_bool


def _require(name, value):
    if not value:
        # A clear sentence for the operator, not a traceback.
        sys.stderr.write(
            f"numériQc cannot start: the environment variable {name} is not set. "
            "See .env.example for the list of settings.\n"
        )
        raise SystemExit(2)


DEBUG = False
PRODUCTION = True
_require("SECRET_KEY", SECRET_KEY)  # noqa: F405
_require("ALLOWED_HOSTS", ALLOWED_HOSTS)  # noqa: F405

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365
