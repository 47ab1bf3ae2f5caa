"""Real-browser tests: Debian's Chromium driven by Playwright against a live site.

The site runs in a thread of this process (pytest-django's live server helper) on a
test database that holds the demo content, loaded once per run. Browser tests run in a
pytest process of their own (`make test` starts it after the rest of the suite), so
that the demo content never leaks into the other tests' expectations.

When Chromium is missing every test here is skipped with the reason printed; CI
installs it first (`make browser-deps`), so there it always runs.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.e2e import checks

# Playwright's sync API keeps an event loop running in the test thread; the ORM calls
# the tests make between browser steps are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
    # Browser tests come last: they share one database loaded with the demo content.
    others = [item for item in items if item not in ours]
    items[:] = others + ours
    if not chromium_available():
        skip = pytest.mark.skip(
            reason=f"Chromium not found at {CHROMIUM}: real-browser tests skipped "
            "(install it with `apt-get install chromium` or `make browser-deps`)"
        )
        for item in ours:
            item.add_marker(skip)
    for item in ours:
        item.add_marker(pytest.mark.e2e)
        # Each test runs in a transaction rolled back at its end, on top of the
        # demo content committed once for the session.
        item.add_marker(pytest.mark.django_db)


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
    """The demo content in the test database, and the site serving it on 127.0.0.1.

    The demo content is committed once; what a test writes through the browser is
    its own business (each test asserts on differences, never on totals).
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock(), open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    server = LiveServer("127.0.0.1:0")
    yield server
    server.stop()


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
