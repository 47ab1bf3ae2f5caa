"""The admin templates that are ours name what they show (WCAG 1.3.1): every table
has a caption or a label, so that a screen reader's table list tells them apart."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = re.compile(r"<table\b[^>]*>", re.S)


def our_admin_templates():
    for path in ROOT.glob("*/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        if "admin" in path.relative_to(ROOT).parts[2:]:
            yield path


def unnamed_tables(text):
    unnamed = []
    for match in TABLE.finditer(text):
        tag = match.group(0)
        after = text[match.end() :].lstrip()
        if "aria-label" in tag or after.startswith("<caption"):
            continue
        unnamed.append(text[: match.start()].count("\n") + 1)
    return unnamed


def test_every_table_of_our_admin_templates_is_named():
    templates = list(our_admin_templates())
    assert len(templates) >= 10, templates
    found = {}
    for path in templates:
        lines = unnamed_tables(path.read_text())
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert not found, found
