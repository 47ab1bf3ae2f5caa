"""Periodic tasks of consultations (and of the lab inside it), collected into
CELERY_BEAT_SCHEDULE by settings."""

from celery.schedules import crontab

from .lab.schedules import SCHEDULE as LAB_SCHEDULE

SCHEDULE = {
    "consultation-retention": {
        "task": "consultation.tasks.forget_expired_personal_data",
        "schedule": crontab(hour=3, minute=45),
    },
    "consultation-announcements": {
        "task": "consultation.tasks.announce_consultations",
        "schedule": crontab(minute=5),
    },
    **LAB_SCHEDULE,
}
