"""Health check, production settings and security headers.

The failure cases run Django in a separate process with a broken configuration:
nothing of our own is patched, the database or cache is really unreachable.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

HEALTH_SCRIPT = (
    "import django; django.setup();"
    "from django.test import Client;"
    "r = Client().get('/healthz/');"
    "print(r.status_code, r.content.decode())"
)


def run_django(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_health_check_answers_when_database_and_cache_answer(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_reports_a_database_that_is_down():
    result = run_django(
        HEALTH_SCRIPT,
        DJANGO_SETTINGS_MODULE="numeriqc.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/unreachable",
    )
    assert result.stdout.startswith("503"), result.stderr[-2000:]
    assert '"database": "unavailable"' in result.stdout
    assert '"cache": "ok"' in result.stdout


def test_health_check_reports_a_cache_that_is_down():
    result = run_django(
        HEALTH_SCRIPT,
        DJANGO_SETTINGS_MODULE="numeriqc.settings.test",
        DATABASE_URL=f"sqlite:///{PROJECT / 'unused-healthcheck.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:9/0",
    )
    Path(PROJECT / "unused-healthcheck.sqlite3").unlink(missing_ok=True)
    assert result.stdout.startswith("503"), result.stderr[-2000:]
    assert '"cache": "unavailable"' in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "numeriqc.example"}
    del env[missing]
    result = run_django(
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="numeriqc.settings.production",
        **env,
    )
    assert result.returncode != 0
    assert f"the environment variable {missing} is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_passes_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "numeriqc.settings.production",
            "SECRET_KEY": "production-grade-secret-key-long-and-random-4f9c2e7b1d-8a6f",
            "ALLOWED_HOSTS": "numeriqc.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_carry_strict_security_headers(client, site_tree):
    response = client.get("/fr/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_and_set_no_cookie(client, site_tree):
    response = client.get("/fr/")
    html = response.text
    assert "<script>" not in html and "<script >" not in html
    assert "onclick=" not in html
    assert not response.cookies
