"""Every setting .env.example lists can be set from the environment or a `.env`
file, and the production server refuses a setup that would serve stale pages.

Each case runs Django in a process of its own, with the environment an operator
would give it: nothing of ours is patched.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Engine-independent and made of process start-ups: once per CI run (Makefile).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"
# Read by something other than the settings module (the notification platform's
# own settings, the web server, the health check) or chosen before it.
READ_ELSEWHERE = {
    "DJANGO_SETTINGS_MODULE": "manage.py",
    "PORT": "numeriqc/gunicorn_conf.py",
    "WEB_CONCURRENCY": "numeriqc/gunicorn_conf.py",
    "GUNICORN_THREADS": "numeriqc/gunicorn_conf.py",
    "DEMO_ADMIN_PASSWORD": "home/demo.py",
    "DB_CONN_MAX_AGE": "DATABASES['default']['CONN_MAX_AGE']",
}
SETTINGS_SCRIPT = (
    "import json, django; django.setup(); from django.conf import settings;"
    "names = json.loads(input());"
    "print(json.dumps({n: str(getattr(settings, n, None)) for n in names}))"
)


def listed_variables():
    """NAME=value lines of .env.example, commented-out ones included."""
    found = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^#?\s?([A-Z][A-Z0-9_]+)=(.*)$", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def settings_of(names, env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in names
        and key not in {"DATABASE_URL", "REDIS_URL", "PYTEST_XDIST_WORKER", "PORT"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="numeriqc.settings.dev", **env)
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_SCRIPT],
        cwd=ROOT,
        env=environment,
        input=json.dumps(sorted(names)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_numeric_setting_listed_in_env_example_is_read_from_the_environment():
    numeric = {
        name: int(value)
        for name, value in listed_variables().items()
        if value.isdigit()
        and name not in READ_ELSEWHERE
        and not name.startswith("NOTIFICATIONS_")
    }
    # The limits README and docs/ name, among others.
    for name in ("LAB_RETENTION_DAYS", "CONSULTATION_POSTS_PER_ADDRESS"):
        assert name in numeric
    assert "VITRINE_SUBMISSIONS_PER_ADDRESS" in numeric
    changed = {name: str(value + 7) for name, value in numeric.items()}
    # Compared as numbers: a setting may be a float (PAGE_CACHE_LOCAL_SECONDS, 8.0).
    read = settings_of(changed, changed)
    assert {name: float(value) for name, value in read.items()} == {
        name: float(value) for name, value in changed.items()
    }


def test_every_variable_in_env_example_is_read_somewhere():
    sources = "\n".join(
        path.read_text()
        for pattern in ("*/settings/*.py", "*/conf.py", "numeriqc/*.py", "home/*.py")
        for path in ROOT.glob(pattern)
    )
    unread = [
        name
        for name in listed_variables()
        # dj_database_url.config() reads DATABASE_URL itself.
        if name != "DATABASE_URL"
        and f'"{name}"' not in sources
        and f"'{name}'" not in sources
    ]
    assert unread == []


def test_a_dotenv_file_is_read_and_the_real_environment_wins(tmp_path):
    dotenv = tmp_path / "numeriqc.env"
    dotenv.write_text(
        "# an operator's file\n"
        "LAB_POSTS_PER_ADDRESS=3\n"
        'SITE_URL="https://numeriqc.example"\n'
        "VITRINE_SUBMISSIONS_PER_ADDRESS=9\n"
    )
    found = settings_of(
        ["LAB_POSTS_PER_ADDRESS", "SITE_URL", "VITRINE_SUBMISSIONS_PER_ADDRESS"],
        {"ENV_FILE": str(dotenv), "VITRINE_SUBMISSIONS_PER_ADDRESS": "2"},
    )
    assert found == {
        "LAB_POSTS_PER_ADDRESS": "3",
        "SITE_URL": "https://numeriqc.example",
        "VITRINE_SUBMISSIONS_PER_ADDRESS": "2",
    }


def test_the_site_url_follows_the_port_the_server_is_given():
    found = settings_of(["SITE_URL", "WAGTAILADMIN_BASE_URL"], {"PORT": "8101"})
    assert found == {
        "SITE_URL": "http://127.0.0.1:8101",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8101",
    }


def test_the_data_directory_holds_what_the_process_writes(tmp_path):
    found = settings_of(["DATABASES", "MEDIA_ROOT"], {"DATA_DIR": str(tmp_path)})
    assert f"'NAME': '{tmp_path / 'db.sqlite3'}'" in found["DATABASES"]
    assert found["MEDIA_ROOT"] == str(tmp_path / "media")


def _gunicorn(env, tmp_path):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "numeriqc.settings.production",
        "SECRET_KEY": "gunicorn-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "DATA_DIR": str(tmp_path),
        "PORT": "0",
        **env,
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    return subprocess.run(
        [str(gunicorn), "--config", "python:numeriqc.gunicorn_conf", "--check-config"]
        + ["numeriqc.wsgi:application"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_several_web_workers_without_redis_are_refused(tmp_path):
    refused = _gunicorn({"WEB_CONCURRENCY": "3"}, tmp_path)
    assert refused.returncode != 0
    assert "will not start 3 gunicorn workers without REDIS_URL" in refused.stderr

    one = _gunicorn({"WEB_CONCURRENCY": "1"}, tmp_path)
    assert one.returncode == 0, one.stderr[-2000:]
    shared = _gunicorn(
        {"WEB_CONCURRENCY": "3", "REDIS_URL": "redis://127.0.0.1:9/0"}, tmp_path
    )
    assert shared.returncode == 0, shared.stderr[-2000:]
