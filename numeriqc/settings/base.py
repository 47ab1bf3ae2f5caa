"""Settings shared by every environment; safe for production on their own.

Everything that varies between machines comes from an environment variable listed
in `.env.example`. `dev.py` relaxes, `test.py` speeds up, `production.py` insists.
"""

import importlib
import os
import tempfile
from pathlib import Path

import dj_database_url
from dotenv import load_dotenv

from search.config import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# A `.env` file beside manage.py (or the file ENV_FILE names) is read when present;
# a variable set in the real environment wins over the file. DJANGO_SETTINGS_MODULE
# is chosen before this runs, so it is read from the real environment only.
load_dotenv(os.environ.get("ENV_FILE") or BASE_DIR / ".env", override=False)

# Where the running process writes: uploaded media and the SQLite file when no
# DATABASE_URL is given. The production image sets it to its /data volume (the code
# itself is read-only there); by default, the checkout.
DATA_DIR = Path(os.environ.get("DATA_DIR") or BASE_DIR)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def beat_schedule(apps):
    """The periodic tasks the apps declare in their `schedules.py`, merged."""
    schedule = {}
    for app in apps:
        try:
            module = importlib.import_module(f"{app}.schedules")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.schedules":
                raise
            continue
        schedule.update(module.SCHEDULE)
    return schedule


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
# True under production settings only: demo content and demo passwords refused.
PRODUCTION = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public base address, used in emails and absolute links (no trailing slash).
# `make run PORT=8101` gives PORT: the default follows it.
SITE_URL = os.environ.get(
    "SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
).rstrip("/")

# Apps are listed domain first: our templates override third-party ones.
DOMAIN_APPS = [
    "home",
    "users",
    "vitrine",
    "consultation",
    "feedback",
    "training",
    "notifications",
    "barometre",
    "search",
    "opendata",
]

