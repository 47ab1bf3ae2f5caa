"""Settings of the notification platform, each with a default and an environment
variable; a project setting of the same name wins."""

import os
import tempfile
from pathlib import Path

from django.conf import settings


def _get(name, default, cast=str):
    if hasattr(settings, name):
        return getattr(settings, name)
    value = os.environ.get(name)
    return default if value is None else cast(value)


def sms_backend():
    return _get("NOTIFICATIONS_SMS_BACKEND", "notifications.channels.sms.FileBackend")


def sms_file_path():
    return _get(
        "NOTIFICATIONS_SMS_FILE_PATH",
        str(Path(tempfile.gettempdir()) / "numeriqc-sms.jsonl"),
    )


def sms_http_url():
    return _get("NOTIFICATIONS_SMS_HTTP_URL", "")


def sms_http_token():
    return _get("NOTIFICATIONS_SMS_HTTP_TOKEN", "")


def sms_http_timeout():
    return _get("NOTIFICATIONS_SMS_HTTP_TIMEOUT", 10.0, float)


def sms_inbound_token():
    return _get("NOTIFICATIONS_SMS_INBOUND_TOKEN", "")


def retention_days():
    return _get("NOTIFICATIONS_RETENTION_DAYS", 7, int)


def max_attempts():
    return _get("NOTIFICATIONS_MAX_ATTEMPTS", 5, int)


def retry_base_seconds():
    return _get("NOTIFICATIONS_RETRY_BASE_SECONDS", 30, int)


def stuck_after_seconds():
    return _get("NOTIFICATIONS_STUCK_AFTER_SECONDS", 300, int)


def subscribe_limit():
    return _get("NOTIFICATIONS_SUBSCRIBE_PER_ADDRESS", 10, int)


def default_per_minute():
    return _get("NOTIFICATIONS_API_PER_MINUTE", 60, int)


def default_per_day():
    return _get("NOTIFICATIONS_API_PER_DAY", 5000, int)


def sms_quiet_hours():
    return _get("NOTIFICATIONS_SMS_QUIET_HOURS", "21:00-08:00")
