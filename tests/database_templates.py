"""Template databases: migrate once, load the demo content once, copy for each run.

Migrating a fresh database costs about a minute on a small machine and loading the
demo content another; the browser tests, the real-worker tests and every pytest-xdist
worker each needed such a database. Here they are built once and copied:

- the *migrated* template: every migration applied (post-migrate roles included);
- the *demo* template: a copy of the migrated one with `seed_demo` loaded.

Each is named after what it was built from: a hash of the migrations and the pinned
requirements (and, for the demo one, of the demo-content code, the seeders' order
and the day: the demo's dates are relative to the day it is loaded). A change
rebuilds it; otherwise it is reused between runs on the same machine. A template is
built under a temporary name and renamed when complete, so an interrupted build never
leaves a half-built template behind, and one process builds it while the others wait.

On PostgreSQL the templates are databases named after DATABASE_URL's own database
(`test_<name>_tpl_migrated_<hash>`), copied with `CREATE DATABASE … TEMPLATE …`; they
refuse connections, so that nothing can dirty them or block a copy. On SQLite they are
files in `.test-databases/`. Older templates of the same name are dropped when a new
one is built.

`TEST_TEMPLATES=rebuild` rebuilds them (a model's behaviour changed the demo content
without a migration); `TEST_TEMPLATES=off` makes the unit tests migrate as Django
does by default.

Importable without Django being set up: the benchmark harnesses use it too.
"""

import contextlib
import datetime
import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SQLITE_DIR = ROOT / ".test-databases"
# Folders that hold no migration and no demo code (and, for .venv, a symlink to a
# virtualenv of thousands of files).
SKIPPED_DIRS = {
    ".git",
    ".venv",
    "node_modules",
    "tests",
    "bench",
    "media",
    "staticfiles",
    "test-artefacts",
    ".test-databases",
    "__pycache__",
    ".celery-broker",
}
# The code that writes the demo content, besides the seeders' own modules: the roles
# it assigns and the strategy's text.
DEMO_FILE = re.compile(r"(^|_)demo(_data)?\.py$|^strategy_data\.py$|^roles\.py$")
BUILD_SETTINGS = "numeriqc.settings.test"
POSTGRES_NAME_LIMIT = 63


def mode():
    return os.environ.get("TEST_TEMPLATES", "on").strip().lower()


def _source_files(matches):
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        found.extend(
            Path(folder) / name for name in sorted(files) if matches(folder, name)
        )
    return found


def _digest(files, *extra):
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    for item in extra:
        digest.update(str(item).encode())
    return digest.hexdigest()[:12]


def migrations_key():
    """Changes with any migration of ours or any pinned requirement (theirs)."""
    files = _source_files(
        lambda folder, name: name.endswith(".py") and Path(folder).name == "migrations"
    )
    return _digest([*files, ROOT / "requirements.txt"])


def demo_key(seeders=()):
    """Changes with the migrations, the demo-content code, the seeders and the day."""
    files = _source_files(lambda folder, name: bool(DEMO_FILE.search(name)))
    files.append(ROOT / "home" / "management" / "commands" / "seed_demo.py")
    return _digest(
        files,
        migrations_key(),
        *seeders,
        datetime.date.today().isoformat(),
    )


# --- progress -------------------------------------------------------------------


def _to_stderr(line):
    sys.stderr.write(f"{line}\n")
    sys.stderr.flush()


class Progress:
    """Lines on the terminal while something slow is built: what, then how far."""

    def __init__(self, write=None):
        self.write = write or _to_stderr
        self.started = time.monotonic()

    def __call__(self, line):
        self.write(f"[test databases {time.monotonic() - self.started:5.0f}s] {line}")


def pytest_writer(config):
    """Lines on pytest's terminal even while it captures the tests' output."""
    capture = config.pluginmanager.getplugin("capturemanager")
    reporter = config.pluginmanager.getplugin("terminalreporter")

    def write(line):
        if reporter is None:
            return
        with capture.global_and_fixture_disabled() if capture else nullcontext():
            reporter.write_line(line)

    return write


