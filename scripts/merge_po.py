"""Git merge driver for gettext catalogues: a three-way merge by message.

    git config merge.pofile.name "gettext catalogue merge"
    git config merge.pofile.driver ".venv/bin/python scripts/merge_po.py %O %A %B"

(.gitattributes routes locale/*/LC_MESSAGES/*.po to it.) Each side's new messages
are kept, a translation changed on one side wins over the unchanged other, and a
message removed on one side stays removed. Run `make messages` afterwards to put
the entries back in source order.
"""

import sys

import polib


def key(entry):
    return (entry.msgctxt, entry.msgid)


def translation(entry):
    return (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))


def merge(base_path, ours_path, theirs_path):
    base = {key(e): e for e in polib.pofile(base_path, wrapwidth=0)}
    ours = polib.pofile(ours_path, wrapwidth=0)
    theirs = {key(e): e for e in polib.pofile(theirs_path, wrapwidth=0)}
    ours_keys = {key(e) for e in ours}
    for entry in list(ours):
        other = theirs.get(key(entry))
        original = base.get(key(entry))
        if other is None:
            if original is not None:  # removed on their side
                ours.remove(entry)
            continue
        if original is not None and translation(entry) == translation(original):
            entry.msgstr, entry.msgstr_plural = other.msgstr, other.msgstr_plural
        entry.occurrences = sorted(set(entry.occurrences) | set(other.occurrences))
    for entry_key, entry in theirs.items():
        if entry_key not in ours_keys and entry_key not in base:
            ours.append(entry)
    for entry in ours:  # msgmerge's "#|" lines make the result unreadable to it
        entry.previous_msgctxt = None
        entry.previous_msgid = entry.previous_msgid_plural = None
    ours.save(ours_path)
    return 0


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))
