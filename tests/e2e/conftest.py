"""Real-browser tests: Debian's Chromium driven by Playwright against a live site.

The site runs in a thread of this process (pytest-django's live server helper) on a
fresh copy of the demo template database (migrated and seeded once per change of the
migrations or the demo content: tests/database_templates.py). Browser tests run in a
pytest process of their own (`make test` starts it after the rest of the suite), so
that the demo content never leaks into the other tests' expectations.

When Chromium is missing every test here is skipped with the reason printed; CI
installs it first (`make browser-deps`), so there it always runs.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.e2e import checks

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "e2e"


def chromium_available():
    return Path(CHROMIUM).exists()


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    ours = [item for item in items if here in Path(item.fspath).parents]
    if not ours:
        return
    reason = None
    if len(ours) != len(items):
        # They share one committed database with the demo content: they cannot run
        # in the same process as tests that expect an empty database.
        reason = "real-browser tests run in their own process: `pytest tests/e2e`"
    elif not chromium_available():
        reason = (
            f"Chromium not found at {CHROMIUM}: real-browser tests skipped "
            "(install it with `apt-get install chromium` or `make browser-deps`)"
        )
    if reason is None:
        # Playwright's sync API keeps an event loop running in the test thread; the
        # ORM calls made between browser steps are synchronous and safe. Only set
        # when this process runs browser tests alone.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    for item in ours:
        item.add_marker(pytest.mark.e2e)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """A fresh copy of the demo template database for the whole browser session,
    without per-test rollback.

    The demo template (tests/database_templates.py) is migrated and seeded once per
    change of the migrations or the demo-content code; each run starts from a new
    copy of it, never from a database that an earlier run wrote into. The site's
    thread and the tests write real, committed rows (after-commit tasks such as
    emails must run), so every test asserts on differences, never totals.
    """
    from django.db import connections

    from tests import database_templates

    connection = connections["default"]
    say = database_templates.Progress(database_templates.pytest_writer(request.config))
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            copy = _postgres_copy(connection, say)
        else:
            copy = _sqlite_copy(connection, say)
    yield
    with django_db_blocker.unblock():
        copy()


def _seeders():
    from wagtail import hooks

    return [
        f"{seeder.__module__}.{seeder.__qualname__}"
        for seeder in hooks.get_hooks("numeriqc_seed_demo")
    ]


def _use_database(connection, name):
    connection.close()
    connection.settings_dict["NAME"] = name


def _postgres_copy(connection, say):
    """CREATE DATABASE <test>_e2e TEMPLATE <demo template>; dropped at the end."""
    from tests import database_templates

    templates = database_templates.PostgresTemplates(os.environ["DATABASE_URL"], say)
    template = templates.demo(_seeders())
    target = f"{templates.prefix}_e2e"
    templates.clone(template, target)
    say(f"Browser tests run on {target}, a fresh copy of {template}")
    original = connection.settings_dict["NAME"]
    _use_database(connection, target)

    def drop():
        _use_database(connection, original)
        templates.drop(target)

    return drop


def _sqlite_copy(connection, say):
    """The demo template file copied into a shared in-memory database, as Django
    does for a SQLite test database: the site's thread shares the connection."""
    from tests import database_templates

    template = database_templates.SqliteTemplates(say).demo(_seeders())
    _use_database(connection, "file:memorydb_e2e?mode=memory&cache=shared")
    connection.ensure_connection()
    database_templates.copy_sqlite_into(template, connection.connection)
    say(f"Browser tests run on an in-memory copy of {template.name}")
    return lambda: None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The site serving the copy of the demo database on 127.0.0.1.

    Database access stays open for the whole session: the tests read what the
    site's thread wrote.
    """
    from pytest_django.live_server_helper import LiveServer

    django_db_blocker.unblock()
    server = LiveServer("127.0.0.1:0")
    yield server
    server.stop()
    django_db_blocker.restore()


@pytest.fixture
def site_url(demo_site):
    return demo_site.url


@pytest.fixture(autouse=True)
def _clear_cache_and_mail(request):
    if "demo_site" not in request.fixturenames and "site_url" not in (
        request.fixturenames
    ):
        yield
        return
    from django.core import mail
    from django.core.cache import cache

    cache.clear()
    mail.outbox = []
    yield


@pytest.fixture(scope="session")
def report():
    return checks.REPORT


@pytest.fixture(scope="session")
def artefacts():
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS


def pytest_terminal_summary(terminalreporter):
    summary = checks.REPORT.summary()
    if summary:
        terminalreporter.write_sep("-", "real-browser checks")
        for line in summary:
            terminalreporter.write_line(line)
