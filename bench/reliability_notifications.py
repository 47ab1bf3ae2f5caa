"""Reliability of sending: 1,000 SMS deliveries through a real Celery worker on the
Redis broker to the local fake provider, the worker killed with SIGKILL three
times during the run and restarted.

Reports deliveries lost (must be 0) and duplicates seen by the provider (0 for a
kill outside a provider call; at most one per delivery in flight at a kill).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/numeriqc_notifications \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/reliability_notifications.py [--quick]
"""

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _notifications_harness import Harness, make_deliveries, wait_until  # noqa: E402


def run(quick=False):
    total = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as workdir:
        harness = Harness(workdir, provider_delay=0.02, concurrency=4)
        harness.start()
        try:
            return _run(harness, total)
        finally:
            harness.stop()


def _run(harness, total):
    from notifications import services, tasks
    from notifications.models import Delivery

    ids = make_deliveries(total)
    services.queue(ids)
    harness.start_worker()
    sent = Delivery.objects.filter(status=Delivery.Status.SENT)
    kills = []
    started = time.monotonic()
    for share in (0.25, 0.5, 0.75):
        wait_until(lambda share=share: sent.count() >= total * share, timeout=300)
        harness.kill_worker()
        in_flight = Delivery.objects.filter(status=Delivery.Status.SENDING).count()
        kills.append({"after_sent": sent.count(), "in_flight_at_kill": in_flight})
        time.sleep(0.5)
        harness.start_worker()

    def finished():
        tasks.dispatch_due_deliveries.delay()  # what beat does every minute
        return sent.count() == total

    done = wait_until(finished, timeout=300, interval=2)
    elapsed = time.monotonic() - started
    harness.stop_worker()
    received = Counter(harness.provider_references())
    expected = {f"delivery-{pk}" for pk in ids}
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    return {
        "deliveries": total,
        "finished": done,
        "seconds": round(elapsed, 1),
        "kills": kills,
        "statuses": dict(statuses),
        "lost": len(expected - set(received)),
        "not_sent_in_database": total - statuses.get("sent", 0),
        "duplicates_at_provider": sum(n - 1 for n in received.values() if n > 1),
        "allowed_duplicates": sum(k["in_flight_at_kill"] for k in kills),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
