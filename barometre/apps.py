from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

BEAT_SCHEDULE = {
    "barometre-snapshots": {
        "task": "barometre.tasks.snapshot_computed_indicators",
        "schedule": {"hour": 2, "minute": 15},
    },
    "barometre-editions": {
        "task": "barometre.tasks.publish_quarterly_edition",
        "schedule": {
            "hour": 3,
            "minute": 0,
            "day_of_month": 1,
            "month_of_year": "1,4,7,10",
        },
    },
}


class BarometreConfig(AppConfig):
    name = "barometre"
    verbose_name = _("Baromètre numériQc")

    def ready(self):
        from celery.schedules import crontab
        from django.conf import settings

        # The app brings its own beat entries, so that the schedule lives with the
        # tasks; settings may override one by declaring the same name.
        schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
        if schedule is None:
            schedule = settings.CELERY_BEAT_SCHEDULE = {}
        for name, entry in BEAT_SCHEDULE.items():
            schedule.setdefault(
                name, {"task": entry["task"], "schedule": crontab(**entry["schedule"])}
            )
