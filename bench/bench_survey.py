"""Survey answers through a real server, against a bare POST view.

8 Python clients answer the demo's open two-page survey as new visitors, again
and again: the page (GET, its CSRF cookie), each page's POST with the token, the
redirect to the next page and to the thanks. The figure is the rate of those
requests against a bare Django view answering a POST through the same
middleware (`/bench/bare-post/`), in alternating rounds; answers completed per
second and the server's CPU per request are reported beside it.

    python bench/bench_survey.py            # about two minutes
    python bench/bench_survey.py --quick
"""

import time
from collections import Counter

from bench_feedback_posts import BARE_POST, SEED_SERVICE, post_feedback, run_clients
from bench_wave import SEED_SURVEY, Browser, FormFields
from harness import (
    ROUNDS,
    Site,
    common_facts,
    main,
    seed_site,
    server_cpu_seconds,
)

CLIENTS = 8


def answer_counting(port, path, counts):
    """One visitor answers every page; counts its requests and the outcome."""
    browser = Browser(port, path)
    try:
        response, html = browser.request("GET", path)
        counts["requests"] += 1
        for _step in range(4):
            form = FormFields()
            form.feed(html)
            response, html = browser.request("POST", path, _encoded(form.fields))
            counts["requests"] += 1
            if response.status == 302:
                location = response.getheader("Location")
                response, html = browser.request("GET", location)
                counts["requests"] += 1
                if "thanks" in location:
                    counts["answers"] += 1
                    return
            elif response.status != 200:
                counts["refused"] += 1
                return
        counts["unfinished"] += 1
    finally:
        browser.close()


def _encoded(fields):
    from urllib.parse import urlencode

    return urlencode(fields)


def answering(port, path, counts):
    def work(stop_at):
        started = []
        while time.monotonic() < stop_at:
            started.append(time.perf_counter())
            answer_counting(port, path, counts)
        return started

    return work


def run(quick=False):
    seconds = 6 if quick else 24
    with Site("survey") as site:
        site.env["FEEDBACK_POSTS_PER_ADDRESS"] = str(10**9)
        site.env["CONSULTATION_POSTS_PER_ADDRESS"] = str(10**9)
        seed_site(site)  # the home pages the consultations live under
        service_id = site.prepare(SEED_SERVICE)["service"]
        path = site.prepare(SEED_SURVEY)["survey"]
        site.start()
        warm = Counter()
        run_clients(1, answering(site.port, path, warm))
        bare = post_feedback(site.port, service_id, BARE_POST)
        run_clients(1, bare)
        share = max(1, round(seconds / ROUNDS))
        counts, cpu, bare_count, rounds = Counter(), {"survey": 0.0, "bare": 0.0}, 0, []
        for _round in range(ROUNDS):
            before_requests = counts["requests"]
            before = server_cpu_seconds(site)
            run_clients(share, answering(site.port, path, counts))
            cpu["survey"] += server_cpu_seconds(site) - before
            before = server_cpu_seconds(site)
            done, _latencies = run_clients(share, bare)
            cpu["bare"] += server_cpu_seconds(site) - before
            bare_count += done
            survey_rate = (counts["requests"] - before_requests) / share
            rounds.append(round(survey_rate / (done / share), 3) if done else None)
        facts = common_facts(site, seconds)
        memory = site.peak_memory_mb()
    elapsed = share * ROUNDS
    facts.update(connections=CLIENTS, load_generator="python-threads")
    measured = sorted(ratio for ratio in rounds if ratio is not None)
    return {
        "scenario": "survey answers (two pages, 8 clients) vs a bare POST view",
        **facts,
        "survey": path,
        "answers": counts["answers"],
        "answers_per_second": round(counts["answers"] / elapsed, 2),
        "refused": counts["refused"],
        "unfinished": counts["unfinished"],
        "rows": [
            {
                "figure": "survey answering requests (GET, POSTs, redirects)",
                "requests_per_second": round(counts["requests"] / elapsed, 1),
                # A journey mixes GETs and POSTs: no latency of its own here.
                "median_ms": None,
                "p99_ms": None,
                "limit_median_ms": None,
                "limit_p99_ms": None,
                "not_ok": counts["refused"],
                "cpu_ms_per_request": _per_request(cpu["survey"], counts["requests"]),
                "limit": "bare Django POST view, same middleware",
                "limit_requests_per_second": round(bare_count / elapsed, 1),
                "limit_cpu_ms_per_request": _per_request(cpu["bare"], bare_count),
                "round_ratios": rounds,
                "ratio": measured[len(measured) // 2] if measured else None,
            }
        ],
        "server_peak_memory_mb": memory,
    }


def _per_request(seconds, count):
    return round(1000 * seconds / count, 3) if count else None


if __name__ == "__main__":
    main(run)
