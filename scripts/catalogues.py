"""Keep the translation catalogues complete.

    python scripts/catalogues.py            # fill en (source strings are English)
                                            # and list untranslated French entries
    python scripts/catalogues.py --check    # exit 1 if an entry is untranslated

The code's strings are written in English; `locale/en` repeats them (so that the
catalogue is complete) and `locale/fr` holds the French, written by a person.
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def untranslated(po):
    return [
        entry
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def drop_obsolete(po):
    for entry in [entry for entry in po if entry.obsolete]:
        po.remove(entry)


def fill_english(po):
    """English is the source language: each message is its own translation.

    Rewriting every entry (not only empty ones) also undoes msgmerge's fuzzy
    guesses, which copy the text of a merely similar message.
    """
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid


def forget_previous_wording(po):
    """Drop msgmerge's "#|" lines: they only mislead the next merge."""
    for entry in po:
        entry.previous_msgctxt = None
        entry.previous_msgid = entry.previous_msgid_plural = None


def normalise_header(po, language):
    po.metadata_is_fuzzy = False
    po.metadata["Project-Id-Version"] = "numeriqc"
    po.metadata["Language"] = language
    po.metadata["Language-Team"] = f"numériQc <{language}>"
    po.metadata.pop("Last-Translator", None)
    # Dates change at every extraction and only cause merge conflicts.
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata.pop("PO-Revision-Date", None)
    po.header = f"numériQc interface strings: {language}."


def main(check):
    en_path = LOCALE / "en/LC_MESSAGES/django.po"
    fr_path = LOCALE / "fr/LC_MESSAGES/django.po"
    en, fr = (
        polib.pofile(str(en_path), wrapwidth=0),
        polib.pofile(str(fr_path), wrapwidth=0),
    )
    if not check:
        fill_english(en)
        for po, language in ((en, "en"), (fr, "fr")):
            normalise_header(po, language)
            forget_previous_wording(po)
            drop_obsolete(po)
            po.save()
    missing = {"en": untranslated(en), "fr": untranslated(fr)}
    for language, entries in missing.items():
        for entry in entries:
            print(  # noqa: T201
                f"{language}: untranslated: {entry.msgid!r} ({entry.occurrences[:1]})"
            )
    return 1 if check and any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
