"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext.

`make run` must work on a machine with only Python: polib (a dependency of
wagtail-localize) writes the same .mo files that msgfmt would.
"""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (no gettext needed)."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} catalogue(s) compiled.")
