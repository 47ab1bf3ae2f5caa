"""Periodic tasks of the user-testing lab (merged into consultation's schedule
until the lab is an app of its own)."""

from celery.schedules import crontab

SCHEDULE = {
    "lab-panel-retention": {
        "task": "consultation.lab.tasks.expire_panel_members",
        "schedule": crontab(hour=3, minute=45),
    },
}
