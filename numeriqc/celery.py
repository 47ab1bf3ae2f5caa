"""Celery application. Without CELERY_BROKER_URL, tasks run eagerly (see settings)."""

import os
import sys
from pathlib import Path

from celery import Celery, signals


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


@signals.task_prerun.connect
@signals.task_postrun.connect
def _close_old_connections(**kwargs):
    """What Django does around a request: drop a connection that is broken, in a
    failed transaction or past CONN_MAX_AGE; keep a sound one (CELERY_DB_REUSE_MAX
    stops Celery from closing every connection around every task)."""
    from django.db import close_old_connections

    request = getattr(kwargs.get("task"), "request", None)
    if not getattr(request, "is_eager", False):
        close_old_connections()
