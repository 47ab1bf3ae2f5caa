"""Every interface string exists in French and English; the catalogues are current."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

LOCALE = Path(__file__).resolve().parents[2] / "locale"
IGNORED = [".venv", "staticfiles", "media", "tests", "bench", "scripts", "node_modules"]


def entries(language):
    return [
        entry
        for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES/django.po"))
        if not entry.obsolete
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_message_is_translated(language):
    missing = [
        entry.msgid
        for entry in entries(language)
        if not entry.translated() or "fuzzy" in entry.flags
    ]
    assert missing == [], f"untranslated in locale/{language}: {missing[:20]}"


def test_both_catalogues_hold_the_same_messages():
    assert {e.msgid for e in entries("fr")} == {e.msgid for e in entries("en")}


def test_french_placeholders_match_the_source():
    import re

    placeholder = re.compile(r"%\(\w+\)s")
    for entry in entries("fr"):
        if entry.msgstr:
            assert sorted(placeholder.findall(entry.msgid)) == sorted(
                placeholder.findall(entry.msgstr)
            ), entry.msgid


NEEDS_GETTEXT = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)


@pytest.fixture
def project_copy(tmp_path, settings, monkeypatch):
    """A copy of the project to extract from. makemessages writes into the `locale`
    folder it finds beside the files it reads: on the project itself, it would
    rewrite the real catalogues."""
    project = tmp_path / "project"
    shutil.copytree(
        LOCALE.parent,
        project,
        ignore=shutil.ignore_patterns(
            ".venv",
            "staticfiles",
            "media",
            "node_modules",
            "tests",
            "bench",
            ".git",
            "__pycache__",
            ".test-databases",
            "test-results",
            "*.mo",
        ),
    )
    settings.LOCALE_PATHS = [project / "locale"]
    monkeypatch.chdir(project)
    return project


def make_messages(project):
    """What `make messages` runs, on the copy."""
    call_command(
        "makemessages",
        locale=["fr", "en"],
        no_wrap=True,
        add_location="file",
        ignore_patterns=IGNORED,
        verbosity=0,
    )
    subprocess.run(
        [sys.executable, str(project / "scripts" / "catalogues.py")],
        check=True,
        capture_output=True,
    )


@NEEDS_GETTEXT
def test_makemessages_would_not_change_the_catalogues(project_copy):
    copy = project_copy / "locale"
    call_command(
        "makemessages",
        locale=["fr", "en"],
        no_wrap=True,
        add_location="file",
        ignore_patterns=IGNORED,
        verbosity=0,
    )
    for language in ("fr", "en"):
        fresh = polib.pofile(str(copy / language / "LC_MESSAGES/django.po"))
        current = {(e.msgid, e.msgid_plural) for e in entries(language)}
        extracted = {(e.msgid, e.msgid_plural) for e in fresh if not e.obsolete}
        assert extracted - current == set(), (
            f"new strings missing from locale/{language}: run make messages"
        )
        assert current - extracted == set(), (
            f"stale strings in locale/{language}: run make messages"
        )


@NEEDS_GETTEXT
def test_make_messages_twice_changes_nothing_the_second_time(project_copy):
    """No creation date, no wrapping or location churn: once a contributor's
    `make messages` has run, running it again leaves the catalogues as they are,
    so that a diff holds only real changes."""
    make_messages(project_copy)
    catalogues = sorted((project_copy / "locale").glob("*/LC_MESSAGES/django.po"))
    first = {path: path.read_bytes() for path in catalogues}
    make_messages(project_copy)
    assert {path: path.read_bytes() for path in catalogues} == first
    assert b"POT-Creation-Date" not in b"".join(first.values())
