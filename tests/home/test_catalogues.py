"""Every interface string exists in French and English; the catalogues are current."""

import shutil
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


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
def test_makemessages_would_not_change_the_catalogues(tmp_path, settings, monkeypatch):
    # makemessages writes into the `locale` folder it finds beside the files it
    # reads: run on a copy of the project, or it rewrites the real catalogues.
    project = tmp_path / "project"
    shutil.copytree(
        LOCALE.parent,
        project,
        ignore=shutil.ignore_patterns(
            *IGNORED, ".git", "__pycache__", ".test-databases", "test-results", "*.mo"
        ),
    )
    copy = project / "locale"
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(project)
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
