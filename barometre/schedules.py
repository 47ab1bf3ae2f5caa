"""Periodic tasks of the Baromètre, collected into CELERY_BEAT_SCHEDULE by settings."""

from celery.schedules import crontab

SCHEDULE = {
    "barometre-snapshots": {
        "task": "barometre.tasks.snapshot_computed_indicators",
        "schedule": crontab(hour=2, minute=15),
    },
    "barometre-editions": {
        "task": "barometre.tasks.publish_quarterly_edition",
        "schedule": crontab(hour=3, minute=0, day_of_month=1, month_of_year="1,4,7,10"),
    },
}
