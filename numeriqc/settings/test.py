"""Tests: fast hashing, plain static storage, eager tasks, emails kept in memory."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "django-insecure-test-only-numeriqc-0123456789-abcdefghijklmnopq"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
WAGTAILADMIN_BASE_URL = SITE_URL = "http://testserver"  # noqa: F405
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
if not REDIS_URL:  # noqa: F405
    CACHES["default"]["LOCATION"] = "numeriqc-tests"  # noqa: F405
else:
    # Each test run gets its own key space on the shared Redis server, and each
    # pytest-xdist worker its own database: the tests empty the cache between them,
    # and cache.clear() empties a whole Redis database, other workers' keys included.
    CACHES["default"]["KEY_PREFIX"] = f"numeriqc-test-{os.getpid()}"  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    _address = urlsplit(REDIS_URL)  # noqa: F405
    _database = (int(_address.path.strip("/") or 0) + int(_worker or 0)) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(  # noqa: F405
        _address._replace(path=f"/{_database}")
    )
STATIC_ROOT = None  # static files come from the finders; nothing is collected
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Query-count tests measure renders: the page cache is off unless a test turns it
# on (tests/perf does, with the `page_cache` fixture).
PAGE_CACHE_ENABLED = False
