"""Template databases (tests/database_templates.py): built once per key, reused,
never left half-built, and copied so that one run's writes never reach the next."""

import os
import sqlite3

import pytest

from tests import database_templates


def _build_table(rows):
    """A build step that creates a table and counts its calls."""
    calls = []

    def build(url):
        calls.append(url)
        path = url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE IF NOT EXISTS demo (value TEXT)")
            connection.executemany("INSERT INTO demo VALUES (?)", [(r,) for r in rows])

    return build, calls


def _values(path):
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT value FROM demo")]


def test_a_template_is_built_once_and_reused(tmp_path):
    templates = database_templates.SqliteTemplates(lambda line: None, tmp_path)
    build, calls = _build_table(["a"])
    first = templates.ensure("migrated", "key1", build)
    again = templates.ensure("migrated", "key1", build)
    assert first == again
    assert len(calls) == 1
    assert _values(first) == ["a"]


def test_a_new_key_rebuilds_and_drops_the_older_template(tmp_path):
    templates = database_templates.SqliteTemplates(lambda line: None, tmp_path)
    old = templates.ensure("migrated", "key1", _build_table(["a"])[0])
    new = templates.ensure("migrated", "key2", _build_table(["b"])[0])
    assert _values(new) == ["b"]
    assert not old.exists()


def test_an_interrupted_build_leaves_no_template(tmp_path):
    templates = database_templates.SqliteTemplates(lambda line: None, tmp_path)

    def broken(url):
        _build_table(["half"])[0](url)
        raise RuntimeError("migration failed")

    with pytest.raises(RuntimeError):
        templates.ensure("migrated", "key1", broken)
    build, calls = _build_table(["whole"])
    path = templates.ensure("migrated", "key1", build)
    assert calls, "the half-built database was taken for a template"
    assert _values(path) == ["whole"]


def test_the_demo_template_starts_from_the_migrated_one(tmp_path):
    templates = database_templates.SqliteTemplates(lambda line: None, tmp_path)
    migrated = templates.ensure("migrated", "m", _build_table(["migrated"])[0])
    demo = templates.ensure("demo", "d", _build_table(["demo"])[0], source=migrated)
    assert _values(demo) == ["migrated", "demo"]
    assert _values(migrated) == ["migrated"]


def test_a_copy_in_memory_leaves_the_template_untouched(tmp_path):
    templates = database_templates.SqliteTemplates(lambda line: None, tmp_path)
    template = templates.ensure("demo", "d", _build_table(["seeded"])[0])
    copy = sqlite3.connect("file:copy?mode=memory&cache=shared", uri=True)
    database_templates.copy_sqlite_into(template, copy)
    copy.execute("INSERT INTO demo VALUES ('written by a test')")
    copy.commit()
    assert _values(template) == ["seeded"]


def test_keys_follow_the_migrations_and_the_demo_code():
    assert database_templates.migrations_key() == database_templates.migrations_key()
    assert database_templates.demo_key(["a.seed"]) != database_templates.demo_key(
        ["b.seed"]
    )
    files = database_templates._source_files(
        lambda folder, name: bool(database_templates.DEMO_FILE.search(name))
    )
    names = {str(path.relative_to(database_templates.ROOT)) for path in files}
    assert {"home/demo.py", "vitrine/demo_data.py", "home/roles.py"} <= names
    assert not any(name.startswith(("tests/", ".venv/")) for name in names)


@pytest.mark.postgres
def test_postgres_templates_are_named_after_database_url_and_copied_fresh():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL only (DATABASE_URL)")
    import psycopg

    templates = database_templates.PostgresTemplates(url, lambda line: None)
    name = templates.base
    calls = []

    def build(build_url):
        calls.append(build_url)
        with psycopg.connect(build_url, autocommit=True) as connection:
            connection.execute("CREATE TABLE demo (value text)")
            connection.execute("INSERT INTO demo VALUES ('seeded')")

    key = f"selftest{os.getpid()}"
    template = templates.ensure("selftest", key, build)
    copy = f"{templates.prefix}_selftest_copy"
    try:
        assert template.startswith(f"test_{name}")
        assert templates.ensure("selftest", key, build) == template
        assert len(calls) == 1
        with psycopg.connect(templates.clone(template, copy)) as connection:
            connection.execute("INSERT INTO demo VALUES ('written by a test')")
        with psycopg.connect(templates.clone(template, copy)) as connection:
            values = connection.execute("SELECT value FROM demo").fetchall()
        assert values == [("seeded",)]
    finally:
        templates.drop(copy)
        templates.drop(template)
