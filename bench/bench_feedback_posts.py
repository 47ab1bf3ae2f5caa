"""Feedback posts per second through a real server, against two limits.

Starts gunicorn (production settings, DEBUG off) on a free port over a fresh
database, posts feedback from concurrent clients as the widget does with
JavaScript (Origin header, JSON answer), and compares the accepted posts per
second with a bare Django view answering a POST through the same middleware
(alternating rounds; the figure the page's goal is set on: at least 0.5), and
with plain single-row INSERTs into the same table from as many clients. The
server's CPU per post is reported beside the rates.

    python bench/bench_feedback_posts.py            # about two minutes
    python bench/bench_feedback_posts.py --quick

The database is a temporary SQLite file, or, when DATABASE_URL names a PostgreSQL
server, a temporary database on it; both are removed at the end.
"""

import http.client
import statistics
import threading
import time
from urllib.parse import urlencode

from harness import HOST, ROUNDS, Site, common_facts, main, server_cpu_seconds

CLIENTS = 8
BARE_POST = "/bench/bare-post/"
COMMENT = "Le formulaire est clair, mais la page de paiement est lente. " * 4

# One service to post about.
SEED_SERVICE = """
import json
from home.models import Organization
from feedback.models import Service
from wagtail.models import Locale
fr = Locale.objects.get(language_code="fr")
org = Organization.objects.create(name="Banc", slug="banc", locale=fr)
service = Service.objects.create(name="Banc", slug="banc", organization=org, locale=fr)
print(json.dumps({"service": service.pk}))
"""


def run_clients(seconds, work):
    """Run `work(stop_at)` in CLIENTS threads; returns (count, latencies)."""
    results, threads = [], []
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def client():
        latencies = work(stop_at)
        with lock:
            results.extend(latencies)

    for _index in range(CLIENTS):
        thread = threading.Thread(target=client)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return len(results), results


def post_feedback(port, service_id, path="/fr/retroaction/envoyer/"):
    body = urlencode(
        {"service": service_id, "found": "no", "rating": "3", "comment": COMMENT}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Origin": f"http://{HOST}:{port}",
        "Sec-Fetch-Site": "same-origin",
    }

    def work(stop_at):
        latencies = []
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"post refused: {response.status}")
            latencies.append(time.perf_counter() - started)
        connection.close()
        return latencies

    return work


def plain_inserts(database):
    placeholder = "%s" if database.postgres else "?"
    statement = (
        "INSERT INTO feedback_feedbackentry (created_at, language, path, found, "  # noqa: S608
        "rating, comment, suggestion, urgency, status, internal_note) VALUES ("
        + ", ".join([placeholder] * 10)
        + ")"
    )

    def work(stop_at):
        latencies = []
        connection = database.connect()
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.execute(
                statement,
                (
                    time.strftime("%Y-%m-%d %H:%M:%S+00:00", time.gmtime()),
                    "fr",
                    "/fr/",
                    False,
                    3,
                    COMMENT,
                    "",
                    "",
                    "new",
                    "",
                ),
            )
            latencies.append(time.perf_counter() - started)
        connection.close()
        return latencies

    return work


def _per_request(seconds, count):
    return round(1000 * seconds / count, 3) if count else None


def milliseconds(latencies, fraction):
    ordered = sorted(latencies)
    return round(1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 2)


def figures(count, latencies, seconds):
    return {
        "per_second": round(count / seconds, 1),
        "median_ms": round(1000 * statistics.median(latencies), 2),
        "p99_ms": milliseconds(latencies, 0.99),
        "count": count,
    }


def run(quick=False):
    seconds = 5 if quick else 20
    with Site("feedback") as site:
        # The rate limit is counted as in production, but never reached here.
        site.env["FEEDBACK_POSTS_PER_ADDRESS"] = str(10**9)
        service_id = site.prepare(SEED_SERVICE)["service"]
        site.start()
        run_clients(1, post_feedback(site.port, service_id))  # warm the workers up
        work = post_feedback(site.port, service_id)
        bare = post_feedback(site.port, service_id, BARE_POST)
        run_clients(1, bare)
        # The post and its limit in alternating rounds (the machine's load
        # changes under the run): a bare view through the same middleware.
        share = max(1, round(seconds / ROUNDS))
        cpu = {"posts": 0.0, "bare": 0.0}
        counted = {"posts": [0, []], "bare": [0, []]}
        for _round in range(ROUNDS):
            for name, client in (("posts", work), ("bare", bare)):
                before = server_cpu_seconds(site)
                count, latencies = run_clients(share, client)
                cpu[name] += server_cpu_seconds(site) - before
                counted[name][0] += count
                counted[name][1].extend(latencies)
        posts = figures(*counted["posts"], share * ROUNDS)
        limit = figures(*counted["bare"], share * ROUNDS)
        inserts = figures(*run_clients(seconds, plain_inserts(site.database)), seconds)
        facts = common_facts(site, seconds)
        memory = site.peak_memory_mb()
    facts.update(connections=CLIENTS, load_generator="python-threads")
    return {
        "scenario": "feedback posts through the server vs plain INSERT",
        **facts,
        "rows": [
            {
                "figure": "feedback posts",
                "requests_per_second": posts["per_second"],
                "median_ms": posts["median_ms"],
                "p99_ms": posts["p99_ms"],
                "not_ok": 0,
                "limit": "plain INSERT of the same row",
                "limit_requests_per_second": inserts["per_second"],
                "limit_median_ms": inserts["median_ms"],
                "limit_p99_ms": inserts["p99_ms"],
                "ratio": round(posts["per_second"] / inserts["per_second"], 3),
            },
            {
                "figure": "feedback posts",
                "requests_per_second": posts["per_second"],
                "median_ms": posts["median_ms"],
                "p99_ms": posts["p99_ms"],
                "not_ok": 0,
                "cpu_ms_per_request": _per_request(cpu["posts"], posts["count"]),
                "limit": "bare Django POST view, same middleware",
                "limit_requests_per_second": limit["per_second"],
                "limit_median_ms": limit["median_ms"],
                "limit_p99_ms": limit["p99_ms"],
                "limit_cpu_ms_per_request": _per_request(cpu["bare"], limit["count"]),
                "ratio": round(posts["per_second"] / limit["per_second"], 3),
            },
        ],
        "server_peak_memory_mb": memory,
    }


if __name__ == "__main__":
    main(run)
