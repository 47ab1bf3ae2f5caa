"""Bulk never delays normal: with one worker per queue, as in production, a
normal-priority reminder queued behind a backlog of bulk deliveries is sent at
once, while the backlog is still being worked through.

300 bulk SMS deliveries go to `notifications-bulk`, served by one worker process
against a provider that takes 50 ms per message (a backlog of 15 s at least);
once that lane is busy, one normal reminder goes to `notifications`, served by a
worker of its own. Reports how long the reminder took, worker start included,
and how many bulk deliveries were still waiting when it was sent.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/numeriqc_notifications \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/priority_lanes_notifications.py
"""

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _notifications_harness import Harness, make_deliveries, wait_until  # noqa: E402

BULK = 300


def run(bulk=BULK):
    with tempfile.TemporaryDirectory() as workdir:
        harness = Harness(workdir, provider_delay=0.05, concurrency=1)
        harness.start()
        try:
            return _run(harness, bulk)
        finally:
            harness.stop()


def _run(harness, bulk):
    from notifications import services
    from notifications.models import Delivery

    bulk_ids = make_deliveries(bulk, priority="bulk")
    services.queue(bulk_ids)
    harness.start_worker(queues="notifications-bulk")
    sent = Delivery.objects.filter(status=Delivery.Status.SENT)
    lane_busy = wait_until(lambda: sent.count() >= 5, timeout=120)
    [reminder] = make_deliveries(1, priority="normal")
    started = time.monotonic()
    services.queue([reminder])
    harness.start_worker(queues="notifications")
    done = wait_until(lambda: sent.filter(pk=reminder).exists(), 120, interval=0.05)
    seconds = time.monotonic() - started
    waiting = Delivery.objects.filter(pk__in=bulk_ids).exclude(
        status=Delivery.Status.SENT
    )
    return {
        "bulk_deliveries": bulk,
        "bulk_lane_busy_before": lane_busy,
        "normal_sent": done,
        "normal_seconds_with_worker_start": round(seconds, 2),
        "bulk_still_waiting_when_normal_sent": waiting.count(),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
