"""Demo content of only some parts of the platform, for their own demo tests.

`seed_demo` runs every part's seeder; the whole command is tested once, twice in a
row, in tests/home/test_seed_demo.py. A part's own test seeds the foundation and
that part only (in the command's order), which keeps the suite fast.
"""

import os

from wagtail import hooks


def seed_demo_of(*parts):
    """The foundation's seeder, then those of `parts` (e.g. "consultation.lab")."""
    modules = {"home.wagtail_hooks", *(f"{part}.wagtail_hooks" for part in parts)}
    with open(os.devnull, "w") as quiet:
        for seeder in hooks.get_hooks("numeriqc_seed_demo"):
            if seeder.__module__ in modules:
                seeder(quiet)
