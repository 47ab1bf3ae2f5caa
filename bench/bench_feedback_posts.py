"""Feedback posts per second through a real server, against a plain INSERT.

Starts gunicorn (production settings, DEBUG off) on a free port over a fresh
database, posts feedback from concurrent clients as the widget does with
JavaScript (Origin header, JSON answer), and compares the accepted posts per
second with plain single-row INSERTs into the same table from as many clients.

    python bench/bench_feedback_posts.py            # about two minutes
    python bench/bench_feedback_posts.py --quick

The database is a temporary SQLite file, or, when DATABASE_URL names a PostgreSQL
server, a temporary database on it; both are removed at the end.
"""

import http.client
import json
import os
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
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CLIENTS = 8
WORKERS = 2
COMMENT = "Le formulaire est clair, mais la page de paiement est lente. " * 4


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """A throw-away database: SQLite file, or a PostgreSQL database created here."""

    def __init__(self, workdir):
        base = os.environ.get("DATABASE_URL", "")
        self.postgres = base.startswith("postgres")
        if self.postgres:
            parts = urlsplit(base)
            self.name = f"numeriqc_bench_feedback_{os.getpid()}"
            # Created and dropped from the server's maintenance database.
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.path = Path(workdir) / "bench.sqlite3"
            self.url = f"sqlite:///{self.path}"

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


def server_environment(database):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="numeriqc.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database.url,
        DB_CONN_MAX_AGE="60",
        # The rate limit is counted as in production, but never reached here.
        FEEDBACK_POSTS_PER_ADDRESS=str(10**9),
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def prepare(env):
    manage(env, "migrate", "--noinput", "-v0")
    script = (
        "from home.models import Organization;"
        "from feedback.models import Service;"
        "from wagtail.models import Locale;"
        "fr = Locale.objects.get(language_code='fr');"
        "org = Organization.objects.create(name='Banc', slug='banc', locale=fr);"
        "print(Service.objects.create(name='Banc', slug='banc', organization=org,"
        " locale=fr).pk)"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def start_server(env, port):
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "numeriqc.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("the server did not start")


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


def post_feedback(port, service_id):
    body = urlencode(
        {"service": service_id, "found": "no", "rating": "3", "comment": COMMENT}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Origin": f"http://127.0.0.1:{port}",
        "Sec-Fetch-Site": "same-origin",
    }

    def work(stop_at):
        latencies = []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("POST", "/fr/retroaction/envoyer/", body, headers)
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
    workdir = tempfile.mkdtemp(prefix="bench-feedback-")
    database = Database(workdir)
    database.create()
    server = None
    try:
        env = server_environment(database)
        service_id = prepare(env)
        port = free_port()
        server = start_server(env, port)
        run_clients(1, post_feedback(port, service_id))  # warm the workers up
        posts = figures(*run_clients(seconds, post_feedback(port, service_id)), seconds)
        inserts = figures(*run_clients(seconds, plain_inserts(database)), seconds)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    return {
        "scenario": "feedback posts through the server vs plain INSERT",
        "database": "postgresql" if database.postgres else "sqlite",
        "clients": CLIENTS,
        "server_workers": WORKERS,
        "seconds": seconds,
        "posts_per_second": posts["per_second"],
        "posts_median_ms": posts["median_ms"],
        "posts_p99_ms": posts["p99_ms"],
        "limit_inserts_per_second": inserts["per_second"],
        "limit_median_ms": inserts["median_ms"],
        "limit_p99_ms": inserts["p99_ms"],
        "ratio_posts_to_inserts": round(posts["per_second"] / inserts["per_second"], 3),
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
