"""SQLite as a multi-process app must use it (issue 16): a worker writing while an
editor publishes waits its turn instead of answering "database is locked"."""

import sqlite3
import threading
import time
import uuid

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.utils import timezone

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite only",
)


def _connection(path, alias):
    """A connection configured as the site's (numeriqc.settings.base), by alias."""
    from numeriqc.settings.base import sqlite_options

    wrapper = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "NAME": str(path),
            "OPTIONS": sqlite_options(),
            "CONN_MAX_AGE": 0,
            "TEST": {},
        },
        alias=alias,
    )
    wrapper.ensure_connection()
    connections[alias] = wrapper
    return wrapper


@pytest.fixture(autouse=True)
def _own_files(django_db_blocker):
    """These connections open files of their own, not the test database."""
    with django_db_blocker.unblock():
        yield


def test_the_site_opens_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path):
    connection = _connection(tmp_path / "site.sqlite3", "sqlite-site")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    connection.close()


def test_a_worker_writing_while_a_page_is_published_does_not_lock_it_out(tmp_path):
    path = tmp_path / "site.sqlite3"
    setup = _connection(path, "sqlite-setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, title TEXT)")
        cursor.execute("CREATE TABLE delivery (id INTEGER PRIMARY KEY, status TEXT)")
        cursor.execute("INSERT INTO page (title) VALUES ('Brouillon')")
    setup.close()

    worker_writing = threading.Event()
    errors = []

    def worker():
        # The Celery worker of `make run`: a write transaction held for a moment.
        connection = _connection(path, "sqlite-worker")
        try:
            with connection.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("INSERT INTO delivery (status) VALUES ('sent')")
                worker_writing.set()
                threading.Event().wait(0.5)
                cursor.execute("COMMIT")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            worker_writing.set()
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    worker_writing.wait(5)
    editor = _connection(path, "sqlite-editor")
    # The editor publishes (one transaction, as Wagtail's publish is) while the
    # worker's transaction is still open: it waits, then writes.
    with transaction.atomic(using="sqlite-editor"), editor.cursor() as cursor:
        cursor.execute("SELECT title FROM page WHERE id = 1")
        cursor.execute("UPDATE page SET title = 'Publiée' WHERE id = 1")
    with editor.cursor() as cursor:
        cursor.execute("SELECT title FROM page")
        assert cursor.fetchone()[0] == "Publiée"
        cursor.execute("SELECT count(*) FROM delivery")
        assert cursor.fetchone()[0] == 1
    thread.join()
    editor.close()
    assert errors == []


@pytest.fixture
def site_database(tmp_path, transactional_db, django_db_blocker):
    """The migrated test database copied into a file, opened by the site's
    connection with the site's options, as `make run` opens db.sqlite3.

    Django keeps an in-memory test database's connection open for good: it is put
    aside, and given back afterwards.
    """
    from numeriqc.settings.base import sqlite_options

    path = tmp_path / "site.sqlite3"
    with django_db_blocker.unblock():
        site = connections["default"]
        site.ensure_connection()
        target = sqlite3.connect(path)
        site.connection.backup(target)
        target.close()
        saved = site.connection, dict(site.settings_dict)
        site.connection = None
        site.settings_dict.update(NAME=str(path), OPTIONS=sqlite_options())
        try:
            yield path
        finally:
            site.close()
            site.settings_dict.clear()
            site.settings_dict.update(saved[1])
            site.connection = saved[0]


def _worker_writes(stop, written, errors):
    """A Celery-like task: rows written in short transactions, each holding the
    write lock for a moment, with a little work between them (a loop with no pause
    at all would starve any other writer, whatever the settings), through its own
    connection."""
    try:
        while not stop.is_set():
            with transaction.atomic():
                Session.objects.create(
                    session_key=uuid.uuid4().hex,
                    session_data="",
                    expire_date=timezone.now(),
                )
                time.sleep(0.02)
            written.append(1)
            time.sleep(0.02)
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(error)
    finally:
        connections["default"].close()


def test_a_page_published_while_the_worker_writes_is_not_locked_out(site_database):
    """Wagtail's own publish (a revision published, its log and references
    written) while a worker thread keeps writing: no "database is locked"."""
    from wagtail.models import Locale, Page

    from home.models import StandardPage

    # A transactional test run before this one in the same worker flushed the
    # database, the migrations' root page and locales with it.
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Racine", slug="root")
    )
    page = root.add_child(
        instance=StandardPage(title="Brouillon", slug="brouillon", live=False)
    )
    stop, written, errors = threading.Event(), [], []
    thread = threading.Thread(target=_worker_writes, args=(stop, written, errors))
    thread.start()
    try:
        while not written and thread.is_alive():
            time.sleep(0.01)
        for number in range(1, 6):
            page.title = f"Publiée {number}"
            page.save_revision().publish()
    finally:
        stop.set()
        thread.join()
    assert errors == []
    published = StandardPage.objects.get(pk=page.pk)
    assert (published.live, published.title) == (True, "Publiée 5")
    assert Session.objects.count() == len(written) > 0
