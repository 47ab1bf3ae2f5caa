"""SQLite as a multi-process app must use it (issue 16): a worker writing while an
editor publishes waits its turn instead of answering "database is locked"."""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

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
