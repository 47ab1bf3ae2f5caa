"""Tests keep to their own services: on a machine where other programs share the
PostgreSQL and Redis servers, a run touches only what DATABASE_URL and REDIS_URL
name, and leaves nothing behind.

The Redis side runs against a private `redis-server` started here (the shared one
has other users whose keys would blur the proof): keys of "someone else" are planted
in databases 0, 4, 5 and 6, every command is recorded with MONITOR, and a slice of
the suite runs on two pytest-xdist workers with REDIS_URL=redis://…/5.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")
# Touches the database and the cache (cleared around every test), on two workers.
SLICE = [
    "tests/home/test_shared_tools.py",
    "tests/home/test_health_and_settings.py::"
    "test_health_check_answers_when_database_and_cache_answer",
    "tests/tooling/test_database_templates.py",
]
OTHERS = {0: "someone-else:session", 4: "someone-else:cache", 5: "other-app:key"}
OTHERS[6] = "numeriqc:1:another-site"
# Sent by every new connection before it selects its database (so seen on 0).
HANDSHAKE = {"HELLO", "CLIENT", "SELECT", "AUTH"}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_server(tmp_path):
    """A Redis server of this test's own, on a free port, keeping nothing on disk."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed")
    import redis

    port = _free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    yield url
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=10)


class Monitor(threading.Thread):
    """Every command the server runs, as (database, command) pairs."""

    def __init__(self, url):
        super().__init__(daemon=True)
        import redis

        self.monitor = redis.Redis.from_url(url, socket_timeout=None).monitor()
        self.monitor.__enter__()
        self.commands = []
        self.error = None
        self.stopping = False

    def run(self):
        while not self.stopping:
            try:
                for command in self.monitor.listen():
                    self.commands.append((int(command["db"]), command["command"]))
            except Exception as error:  # a quiet spell, or the end of the test
                self.error = error

    def stop(self):
        self.stopping = True
        self.monitor.__exit__(None, None, None)


def _plant(url):
    import redis

    for database, key in OTHERS.items():
        redis.Redis.from_url(f"{url}/{database}").set(key, "keep me")


def _remaining(url):
    import redis

    return {
        database: sorted(
            key.decode()
            for key in redis.Redis.from_url(f"{url}/{database}").scan_iter()
        )
        for database in range(16)
    }


def test_clearing_the_cache_deletes_only_its_own_keys(redis_server):
    from numeriqc.cache import PrefixedRedisCache

    _plant(redis_server)
    mine = PrefixedRedisCache(f"{redis_server}/5", {"KEY_PREFIX": "mine*"})
    neighbour = PrefixedRedisCache(f"{redis_server}/5", {"KEY_PREFIX": "mine-too"})
    mine.set_many({f"k{n}": n for n in range(1200)})
    neighbour.set("page", "cached")
    mine.clear()
    assert mine.get("k1") is None
    assert neighbour.get("page") == "cached"
    assert _remaining(redis_server)[5] == sorted(
        [OTHERS[5], ":".join(["mine-too", "1", "page"])]
    )


def _postgres_names(url):
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        return {row[0] for row in connection.execute("SELECT datname FROM pg_database")}


class PostgresWatch(threading.Thread):
    """The databases that connections named `application` are connected to."""

    def __init__(self, url, application):
        super().__init__(daemon=True)
        self.admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        self.application = application
        self.seen = set()
        self.done = threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as connection:
            while not self.done.is_set():
                rows = connection.execute(
                    "SELECT datname FROM pg_stat_activity WHERE application_name = %s",
                    [self.application],
                ).fetchall()
                self.seen.update(row[0] for row in rows if row[0])
                time.sleep(0.05)


def _child_database_url():
    """A database name of this run's own, derived from DATABASE_URL's; its
    migrated template is copied from this run's (same key)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL only: on SQLite no database server is shared")
    from tests import database_templates

    parts = urlsplit(url)
    child = urlunsplit(parts._replace(path=f"{parts.path}_isolation"))
    ours = database_templates.PostgresTemplates(url, lambda line: None)
    theirs = database_templates.PostgresTemplates(child, lambda line: None)
    theirs.ensure(
        "migrated",
        database_templates.migrations_key(),
        lambda build_url: None,
        source=ours.migrated(),
    )
    return child, theirs


def test_a_run_touches_only_the_redis_database_and_postgres_names_it_is_given(
    redis_server,
):
    child = _child_database_url()
    _plant(redis_server)
    env = {**os.environ, "REDIS_URL": f"{redis_server}/5"}
    env.pop("PYTEST_XDIST_WORKER", None)
    application = f"numeriqc-isolation-{os.getpid()}"
    env["PGAPPNAME"] = application
    env["DATABASE_URL"] = child[0]
    before = _postgres_names(child[0])
    watch = PostgresWatch(child[0], application)
    watch.start()
    monitor = Monitor(redis_server)
    monitor.start()
    try:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "pytest", "-n", "2", "-p", "no:randomly", "-q"]
            + SLICE,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
    finally:
        monitor.stop()
        watch.done.set()
        watch.join()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    assert monitor.commands, f"MONITOR recorded nothing ({monitor.error!r})"
    databases = {
        database
        for database, command in monitor.commands
        if command.split()[0].upper() not in HANDSHAKE
    }
    assert databases == {5}, f"commands on other Redis databases: {databases}"
    flushes = [c for _, c in monitor.commands if c.upper().startswith("FLUSH")]
    assert flushes == []
    remaining = _remaining(redis_server)
    assert remaining == {n: [OTHERS[n]] if n in OTHERS else [] for n in range(16)}, (
        "keys of someone else were lost, or the run left keys behind"
    )

    url, templates = child
    name = templates.base
    touched = watch.seen - {"postgres"}
    assert touched, "the watch saw no connection: PGAPPNAME was not honoured"
    assert all(d == name or d.startswith(f"test_{name}") for d in touched), touched
    after = _postgres_names(url)
    left = after - before
    assert left == set(), f"databases left behind: {left}"
    for database in sorted(before | after):
        if database.startswith(f"test_{name}_tpl_"):
            templates.drop(database)


def test_the_real_worker_harness_names_its_database_and_keys_after_the_urls(
    monkeypatch, tmp_path
):
    """tests/reliability runs bench/_notifications_harness.py: it used to create
    `numeriqc_notifications_bench_*` databases and empty Redis database 9 whatever
    the URLs said."""
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mine_ci")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/5")
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    from _notifications_harness import Harness

    harness = Harness(tmp_path)
    assert harness.db_name.startswith("mine_ci_")
    assert harness.db_url.endswith(f"/{harness.db_name}")
    assert harness.broker == "redis://127.0.0.1:6379/5"
    assert harness.key_prefix
    harness.provider_url = "http://127.0.0.1:1/"
    assert harness.env()["CELERY_BROKER_KEY_PREFIX"] == harness.key_prefix