INSTALLED_APPS = [
    "numeriqc",
    *DOMAIN_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "users.apps.NumeriqcWagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "numeriqc.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 on every response; the page cache stores the ETag with the page.
    "django.middleware.http.ConditionalGetMiddleware",
    # Above sessions, CSRF and messages: it sees every cookie and Vary they add.
    "numeriqc.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "numeriqc.middleware.LocaleMiddleware",
    # The site, menus, footer and reasons in one cache trip (language now active).
    "numeriqc.sharedcache.SharedDataMiddleware",
    "numeriqc.middleware.RefuseNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Another organization's page is refused in every admin view of pages.
    "home.middleware.OrganizationPageGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "numeriqc.urls"
WSGI_APPLICATION = "numeriqc.wsgi.application"
AUTH_USER_MODEL = "users.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url reads otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}


def sqlite_options():
    """SQLite as a multi-process app must use it: the web process and the Celery
    worker of `make run` write to one file. The write-ahead log lets readers and the
    writer work at once; the busy timeout (seconds) makes a writer wait its turn
    instead of failing with "database is locked"; IMMEDIATE transactions take the
    write lock when they begin, so that none fails halfway when upgrading from
    reading to writing (the busy timeout cannot help that case)."""
    return {
        "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **sqlite_options(),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set. Its keys start with
# CACHE_KEY_PREFIX, and clearing it deletes those keys only (numeriqc/cache.py): the
# Redis database may be shared.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "numeriqc.cache.PrefixedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "numeriqc"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "numeriqc",
            "TIMEOUT": 300,
            # Whole pages are kept here too (numeriqc/pagecache.py).
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Page cache for anonymous visitors (numeriqc/pagecache.py, docs/performance.md).
# A local-memory cache belongs to one process: with several server processes,
# a purge reaches only the process that made the change, the others serve the
# old page until PAGE_CACHE_SECONDS pass. Set REDIS_URL in production.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long browsers and proxies may reuse a page before asking again (with its
# ETag, answered 304 when unchanged).
PAGE_BROWSER_SECONDS = env_int("PAGE_BROWSER_SECONDS", 0)
# Query parameters every page honours (the feedback widget's thank-you flag);
# page types add theirs with `cache_query_params`.
PAGE_CACHE_QUERY_PARAMS = ["feedback"]
# Tracking parameters: they never change a page and never split its entry.
PAGE_CACHE_IGNORED_PREFIXES = ["utm_", "fbclid", "gclid", "msclkid", "mc_", "_ga"]
# Cookies besides the session and messages ones that make a request personal.
PAGE_CACHE_PRIVATE_COOKIES = []
# Each server worker keeps a copy of its hottest cached pages and serves them
# before Django runs (numeriqc/localpages.py); it re-reads the cache's generation
# at most every PAGE_CACHE_LOCAL_SECONDS, the longest a publish may take to show
# (0 turns the copy off). Bounded: least recently used pages leave first.
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", "500"))
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", "33554432"))

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
    # The demo accounts' password is published in the README.
    {"NAME": "home.auth.NotADemoPasswordValidator"},
]

# Languages: French first. The public site lives under /fr/ and /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Montreal"
USE_I18N = True
USE_TZ = True

# Static files and media. WhiteNoise serves static files in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 60 * 60
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: printed to the console unless an SMTP server or provider is configured.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "numeriQc <ne-pas-repondre@numeriqc.quebec>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with no broker configured, tasks run eagerly in the calling process,
# so that a bare machine needs no server. Setting CELERY_BROKER_URL moves them out.
# (A host in the URL: kombu warns "No hostname was supplied" without one.)
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "memory://localhost/")
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", default="CELERY_BROKER_URL" not in os.environ
)
CELERY_TASK_EAGER_PROPAGATES = True
# On a Redis database shared with other programs, every key the broker writes can
# start with a prefix of its own (kombu's global_keyprefix).
if os.environ.get("CELERY_BROKER_KEY_PREFIX"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "global_keyprefix": os.environ["CELERY_BROKER_KEY_PREFIX"]
    }
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection around every task unless
# told to reuse it: a new PostgreSQL connection was half of a text message's
# cost. numeriqc/celery.py closes it instead when Django would (CONN_MAX_AGE,
# errors), as at the end of a web request.
CELERY_DB_REUSE_MAX = 1_000_000
CELERY_TIMEZONE = TIME_ZONE
# Each app declares its periodic tasks in one place, `<app>/schedules.py`
# (SCHEDULE); tests/tooling/test_schedules.py checks each is importable.
CELERY_BEAT_SCHEDULE = beat_schedule(DOMAIN_APPS)

# Security headers that hold everywhere; production.py adds the HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A form refused for its missing token says what to do, in the form's language.
CSRF_FAILURE_VIEW = "numeriqc.views.csrf_failure"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Wagtail
WAGTAIL_SITE_NAME = "numériQc"
# The admin's public address, in moderation emails (the public address by default).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL).rstrip("/")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Search: per-language PostgreSQL backends, OpenSearch when SEARCH_URL is set
# (see docs/search.md).
SEARCH_URL = os.environ.get("SEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends(DATABASES["default"]["ENGINE"], SEARCH_URL)
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# Submitting a live page for translation makes a *draft* translation: it goes live
# when its translation is published, never with the source's text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "numeriqc": {"level": os.environ.get("LOG_LEVEL", "INFO")},
    },
}

RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", default=True)
# Admin sign-in: attempts per account and per client address in a window, then
# refused with a message until the window ends (home/auth.py).
ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT = env_int("ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT", 10)
ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS = env_int("ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS", 30)
ADMIN_LOGIN_WINDOW_SECONDS = env_int("ADMIN_LOGIN_WINDOW_SECONDS", 900)
WAGTAILADMIN_USER_LOGIN_FORM = "home.auth.ThrottledLoginForm"
# Search: generous, per client address (a person never types this fast).
SEARCH_REQUESTS_PER_ADDRESS = env_int("SEARCH_REQUESTS_PER_ADDRESS", 120)
SEARCH_RATE_WINDOW_SECONDS = env_int("SEARCH_RATE_WINDOW_SECONDS", 60)
# How many proxies in front of the site append to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Feedback widget: posts accepted per client address and window; how long the
# text of comments and suggestions is kept (default two years).
FEEDBACK_POSTS_PER_ADDRESS = env_int("FEEDBACK_POSTS_PER_ADDRESS", 10)
FEEDBACK_RATE_WINDOW_SECONDS = env_int("FEEDBACK_RATE_WINDOW_SECONDS", 600)
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 730)

