"""A wave: cached pages read while citizens post, against the same reads alone.

8 `wrk` connections read a content page served from the page cache; during the
wave, 2 Python clients post feedback as the widget does (Origin header, JSON
answer) and 1 answers the demo's open survey (both pages, with its CSRF cookie
and token). What citizens post must not purge the cache: the figures are the
read rate during the wave over the read rate alone (interleaved rounds, median
of the rounds' ratios) and the share of reads that were not hits.

    python bench/bench_wave.py            # about a minute
    python bench/bench_wave.py --quick
"""

import http.client
import re
import statistics
import subprocess
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from bench_feedback_posts import SEED_SERVICE, post_feedback
from harness import (
    CONNECTIONS,
    HOST,
    Site,
    _parse_wrk,
    common_facts,
    main,
    seed_site,
    server_cpu_seconds,
)

ROUNDS = 3
POSTERS = 2

# Counts what the page cache answered (X-Page-Cache) over every connection.
COUNT_CACHE_STATES = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; others = 0 end
function response(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 else others = others + 1 end
end
function done(summary, latency, requests)
  local h, o = 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); o = o + t:get("others") end
  io.write(string.format("PAGECACHE hits=%d others=%d\\n", h, o))
end
"""

SEED_SURVEY = """
import io, json
from consultation import demo
from consultation.models import ConsultationPage

