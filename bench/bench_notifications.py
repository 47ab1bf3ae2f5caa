"""Deliveries per second through a real Celery worker on the Redis broker, to the
local fake SMS provider, against a no-op Celery task on the same broker and worker.

Each task claims its delivery with the due deliveries of its lane queued beside it
(one UPDATE), checks consent, calls the provider over a kept-alive HTTP connection
and records the results (one UPDATE); the no-op task is the limit the broker and
the worker impose on their own. Both are timed in 3 alternating rounds; the ratio
is the median of the rounds' ratios.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/numeriqc_notifications \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/bench_notifications.py [--quick]
"""

import json
import os
import statistics
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
ROUNDS = 3


def run(quick=False):
    reason = unreachable(
        postgres=os.environ.get("DATABASE_URL", DEFAULT_DATABASE),
        redis=os.environ.get("CELERY_BROKER_URL", DEFAULT_BROKER),
    )
    if reason:
        return {"skipped": reason}
    count = 200 if quick else 1000
    rounds = []
    with tempfile.TemporaryDirectory() as workdir:
        harness = Harness(workdir, concurrency=CONCURRENCY)
        harness.start()
        try:
            harness.start_worker()
            _warm_up(harness)
            # Alternating rounds: a machine busy with something else slows both.
            for _ in range(ROUNDS):
                noop = _noop_rate(harness, count // ROUNDS)
                deliveries = _delivery_rate(count // ROUNDS)
                rounds.append((noop, deliveries))
        finally:
            harness.stop()
    noop = statistics.median(n for n, _d in rounds)
    deliveries = statistics.median(d for _n, d in rounds)
    ratio = statistics.median(d / n for n, d in rounds)
    return {
        "tasks": count,
        "worker_concurrency": CONCURRENCY,
        "load_average": os.getloadavg(),
        "noop_tasks_per_second": round(noop, 1),
        "deliveries_per_second": round(deliveries, 1),
        "ratio": round(ratio, 3),
        "rounds": [round(d / n, 3) for n, d in rounds],
        "ratios": [
            {
                "figure": "SMS deliveries per second (Celery, fake provider)",
                "measured": round(deliveries, 1),
                "limit": f"no-op tasks/s {round(noop, 1)}",
                "ratio": round(ratio, 3),
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
