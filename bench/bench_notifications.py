"""Deliveries per second through a real Celery worker on the Redis broker, to the
local fake SMS provider, against a no-op Celery task on the same broker and worker.

Each delivery re-reads its row, checks consent, claims it (conditional UPDATE),
calls the provider over HTTP and records the result; the no-op task is the limit
the broker and the worker impose on their own.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/numeriqc_notifications \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/bench_notifications.py [--quick]
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _notifications_harness import (  # noqa: E402
    DEFAULT_BROKER,
    DEFAULT_DATABASE,
    Harness,
    make_deliveries,
    wait_until,
)
from harness import unreachable  # noqa: E402

CONCURRENCY = 4


def run(quick=False):
    reason = unreachable(
        postgres=os.environ.get("DATABASE_URL", DEFAULT_DATABASE),
        redis=os.environ.get("CELERY_BROKER_URL", DEFAULT_BROKER),
    )
    if reason:
        return {"skipped": reason}
    count = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as workdir:
        harness = Harness(workdir, concurrency=CONCURRENCY)
        harness.start()
        try:
            harness.start_worker()
            _warm_up(harness)
            noop = _noop_rate(harness, count)
            deliveries = _delivery_rate(count)
        finally:
            harness.stop()
    return {
        "tasks": count,
        "worker_concurrency": CONCURRENCY,
        "noop_tasks_per_second": round(noop, 1),
        "deliveries_per_second": round(deliveries, 1),
        "ratio": round(deliveries / noop, 3),
        "ratios": [
            {
                "figure": "SMS deliveries per second (Celery, fake provider)",
                "measured": round(deliveries, 1),
                "limit": f"no-op tasks/s {round(noop, 1)}",
                "ratio": round(deliveries / noop, 3),
            }
        ],
    }


def _warm_up(harness):
    from notifications.tasks import noop

    for _ in range(CONCURRENCY * 2):
        noop.apply_async(queue="notifications")
    wait_until(lambda: harness.broker_backlog() == 0, timeout=60)


def _noop_rate(harness, count):
    from notifications.tasks import noop

    started = time.monotonic()
    for n in range(count):
        noop.apply_async((n,), queue="notifications")
    wait_until(lambda: harness.broker_backlog() == 0, timeout=300, interval=0.05)
    return count / (time.monotonic() - started)


def _delivery_rate(count):
    from notifications import services
    from notifications.models import Delivery

    ids = make_deliveries(count)
    sent = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENT)
    started = time.monotonic()
    services.queue(ids)
    wait_until(lambda: sent.count() == count, timeout=600, interval=0.05)
    return count / (time.monotonic() - started)


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
