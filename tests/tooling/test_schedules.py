"""One way to declare a periodic task: `<app>/schedules.py`, collected by settings."""

import ast
import importlib
from pathlib import Path

from celery import Task
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _task(dotted):
    module, _dot, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _beat_tasks_in_code():
    """Tasks whose docstring says they run on the beat: "Daily (beat): …"."""
    found = set()
    for path in ROOT.glob("**/tasks.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.parse(path.read_text()).body:
            docstring = isinstance(node, ast.FunctionDef) and ast.get_docstring(node)
            if docstring and "(beat)" in docstring.split("\n")[0]:
                found.add(f"{module}.{node.name}")
    return found


def test_every_scheduled_task_is_importable_and_a_celery_task():
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert isinstance(_task(entry["task"]), Task), name
        assert entry["schedule"], name


def test_every_task_said_to_run_on_the_beat_is_scheduled():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    beat_tasks = _beat_tasks_in_code()
    assert "consultation.lab.tasks.expire_panel_members" in beat_tasks
    assert beat_tasks <= scheduled


def test_every_app_schedule_reaches_the_settings():
    for app in settings.DOMAIN_APPS:
        if (ROOT / app / "schedules.py").exists():
            declared = importlib.import_module(f"{app}.schedules").SCHEDULE
            assert declared.items() <= settings.CELERY_BEAT_SCHEDULE.items(), app


def test_no_other_place_writes_the_beat_schedule():
    """Not AppConfig.ready(), not a task module at import: only schedules.py."""
    offenders = []
    for path in ROOT.glob("**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "tests", "bench"} or path.name == "schedules.py":
            continue
        text = path.read_text()
        if "beat_schedule" in text and parts[:2] != ("numeriqc", "settings"):
            offenders.append(str(path))
        if "CELERY_BEAT_SCHEDULE" in text and parts[:2] != ("numeriqc", "settings"):
            offenders.append(str(path))
    assert offenders == []