def run_manage(args, database_url, say, describe):
    """`manage.py <args>` on `database_url` under the test settings, its output
    summarised by `describe(line)` (a progress line, or None to keep quiet)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": BUILD_SETTINGS,
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
    }
    # A template holds rows only: no cache server or broker is needed, or touched.
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    process = subprocess.Popen(  # noqa: S603 (our interpreter, our manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    tail = []
    for line in process.stdout:
        tail = [*tail[-40:], line.rstrip()]
        message = describe(line.rstrip())
        if message:
            say(message)
    if process.wait() != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed on {database_url}:\n" + "\n".join(tail)
        )


def _migrate(database_url, say):
    applied = 0

    def describe(line):
        nonlocal applied
        if line.strip().startswith("Applying "):
            applied += 1
            if applied % 50 == 0:
                return f"  {applied} migrations applied…"
        return None

    started = time.monotonic()
    run_manage(["migrate", "--noinput", "-v1"], database_url, say, describe)
    say(f"  {applied} migrations applied in {time.monotonic() - started:.0f}s")


def _seed(database_url, say):
    started = time.monotonic()

    def describe(line):
        if line.startswith("Demo content:"):
            return f"  {line}"
        return None

    run_manage(["seed_demo"], database_url, say, describe)
    say(f"  demo content loaded in {time.monotonic() - started:.0f}s")


# --- PostgreSQL -----------------------------------------------------------------


class TemplateKinds:
    """The two template databases every engine builds: migrated, then seeded
    from the migrated one. Subclasses give `ensure` and `say`."""

    def migrated(self):
        return self.ensure("migrated", migrations_key(), self._migrate)

    def demo(self, seeders=()):
        migrated = self.migrated()
        return self.ensure("demo", demo_key(seeders), self._seed, source=migrated)

    def _migrate(self, url):
        _migrate(url, self.say)

    def _seed(self, url):
        _seed(url, self.say)


class PostgresTemplates(TemplateKinds):
    """Templates on `database_url`'s PostgreSQL server, named after its database."""

    def __init__(self, database_url, say=None):
        self.url = database_url
        self.parts = urlsplit(database_url)
        self.base = unquote(self.parts.path.lstrip("/")) or "numeriqc"
        self.prefix = f"test_{self.base}"[:36]
        self.say = say or Progress()

    def url_for(self, name):
        return urlunsplit(self.parts._replace(path=f"/{name}"))

    @contextlib.contextmanager
    def admin(self):
        """A connection to the server's maintenance database, where databases are
        created, renamed and dropped (Django connects there for the same reason)."""
        import psycopg

        with psycopg.connect(self.url_for("postgres"), autocommit=True) as connection:
            yield connection

    def exists(self, connection, name):
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        return found is not None

    def drop(self, name, connection=None):
        with contextlib.ExitStack() as stack:
            connection = connection or stack.enter_context(self.admin())
            if self.exists(connection, name):
                connection.execute(f'ALTER DATABASE "{name}" WITH IS_TEMPLATE false')
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def clone(self, template, target):
        """A fresh copy of `template` named `target` (any older copy dropped first)."""
        with self.admin() as connection:
            self.drop(target, connection)
            connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')
        return self.url_for(target)

    def ensure(self, kind, key, build, source=None):
        """The name of the `kind` template for `key`, built by `build(url)` when it
        does not exist yet (on an empty database, or a copy of `source`)."""
        name = f"{self.prefix}_tpl_{kind}_{key}"
        assert len(name) <= POSTGRES_NAME_LIMIT, name
        with self.admin() as connection:
            # One builder per template name; the others wait here, then reuse it.
            connection.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
            try:
                if mode() == "rebuild" and not getattr(self, f"_rebuilt_{kind}", False):
                    self.drop(name, connection)
                if not self.exists(connection, name):
                    self._build(connection, name, kind, build, source)
                    setattr(self, f"_rebuilt_{kind}", True)
                self._drop_older(connection, kind, name)
            finally:
                connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", [name])
        return name

    def _build(self, connection, name, kind, build, source):
        building = f"{self.prefix}_building_{kind}"
        self.drop(building, connection)
        template = f' TEMPLATE "{source}"' if source else ""
        connection.execute(f'CREATE DATABASE "{building}"{template}')
        self.say(f"Building the {kind} template database {name} (once per change)")
        try:
            build(self.url_for(building))
        except BaseException:
            self.drop(building, connection)
            raise
        connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        # Nobody connects to a template: nothing dirties it, nothing blocks a copy.
        connection.execute(
            f'ALTER DATABASE "{name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false'
        )
        self.say(f"Template database {name} ready")

    def _drop_older(self, connection, kind, current):
        rows = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [_like_prefix(f"{self.prefix}_tpl_{kind}_"), current],
        ).fetchall()
        for (older,) in rows:
            with contextlib.suppress(Exception):  # in use by another run: next time
                connection.execute(f'ALTER DATABASE "{older}" WITH IS_TEMPLATE false')
                connection.execute(f'DROP DATABASE "{older}"')


def _like_prefix(text):
    """A LIKE pattern matching names that start with `text`, taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


# --- SQLite ---------------------------------------------------------------------


class SqliteTemplates(TemplateKinds):
    """Template files in `.test-databases/` of this checkout."""

    def __init__(self, say=None, folder=SQLITE_DIR):
        self.folder = Path(folder)
        self.say = say or Progress()

    @contextlib.contextmanager
    def _lock(self):
        self.folder.mkdir(exist_ok=True)
        with open(self.folder / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def ensure(self, kind, key, build, source=None):
        path = self.folder / f"{kind}-{key}.sqlite3"
        with self._lock():
            if mode() == "rebuild" and not getattr(self, f"_rebuilt_{kind}", False):
                path.unlink(missing_ok=True)
            if not path.exists():
                building = self.folder / f"building-{kind}.sqlite3"
                building.unlink(missing_ok=True)
                if source:
                    shutil.copyfile(source, building)
                self.say(f"Building the {kind} template database {path.name}")
                build(f"sqlite:///{building}")
                _settle(building)
                os.replace(building, path)
                setattr(self, f"_rebuilt_{kind}", True)
                self.say(f"Template database {path.name} ready")
            for older in self.folder.glob(f"{kind}-*.sqlite3"):
                if older != path:
                    older.unlink(missing_ok=True)
        return path


def _settle(path):
    """Everything in the main file (no write-ahead log beside it): a plain copy of
    the file is then the whole database."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_sqlite_into(template, connection):
    """Copy the template file into an open sqlite3 connection (an in-memory
    database shared by the threads of a test run)."""
    source = sqlite3.connect(template)
    try:
        source.backup(connection)
    finally:
        source.close()


def for_database_url(database_url, say=None):
    if database_url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return PostgresTemplates(database_url, say)
    return SqliteTemplates(say)
