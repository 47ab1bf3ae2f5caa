"""Periodic tasks of the feedback tool, collected into CELERY_BEAT_SCHEDULE by
settings."""

from celery.schedules import crontab

SCHEDULE = {
    "feedback-digests": {
        "task": "feedback.tasks.send_due_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    "feedback-retention": {
        "task": "feedback.tasks.remove_expired_feedback_text",
        "schedule": crontab(hour=3, minute=30),
    },
}
