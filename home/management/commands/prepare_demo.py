"""What `make run` needs before it serves, in one Django start-up, each step done
only when it has something to do:

1. migrate, when a migration is not applied yet (a line every 25 migrations);
2. compile the translation catalogues that changed (compile_catalogues);
3. load the demo content (seed_demo), unless this database already holds it from
   the same demo code: a stamp in DATA_DIR records the database and a hash of the
   code that writes the demo content. `--force-seed` loads it again.
"""

import hashlib
import json
import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

# The code that writes the demo content (as tests/database_templates.py has it).
DEMO_FILE = re.compile(r"(^|_)demo(_data)?\.py$|^strategy_data\.py$|^roles\.py$")
SKIPPED = {".git", ".venv", "node_modules", "tests", "bench", "media", "staticfiles"}
SKIPPED |= {".test-databases", "__pycache__", ".celery-broker", "locale"}


class _Counting:
    """migrate's output, told as a line every `every` migrations applied."""

    def __init__(self, say, total, every=25):
        self.say, self.total, self.every, self.applied = say, total, every, 0

    def write(self, text):
        self.applied += text.count("Applying ")
        if self.applied and self.applied % self.every == 0 and "Applying " in text:
            self.say(f"  {self.applied}/{self.total} migrations applied…")

    def flush(self):
        pass


def demo_code_key():
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED)
        for name in sorted(files):
            if DEMO_FILE.search(name) or (
                name.endswith(".py") and Path(folder).name == "migrations"
            ):
                path = Path(folder) / name
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    seed = Path(__file__).with_name("seed_demo.py")
    digest.update(seed.read_bytes())
    return digest.hexdigest()[:16]


class Command(BaseCommand):
    help = (
        "Migrate, compile the catalogues and load the demo content, each only "
        "when it has something to do (make run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force-seed", action="store_true")

    def say(self, line):
        self.stdout.write(f"[make run] {line}")
        self.stdout.flush()

    def handle(self, *args, **options):
        started = time.monotonic()
        migrated = self.migrate()
        call_command("compile_catalogues", verbosity=0)
        self.say("Translation catalogues compiled")
        # A migrated database may be a new one (db.sqlite3 removed): seed it again.
        self.seed(options["force_seed"] or migrated)
        self.say(f"Ready in {time.monotonic() - started:.0f}s")

    def migrate(self):
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if not plan:
            self.say("Database up to date: no migration to apply")
            return 0
        started = time.monotonic()
        self.say(f"Migrating the database: {len(plan)} migrations to apply…")
        call_command(
            "migrate",
            interactive=False,
            verbosity=1,
            stdout=_Counting(self.say, len(plan)),
        )
        self.say(
            f"  {len(plan)} migrations applied in {time.monotonic() - started:.0f}s"
        )

    def _stamp(self):
        return Path(settings.DATA_DIR) / ".demo-loaded"

    def seed(self, forced):
        database = settings.DATABASES[DEFAULT_DB_ALIAS]
        wanted = {
            "database": f"{database['ENGINE']}:{database.get('HOST', '')}:"
            f"{database.get('PORT', '')}:{database['NAME']}",
            "demo_code": demo_code_key(),
        }
        stamp = self._stamp()
        try:
            loaded = json.loads(stamp.read_text())
        except (OSError, ValueError):
            loaded = None
        if loaded == wanted and not forced:
            self.say(
                "Demo content already loaded, by the same demo code "
                f"(site: {settings.SITE_URL}/fr/ and /en/, admin: {settings.SITE_URL}"
                "/admin/)"
            )
            return
        started = time.monotonic()
        self.say("Loading the demo content…")
        call_command("seed_demo")
        stamp.write_text(json.dumps(wanted))
        self.say(f"  demo content loaded in {time.monotonic() - started:.0f}s")
