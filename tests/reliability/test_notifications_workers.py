"""Sending through real Celery worker processes on the Redis broker, a throw-away
PostgreSQL database and the fake provider on 127.0.0.1 (bench/_notifications_
harness.py). `make test` runs this folder in a stage of its own, after the rest:
it needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in CI, and is skipped
without them (on SQLite).

The harness keeps to what those URLs name: a copy of the migrated template database
named after DATABASE_URL's, and broker keys under a prefix of its own in REDIS_URL's
database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def broker():
    """REDIS_URL's own database (the harness prefixes its keys)."""
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)")
    return redis_url


@pytest.fixture(scope="module", autouse=True)
def migrated_template(request):
    """Built here, where its progress reaches the terminal, before the scripts
    that copy it."""
    from tests import database_templates

    broker()
    say = database_templates.Progress(database_templates.pytest_writer(request.config))
    database_templates.PostgresTemplates(os.environ["DATABASE_URL"], say).migrated()


def run(script):
    """The script's JSON report (it prints nothing else on stdout)."""
    result = subprocess.run(  # noqa: S603 (our own script, our own interpreter)
        [sys.executable, f"bench/{script}"],
        cwd=ROOT,
        env={**os.environ, "CELERY_BROKER_URL": broker()},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout)
    print(f"\n{script}: {json.dumps(report)}")  # noqa: T201 (the figures, in CI's log)
    return report


def test_a_bulk_backlog_never_delays_a_normal_reminder():
    report = run("priority_lanes_notifications.py")
    assert report["bulk_lane_busy_before"]
    assert report["normal_sent"]
    # Had the reminder shared the bulk lane, it would have gone out after all 300.
    assert report["bulk_still_waiting_when_normal_sent"] > 0


def test_a_worker_killed_three_times_loses_nothing():
    report = run("reliability_notifications.py")
    assert report["finished"]
    assert len(report["kills"]) == 3
    assert report["lost"] == 0
    assert report["not_sent_in_database"] == 0
    # At most one repeat per delivery that was inside the provider call at a kill.
    assert report["duplicates_at_provider"] <= report["allowed_duplicates"]
