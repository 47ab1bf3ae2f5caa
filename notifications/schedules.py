"""Periodic tasks of the notification platform, collected into CELERY_BEAT_SCHEDULE
by settings."""

SCHEDULE = {
    "notifications-dispatch": {
        "task": "notifications.tasks.dispatch_due_deliveries",
        "schedule": 60.0,
    },
    "notifications-purge": {
        "task": "notifications.tasks.purge_personal_data",
        "schedule": 24 * 3600.0,
    },
}
