"""What every benchmark scenario shares: a throw-away database, the site served by
gunicorn with production settings, a load generator in another process, and the
figures (requests per second, median and 99th percentile latency, peak memory).

The load comes from `wrk` (Debian package `wrk`, installed by `make bench`) when it
is on the PATH, otherwise from Python threads with keep-alive connections (slower:
on a small machine the client then limits the fastest paths, which the results
say in `load_generator`). Everything listens on 127.0.0.1 only.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = 2
CONNECTIONS = 8
HOST = "127.0.0.1"


def unreachable(postgres=None, redis=None):
    """Why a scenario cannot run, or None: the servers it needs, if not answering.

    `postgres` and `redis` are URLs (or "" when the scenario needs one and none is
    configured). Scenarios return {"skipped": reason} when this says something.
    """
    for kind, url in (("PostgreSQL", postgres), ("Redis", redis)):
        if url is None:
            continue
        if kind == "PostgreSQL" and not url.startswith("postgres"):
            return "needs DATABASE_URL naming a PostgreSQL server"
        parts = urlsplit(url)
        default_port = 5432 if kind == "PostgreSQL" else 6379
        try:
            socket.create_connection(
                (parts.hostname or HOST, parts.port or default_port), timeout=3
            ).close()
        except OSError as error:
            return f"{kind} at {parts.hostname}:{parts.port} does not answer ({error})"
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Database:
    """A throw-away database: SQLite file, or a PostgreSQL database created here."""

    def __init__(self, workdir, name):
        base = os.environ.get("DATABASE_URL", "")
        self.postgres = base.startswith("postgres")
        if self.postgres:
            parts = urlsplit(base)
            # Named after DATABASE_URL's database: each engineer's bench
            # databases are `<their database>_<scenario>_<pid>`.
            base_name = parts.path.strip("/") or "numeriqc"
            self.name = f"{base_name}_{name}_{os.getpid()}"
            # Created and dropped from the server's maintenance database.
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.path = Path(workdir) / "bench.sqlite3"
            self.url = f"sqlite:///{self.path}"

    @property
    def kind(self):
        return "postgresql" if self.postgres else "sqlite"

    def create(self):
        if self.postgres:
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _admin(self, statement):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def connect(self):
        if self.postgres:
            import psycopg

            return psycopg.connect(self.url, autocommit=True)
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        return connection


class Site:
    """The site with production settings over a fresh database, ready to serve.

    `bench.settings` is the production settings module plus one URL, the bare
    view that the scenarios use as a limit (bench/urls.py).
    """

    def __init__(self, name):
        self.workdir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        self.database = Database(self.workdir, name)
        # run_all.py collects the static files once for every scenario.
        shared_static = os.environ.get("BENCH_STATIC_ROOT")
        self.static_root = Path(shared_static or self.workdir / "static")
        self.body_dir = self.workdir / "bodies"
        self.env = dict(os.environ)
        self.env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            SECRET_KEY=secrets.token_urlsafe(40),
            ALLOWED_HOSTS=HOST,
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=self.database.url,
            DB_CONN_MAX_AGE="60",
            STATIC_ROOT=str(self.static_root),
            BENCH_BODY_DIR=str(self.body_dir),
            # Each run has its own key space on a shared Redis server.
            CACHE_KEY_PREFIX=f"bench-{name}-{os.getpid()}",
            LOG_LEVEL="ERROR",
        )
        self.server = None
        self.server_options = []  # more gunicorn options (a scenario's own)
        self.port = None
        self.timings = {}  # seconds spent in each manage.py command

    def __enter__(self):
        self.database.create()
        return self

    def __exit__(self, *exc):
        self.stop()
        self.database.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def manage(self, *args):
        started = time.monotonic()
        try:
            return self._manage(*args)
        finally:
            self.timings[args[0]] = round(time.monotonic() - started, 1)

    def _manage(self, *args):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def prepare(self, script=None):
        """Migrate, collect static files, then run `script` (Python) in the site.

        Returns the last line the script prints, read as JSON.
        """
        self.manage("migrate", "--noinput", "-v0")
        self.manage("compile_catalogues", "-v0")
        if not (self.static_root / "staticfiles.json").exists():
            self.manage("collectstatic", "--noinput", "-v0")
        if script is None:
            return None
        output = self.manage("shell", "-c", script)
        return json.loads(output.strip().splitlines()[-1])

    def start(self):
        self.port = free_port()
        self.server = subprocess.Popen(  # noqa: S603
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "numeriqc.wsgi",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
                *self.server_options,
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz/").status == 200:
                    return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the server did not start")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.server = None

    def restart(self):
        self.stop()
        return self.start()

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def get(self, path, headers=None):
        """One GET; returns the response with its body read into `.body`."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def capture(self, name, path):
        """Keep the cached bytes of `path` as a static file and as the bare view's.

        WhiteNoise lists static files when it starts: restart before measuring.
        Returns the size in bytes.
        """
        # With a local-memory cache each worker keeps its own copy: ask until one
        # answers from its cache.
        for _attempt in range(20):
            cached = self.get(path)
            if cached.status == 200 and cached.getheader("X-Page-Cache") == "hit":
                break
        else:
            raise RuntimeError(f"{path} is not served from the page cache")
        self.body_dir.mkdir(exist_ok=True)
        (self.body_dir / f"{name}.html").write_bytes(cached.body)
        (self.static_root / f"bench-{name}.html").write_bytes(cached.body)
        return len(cached.body)

    def peak_memory_mb(self):
        """Peak resident memory of the master and its workers (VmHWM), summed."""
        if self.server is None:
            return None
        total_kb = 0
        for pid in [self.server.pid, *_children(self.server.pid)]:
            total_kb += _status_field(pid, "VmHWM")
        return round(total_kb / 1024, 1)


