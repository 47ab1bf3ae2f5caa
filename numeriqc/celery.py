"""Celery application. Without CELERY_BROKER_URL, tasks run eagerly (see settings)."""

import os
import sys
from pathlib import Path

from celery import Celery


def _is_the_celery_command():
    program = Path(sys.argv[0] if sys.argv else "")
    return "celery" in (program.name, program.parent.name)


# The `celery` command (the worker of `make run`) defaults to dev settings, as
# manage.py does. Anything else that imports this package, a web server through
# numeriqc.wsgi or asgi first of all, gets no default here: those entry points
# default to production settings.
if _is_the_celery_command():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "numeriqc.settings.dev")

app = Celery("numeriqc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