demo.seed(io.StringIO())
page = ConsultationPage.objects.get(slug="avenir-numerique")
print(json.dumps({"survey": page.url}))
"""


def read(site, path, seconds, script):
    before = server_cpu_seconds(site)
    output = subprocess.run(
        [
            *("wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"),
            *("--timeout", "30s", "-s", script, site.url(path)),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = _parse_wrk(output)
    hits, others = map(int, re.search(r"hits=(\d+) others=(\d+)", output).groups())
    figures.update(hits=hits, others=others)
    figures["server_cpu_seconds"] = round(server_cpu_seconds(site) - before, 2)
    return figures


class FormFields(HTMLParser):
    """The fields a browser would send from the page's survey form."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form, self.select, self.textarea = [], False, None, None
        self.chosen, self.numbers, self.selects, self.options = set(), 0, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = "survey" in (attrs.get("class") or "") or not self.fields
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self._input(attrs, name)
        elif tag == "select" and name:
            self.select, self.options = name, []
        elif tag == "option" and self.select and attrs.get("value"):
            self.options.append(attrs["value"])
        elif tag == "textarea" and name:
            self.fields.append((name, "Bien"))
        elif tag == "button" and name == "action" and attrs.get("value") != "previous":
            self.fields.append((name, attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            if self.options:
                # Each select its own option: a ranking's positions differ.
                choice = self.options[self.selects % len(self.options)]
                self.fields.append((self.select, choice))
                self.selects += 1
            self.select = None
        elif tag == "form":
            self.in_form = False

    def _input(self, attrs, name):
        kind = attrs.get("type", "text").lower()
        if attrs.get("tabindex") == "-1":
            return  # the honeypot: a person leaves it empty
        if kind in {"radio", "checkbox"}:
            if name not in self.chosen:
                self.fields.append((name, attrs.get("value", "on")))
                self.chosen.add(name)
        elif kind == "hidden" and name != "unseen":
            # "unseen" lists the conditional questions a browser without
            # JavaScript did not show; a browser with it (the common case)
            # drops them, and the page is not sent back once more to show them.
            self.fields.append((name, attrs.get("value", "")))
        elif kind == "number":
            # Distinct values in range: a ranking question refuses ties.
            low, high = float(attrs.get("min") or 1), attrs.get("max")
            span = int(float(high) - low) + 1 if high else 1000
            self.fields.append((name, f"{low + self.numbers % span:g}"))
            self.numbers += 1
        elif kind == "date":
            self.fields.append((name, "2026-10-01"))
        elif kind not in {"submit", "button", "file", "email"} and (
            "required" in attrs
        ):
            # Optional text (an "other" answer, a contact) stays empty, as most
            # people leave it: filled without its box ticked it is refused.
            self.fields.append((name, "Bien"))


class Browser:
    """One visitor: a keep-alive connection and the cookies the site gives it."""

    def __init__(self, port, referer):
        self.port, self.referer = port, referer
        self.connection = http.client.HTTPConnection(HOST, port, timeout=30)
        self.cookies = {}

    def request(self, method, url, body=None):
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        headers = {"Cookie": cookie}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}:{self.port}"
            headers["Referer"] = f"http://{HOST}:{self.port}{self.referer}"
        self.connection.request(method, url, body, headers)
        response = self.connection.getresponse()
        content = response.read().decode(errors="replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response, content

    def close(self):
        self.connection.close()


def answer_once(port, path):
    """ "answers", "refused" or "unfinished": one visitor answers every page."""
    browser = Browser(port, path)
    try:
        response, html = browser.request("GET", path)
        for _step in range(4):
            form = FormFields()
            form.feed(html)
            response, html = browser.request("POST", path, urlencode(form.fields))
            if response.status == 302:
                location = response.getheader("Location")
                if "thanks" in location:
                    return "answers"
                response, html = browser.request("GET", location)
            elif response.status != 200:
                return "refused"
        return "unfinished"
    finally:
        browser.close()


def answer_survey(port, path, stop_at, counts):
    """Answer the survey again and again, as new visitors, until `stop_at`."""
    while time.monotonic() < stop_at:
        counts[answer_once(port, path)] += 1


def wave(site, path, seconds, script, service_id, survey_path):
    """Reads during POSTERS feedback clients and one survey answerer."""
    stop_at = time.monotonic() + seconds + 1
    counts = {"answers": 0, "refused": 0, "unfinished": 0, "feedback": 0}
    post = post_feedback(site.port, service_id)

    def poster():
        counts["feedback"] += len(post(stop_at))

    threads = [threading.Thread(target=poster) for _ in range(POSTERS)]
    threads.append(
        threading.Thread(
            target=answer_survey, args=(site.port, survey_path, stop_at, counts)
        )
    )
    for thread in threads:
        thread.start()
    figures = read(site, path, seconds, script)
    for thread in threads:
        thread.join()
    figures.update(counts)
    return figures


def mean_rate(phases):
    return round(statistics.mean(phase["per_second"] for phase in phases), 1)


def run(quick=False):
    seconds = 3 if quick else 8
    with Site("wave") as site, tempfile.TemporaryDirectory() as scratch:
        script = str(Path(scratch) / "count.lua")
        Path(script).write_text(COUNT_CACHE_STATES)
        site.env["FEEDBACK_POSTS_PER_ADDRESS"] = str(10**9)
        site.env["CONSULTATION_POSTS_PER_ADDRESS"] = str(10**9)
        # The production image's worker class (numeriqc/gunicorn_conf.py): with
        # sync workers a post waiting on its commit holds a whole worker, and
        # 3 posting clients starved the readers of 2 workers (0.095 measured).
        site.server_options = ["--worker-class", "gthread", "--threads", "4"]
        paths = seed_site(site)
        service_id = site.prepare(SEED_SERVICE)["service"]
        survey_path = site.prepare(SEED_SURVEY)["survey"]
        site.start()
        path = paths["content"]
        read(site, path, 1, script)  # warm the workers and the cache
        rounds = []
        for _round in range(ROUNDS):
            alone = read(site, path, seconds, script)
            during = wave(site, path, seconds, script, service_id, survey_path)
            rounds.append((alone, during))
        facts = common_facts(site, seconds)
        memory = site.peak_memory_mb()
    ratios = [
        round(during["per_second"] / alone["per_second"], 3) for alone, during in rounds
    ]
    reads = sum(during["hits"] + during["others"] for _, during in rounds)
    not_hits = sum(during["others"] for _, during in rounds)
    return {
        "scenario": "wave: cached reads while 2 clients post feedback and 1 answers",
        "server": "2 gthread workers of 4 threads (the production image's class)",
        **facts,
        "path": path,
        "survey": survey_path,
        "rounds": [{"alone": alone, "wave": during} for alone, during in rounds],
        "ratios": [
            {
                "figure": "cached reads during the wave / alone",
                "measured": mean_rate(during for _, during in rounds),
                "limit": mean_rate(alone for alone, _ in rounds),
                "ratio": statistics.median(ratios),
                "round_ratios": ratios,
            },
            {
                "figure": "share of reads not served from the cache during the wave",
                "measured": not_hits,
                "limit": reads,
                "ratio": round(not_hits / reads, 4) if reads else None,
            },
        ],
        "posts": {
            "feedback": sum(d["feedback"] for _, d in rounds),
            "survey_answers": sum(d["answers"] for _, d in rounds),
            "survey_refused": sum(d["refused"] for _, d in rounds),
            "survey_unfinished": sum(d["unfinished"] for _, d in rounds),
        },
        "server_peak_memory_mb": memory,
    }


if __name__ == "__main__":
    main(run)
