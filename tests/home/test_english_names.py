"""One English name for each part of the site (WCAG 3.2.4, consistent
identification): "numériQc Barometer" and "numériQc Showcase" everywhere in English,
never the French "Baromètre" or "Vitrine": in the interface catalogue and in the
English demo content."""

from pathlib import Path
from types import ModuleType

import polib

from barometre import demo as barometre_demo
from home import strategy_data
from vitrine import demo_data as vitrine_demo

FRENCH_NAMES = ("Baromètre", "Vitrine")
CATALOGUE = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"


def english_strings(value, english=False):
    """Every string held under an "en" key of nested seed data."""
    if isinstance(value, str):
        return [value] if english else []
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            found += english_strings(item, english or key == "en")
        return found
    if isinstance(value, list | tuple):
        return [text for item in value for text in english_strings(item, english)]
    return []


def module_data(module: ModuleType):
    return [value for name, value in vars(module).items() if name.isupper()]


def test_the_english_catalogue_names_each_part_in_english():
    french = [
        entry.msgstr
        for entry in polib.pofile(str(CATALOGUE))
        if any(name in entry.msgstr for name in FRENCH_NAMES)
    ]
    assert french == []


def test_the_english_demo_content_names_each_part_in_english():
    texts = []
    for module in (strategy_data, vitrine_demo, barometre_demo):
        texts += english_strings(module_data(module))
    assert len(texts) > 100
    french = [text for text in texts if any(name in text for name in FRENCH_NAMES)]
    assert french == []