def _children(pid):
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split()
        children.extend(int(child) for child in text)
    return children


def _status_field(pid, field):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


# The foundation's demo content (home pages, the strategy and its measures with
# their real text, organizations, settings), then extra measures up to `listed`
# so that the strategy lists as many children as the Vitrine's 20 projects.
SEED_SITE = """
import io, json
from home import demo
from home.models import MeasurePage, StrategyPage

demo.seed(io.StringIO())
strategy = StrategyPage.objects.get(locale__language_code="fr")
measures = MeasurePage.objects.child_of(strategy).order_by("number")
model = measures.first()
for number in range(measures.count() + 1, {listed} + 1):
    strategy.add_child(instance=MeasurePage(
        title=f"{{model.title}} ({{number}})", slug=f"mesure-banc-{{number}}",
        number=number, summary=model.summary, axis=model.axis,
        organization=model.organization, body=model.body, locale=model.locale,
    )).save_revision().publish()
print(json.dumps({{
    "content": model.url, "listing": strategy.url,
    "listed": MeasurePage.objects.child_of(strategy).live().count(),
}}))
"""


def seed_site(site, listed=20):
    """Demo content; returns the paths of a content page and of the listing."""
    return site.prepare(SEED_SITE.format(listed=listed))


# -- load -----------------------------------------------------------------------


def load_generator():
    return "wrk" if shutil.which("wrk") else "python-threads"


# The page cache passes a request with this cookie by (bench/settings.py): the
# page is rendered, with the same bytes as the cached one.
UNCACHED = {"Cookie": "bench_uncached=1"}


def measure(site, path, seconds, headers=None):
    """Load `path` for `seconds` from CONNECTIONS keep-alive connections.

    Returns requests per second, median and 99th percentile latency in ms, the
    count of answers that were not 200, and the server's CPU time per request
    (master and workers, user and system): it moves far less than the rate with
    the machine's load.
    """
    before = server_cpu_seconds(site)
    if shutil.which("wrk"):
        result = _wrk(site.url(path), seconds, headers or {})
    else:
        result = _python_load(site, path, seconds, headers or {})
    requests = result["per_second"] * seconds
    used = server_cpu_seconds(site) - before
    result["cpu_ms_per_request"] = (
        round(1000 * used / requests, 3) if requests else None
    )
    return result


def server_cpu_seconds(site):
    """CPU seconds (user + system) used so far by the server's processes."""
    if site.server is None:
        return 0.0
    ticks = 0
    for pid in [site.server.pid, *_children(site.server.pid)]:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _wrk(url, seconds, headers):
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "30s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], check=True, capture_output=True, text=True
    ).stdout
    return _parse_wrk(output)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _duration_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return round(float(match.group(1)) * UNITS[match.group(2)], 2)


