from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: Periodic tasks, added to CELERY_BEAT_SCHEDULE (a project setting wins).
BEAT_SCHEDULE = {
    "notifications-dispatch": {
        "task": "notifications.tasks.dispatch_due_deliveries",
        "schedule": 60.0,
    },
    "notifications-purge": {
        "task": "notifications.tasks.purge_personal_data",
        "schedule": 24 * 3600.0,
    },
}


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.conf import settings

        schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
        if isinstance(schedule, dict):
            for name, entry in BEAT_SCHEDULE.items():
                schedule.setdefault(name, entry)
        _filesystem_broker_folders(settings)


def _filesystem_broker_folders(settings):
    """kombu's filesystem transport (the broker of `make run`) needs one folder
    that producers write to and workers read from: .celery-broker/ (git-ignored)."""
    if not str(getattr(settings, "CELERY_BROKER_URL", "")).startswith("filesystem:"):
        return
    if getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None):
        return
    folder = Path(getattr(settings, "DATA_DIR", settings.BASE_DIR)) / ".celery-broker"
    for sub in ("messages", "processed", "control"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(folder / "messages"),
        "data_folder_out": str(folder / "messages"),
        "processed_folder": str(folder / "processed"),
        "control_folder": str(folder / "control"),
    }