# Consultation answers accepted per client address and window (consultation/views.py).
CONSULTATION_POSTS_PER_ADDRESS = env_int("CONSULTATION_POSTS_PER_ADDRESS", 30)
CONSULTATION_RATE_WINDOW_SECONDS = env_int("CONSULTATION_RATE_WINDOW_SECONDS", 600)
# User-testing lab: sign-ups per client address and window; days a panel member's
# details are kept (capped at three years by consultation/lab/models.py).
LAB_POSTS_PER_ADDRESS = env_int("LAB_POSTS_PER_ADDRESS", 20)
LAB_RATE_WINDOW_SECONDS = env_int("LAB_RATE_WINDOW_SECONDS", 600)
LAB_RETENTION_DAYS = env_int("LAB_RETENTION_DAYS", 1095)
# Vitrine: project submissions per client address and window.
VITRINE_SUBMISSIONS_PER_ADDRESS = env_int("VITRINE_SUBMISSIONS_PER_ADDRESS", 5)
VITRINE_SUBMISSION_WINDOW_SECONDS = env_int("VITRINE_SUBMISSION_WINDOW_SECONDS", 3600)

# Personal data (Loi 25): requests for a private link per client address and hour.
PERSONAL_DATA_REQUESTS_PER_HOUR = env_int("PERSONAL_DATA_REQUESTS_PER_HOUR", 10)

# Notification platform (docs/notifications.md): the SMS backend and its provider,
# quiet hours, retries, retention, and the limits of the public form and the API.
NOTIFICATIONS_SMS_BACKEND = os.environ.get(
    "NOTIFICATIONS_SMS_BACKEND", "notifications.channels.sms.FileBackend"
)
NOTIFICATIONS_SMS_FILE_PATH = os.environ.get(
    "NOTIFICATIONS_SMS_FILE_PATH",
    str(Path(tempfile.gettempdir()) / "numeriqc-sms.jsonl"),
)
NOTIFICATIONS_SMS_HTTP_URL = os.environ.get("NOTIFICATIONS_SMS_HTTP_URL", "")
NOTIFICATIONS_SMS_HTTP_TOKEN = os.environ.get("NOTIFICATIONS_SMS_HTTP_TOKEN", "")
NOTIFICATIONS_SMS_HTTP_TIMEOUT = float(
    os.environ.get("NOTIFICATIONS_SMS_HTTP_TIMEOUT", "10")
)
NOTIFICATIONS_SMS_INBOUND_TOKEN = os.environ.get("NOTIFICATIONS_SMS_INBOUND_TOKEN", "")
NOTIFICATIONS_SMS_QUIET_HOURS = os.environ.get(
    "NOTIFICATIONS_SMS_QUIET_HOURS", "21:00-08:00"
)
NOTIFICATIONS_RETENTION_DAYS = env_int("NOTIFICATIONS_RETENTION_DAYS", 7)
NOTIFICATIONS_MAX_ATTEMPTS = env_int("NOTIFICATIONS_MAX_ATTEMPTS", 5)
NOTIFICATIONS_RETRY_BASE_SECONDS = env_int("NOTIFICATIONS_RETRY_BASE_SECONDS", 30)
NOTIFICATIONS_STUCK_AFTER_SECONDS = env_int("NOTIFICATIONS_STUCK_AFTER_SECONDS", 300)
NOTIFICATIONS_SUBSCRIBE_PER_ADDRESS = env_int("NOTIFICATIONS_SUBSCRIBE_PER_ADDRESS", 10)
NOTIFICATIONS_API_PER_MINUTE = env_int("NOTIFICATIONS_API_PER_MINUTE", 60)
NOTIFICATIONS_API_PER_DAY = env_int("NOTIFICATIONS_API_PER_DAY", 5000)

# Uploaded media served by Django itself: for a single-machine deployment only;
# at scale, a proxy or object storage serves MEDIA_URL.
SERVE_MEDIA = env_bool("SERVE_MEDIA")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