def _parse_wrk(output):
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if not percentiles:
        raise RuntimeError(f"wrk measured nothing:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    return {
        "per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "median_ms": _duration_ms(percentiles["50"]),
        "p99_ms": _duration_ms(percentiles["99"]),
        "not_ok": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def _python_load(site, path, seconds, headers):
    latencies, failures, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        mine, bad = [], 0
        connection = http.client.HTTPConnection(HOST, site.port, timeout=30)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            bad += response.status != 200
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return {
        "per_second": round(len(ordered) / seconds, 1),
        "median_ms": round(1000 * statistics.median(ordered), 2),
        "p99_ms": round(1000 * ordered[int(0.99 * (len(ordered) - 1))], 2),
        "not_ok": failures[0],
        "socket_errors": "",
    }


def against_limits(site, name, path, seconds):
    """Two rows: the cached page against the same bytes as a static file, and
    the page rendered (not cached) against a bare Django view of the same bytes.

    A private cookie (`UNCACHED`) makes the page cache pass the request by, so
    the uncached figure is a real render of the same page, same bytes, on the
    same server (a query parameter changed the Vitrine's page: it binds the
    filters).
    """
    sizes = {
        "cached": len(site.get(path).body),
        "static": len(site.get(f"/static/bench-{name}.html").body),
        "uncached": len(site.get(path, UNCACHED).body),
        "bare": len(site.get(f"/bench/bare/{name}/").body),
    }
    rows = []
    for label, page, limit, headers in [
        ("cached", path, f"/static/bench-{name}.html", None),
        ("uncached", path, f"/bench/bare/{name}/", UNCACHED),
    ]:
        measure(site, page, 1, headers)  # warm the workers and their caches
        measure(site, limit, 1)
        row = interleaved(site, f"{name} {label}", page, limit, seconds, headers)
        row["limit"] = (
            "static file via WhiteNoise" if label == "cached" else "bare Django view"
        )
        row["bytes"] = sizes[label]
        row["limit_bytes"] = sizes["static" if label == "cached" else "bare"]
        rows.append(row)
    return rows


ROUNDS = 3


def interleaved(site, name, path, limit_path, seconds, headers=None):
    """The path and its limit in alternation, ROUNDS times, seconds in all each.

    A machine whose load changes during the run (other jobs) weighs on both
    sides of each round alike; the ratio reported is the median of the rounds'.
    """
    share = max(1, round(seconds / ROUNDS))
    pairs = [
        (measure(site, path, share, headers), measure(site, limit_path, share))
        for _round in range(ROUNDS)
    ]
    row = compare(name, _pooled([p for p, _ in pairs]), _pooled([q for _, q in pairs]))
    row["round_ratios"] = [_ratio(p["per_second"], q["per_second"]) for p, q in pairs]
    measured = [ratio for ratio in row["round_ratios"] if ratio is not None]
    row["ratio"] = statistics.median(measured) if measured else None
    return row


def _pooled(rounds):
    """One figure from several rounds: mean rate, median of medians, worst p99."""
    return {
        "per_second": round(statistics.mean(r["per_second"] for r in rounds), 1),
        "median_ms": statistics.median(r["median_ms"] for r in rounds),
        "p99_ms": max(r["p99_ms"] for r in rounds),
        "not_ok": sum(r["not_ok"] for r in rounds),
        "cpu_ms_per_request": _mean_or_none(
            r.get("cpu_ms_per_request") for r in rounds
        ),
    }


def _mean_or_none(values):
    values = [value for value in values if value is not None]
    return round(statistics.mean(values), 3) if values else None


def compare(name, measured, limit):
    """One row of results: the path, its limit and the ratio of their rates."""
    return {
        "figure": name,
        "requests_per_second": measured["per_second"],
        "median_ms": measured["median_ms"],
        "p99_ms": measured["p99_ms"],
        "not_ok": measured["not_ok"],
        "limit_requests_per_second": limit["per_second"],
        "limit_median_ms": limit["median_ms"],
        "limit_p99_ms": limit["p99_ms"],
        "cpu_ms_per_request": measured.get("cpu_ms_per_request"),
        "limit_cpu_ms_per_request": limit.get("cpu_ms_per_request"),
        "ratio": _ratio(measured["per_second"], limit["per_second"]),
    }


def _ratio(measured, limit):
    """None when the limit measured nothing (a phase too short on a busy machine)."""
    return round(measured / limit, 3) if limit else None


@contextmanager
def timed():
    """Yields a dict whose "seconds" is filled with the block's duration."""
    result = {}
    started = time.monotonic()
    yield result
    result["seconds"] = round(time.monotonic() - started, 1)


def common_facts(site, seconds):
    return {
        "database": site.database.kind,
        "cache": "redis" if os.environ.get("REDIS_URL") else "local memory",
        "server_workers": WORKERS,
        "connections": CONNECTIONS,
        "seconds_per_phase": seconds,
        "load_generator": load_generator(),
    }


def main(run):
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
