"""Tests: fast hashing, plain static storage, eager tasks, emails kept in memory."""

import os

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
    # REDIS_URL's own database, shared by every test process (one per pytest-xdist
    # worker) and maybe by others: each process has its own key prefix, and
    # cache.clear() deletes only the keys under it (numeriqc/cache.py).
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    CACHES["default"]["KEY_PREFIX"] = (  # noqa: F405
        f"numeriqc-test-{_worker}-{os.getpid()}"
    )
STATIC_ROOT = None  # static files come from the finders; nothing is collected
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Query-count tests measure renders: the page cache is off unless a test turns it
# on (tests/perf does, with the `page_cache` fixture).
PAGE_CACHE_ENABLED = False
