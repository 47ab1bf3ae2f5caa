"""Nothing the project loads at start-up uses an API Django 6 removes: each
start-up (every test stage, every `manage.py` command) ran with a
RemovedInDjango60Warning until it was settled."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (
    "import warnings, django;"
    "from django.utils.deprecation import RemovedInDjango60Warning as W;"
    "warnings.simplefilter('error', W);"
    "django.setup();"
    "import numeriqc.urls;"
    "from django.core.management import call_command;"
    "call_command('check', verbosity=0)"
)


def test_start_up_raises_no_django_6_deprecation():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "numeriqc.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
