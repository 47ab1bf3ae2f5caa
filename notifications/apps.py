from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.conf import settings

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
