"""Search latency over 50,000 pages, against the plain PostgreSQL full-text query.

Creates a throw-away PostgreSQL database (DATABASE_URL names the server), migrates
it, inserts 50,000 generated pages (40,000 French, 10,000 English; text drawn from
the strategy seed), indexes them with the per-language backends (each page's row
built by its own language's text search configuration), then times, for a rare
term (5 pages) and a very common one (every French page):

- `backend`: the Wagtail search the page runs (first 10 results and the count),
- `search_page`: the whole use case (`search.services.search`: results, count,
  facets, the other language, promotions),
- `plain_fts`: the plain PostgreSQL full-text query on the same index table
  (GIN index, `@@`, ordered by `ts_rank`, LIMIT 10, and its count), the floor.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        python bench/bench_search.py
    ... --quick   (5,000 pages, fewer repetitions)

Prints a JSON dict: median and 95th percentile in milliseconds, and ratios to the
plain query measured in the same run.
"""

import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness import unreachable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent.parent / "shared" / "seeds"
RARE, COMMON = "zygomorphe", "numérique"
FALLBACK_WORDS = [
    *("transformation gouvernement services citoyens données ouvertes sécurité",),
    *("infonuagique formation ministères organismes accès information",),
]
FALLBACK_WORDS = " ".join(FALLBACK_WORDS).split(" ")
ENGLISH_WORDS = [
    *("digital transformation government services citizens open data security",),
    *("cloud training ministries bodies access information strategy platform",),
    *("consultation showcase projects benefits barometer targets measures",),
]
ENGLISH_WORDS = " ".join(ENGLISH_WORDS).split(" ")


def words():
    texts = [path.read_text(errors="ignore") for path in sorted(SEED.glob("*.txt"))]
    found = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]{4,}", " ".join(texts).lower())
    vocabulary = sorted(set(found) - {RARE, COMMON})
    return vocabulary or FALLBACK_WORDS


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(function, repetitions):
    function()  # warm up
    samples = []
    for _ in range(repetitions):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 0.95), 2),
    }


def interleaved(functions, rounds, repetitions):
    """Median and p95 of each function, timed in alternating rounds."""
    for function in functions:
        function()  # warm up
    samples = [[] for _ in functions]
    for _ in range(rounds):
        for function, times in zip(functions, samples, strict=True):
            for _ in range(repetitions):
                started = time.perf_counter()
                function()
                times.append((time.perf_counter() - started) * 1000)
    return [
        {
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 0.95), 2),
        }
        for times in samples
    ]


class ThrowAwayDatabase:
    def __init__(self, server_url):
        parts = urlsplit(server_url)
        prefix = os.environ.get("BENCH_DB_PREFIX", "numeriqc_bench")
        self.name = f"{prefix}_search_{os.getpid()}"
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    def _admin(self, statement):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def create(self):
        self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "numeriqc.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    for child in root.get_children():
        Site.objects.filter(root_page=child).delete()
        child.delete()
    home_fr = root.add_child(
        instance=HomePage(title="Accueil", slug="accueil", locale=french)
    )
    home_en = home_fr.copy_for_translation(english)
    home_en.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home_fr, is_default_site=True)
    return Page.objects.get(pk=home_fr.pk), Page.objects.get(pk=home_en.pk)


def insert_pages(parent, count, vocabulary, rare_every, common, slug_prefix):
    """Bulk rows in wagtailcore_page and home_standardpage (tree paths computed)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from home.models import StandardPage

    content_type = ContentType.objects.get_for_model(StandardPage)
    from wagtail.models import Page as page_table

    random.seed(8)
    rows, extra = [], []
    for number in range(count):
        title = " ".join(random.choices(vocabulary, k=4)).capitalize()
        summary_words = random.choices(vocabulary, k=40)
        if common:
            summary_words.insert(random.randrange(40), common)
        if rare_every and number % rare_every == 0:
            summary_words.insert(random.randrange(40), RARE)
        path = parent.path + StandardPage._int2str(number + 1).rjust(4, "0")
        slug = f"{slug_prefix}-{number}"
        rows.append(
            (
                path,
                parent.depth + 1,
                0,
                title,
                title,
                slug,
                True,
                False,
                f"{parent.url_path}{slug}/",
                content_type.pk,
                False,
                False,
                parent.locale_id,
                str(uuid.uuid4()),
                False,
            )
        )
        extra.append(" ".join(summary_words))
    columns = (
        "path, depth, numchild, title, draft_title, slug, live,"
        " has_unpublished_changes, url_path, content_type_id, show_in_menus,"
        " expired, locale_id,"
        " translation_key, locked, search_description, seo_title"
    )
    with connection.cursor() as cursor:
        ids = []
        for start in range(0, count, 1000):
            chunk = rows[start : start + 1000]
            values = ", ".join(
                ["(" + ", ".join(["%s"] * 15) + ", '', '')"] * len(chunk)
            )
            cursor.execute(
                f"INSERT INTO {page_table._meta.db_table} ({columns}) VALUES {values}"  # noqa: S608
                " RETURNING id",
                [value for row in chunk for value in row],
            )
            ids.extend(row[0] for row in cursor.fetchall())
        for start in range(0, count, 1000):
            chunk = list(
                zip(ids[start : start + 1000], extra[start : start + 1000], strict=True)
            )
            values = ", ".join(["(%s, %s, '[]', NULL)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {StandardPage._meta.db_table}"  # noqa: S608
                " (page_ptr_id, summary, body, organization_id)"
                f" VALUES {values}",
                [value for row in chunk for value in row],
            )
        cursor.execute(
            f"UPDATE {page_table._meta.db_table} SET numchild = %s WHERE id = %s",  # noqa: S608
            [count, parent.pk],
        )
    return ids


def index_pages():
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage

    started = time.perf_counter()
    for name in ("default", "en"):
        backend = get_search_backend(name)
        index = backend.get_index_for_model(StandardPage)
        queryset = StandardPage.objects.order_by("pk")
        last = 0
        while True:
            chunk = list(queryset.filter(pk__gt=last)[:1000])
            if not chunk:
                break
            index.add_items(StandardPage, chunk)
            last = chunk[-1].pk
    return round(time.perf_counter() - started, 1)


def plain_query(term):
    from django.db import connection

    def run():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id FROM wagtailsearch_indexentry"
                " WHERE body @@ plainto_tsquery('numeriqc_fr', %s)"
                " ORDER BY ts_rank(body, plainto_tsquery('numeriqc_fr', %s)) DESC"
                " LIMIT 10",
                [term, term],
            )
            cursor.fetchall()
            cursor.execute(
                "SELECT count(*) FROM wagtailsearch_indexentry"
                " WHERE body @@ plainto_tsquery('numeriqc_fr', %s)",
                [term],
            )
            return cursor.fetchone()[0]

    return run


def backend_query(term):
    """The results as the search page gets them: first 10 pages and the count.

    On PostgreSQL, the one ranked query in the page documents (the page asks it
    for the first 500 ids, which serve its facets too) and the 10 pages.
    """
    from wagtail.models import Locale

    from search import documents, services

    locale = Locale.objects.get(language_code="fr")

    def run():
        paths = documents.restricted_paths()
        results, _fuzzy, _first = services._ranked_search(
            term, locale, "default", paths, ("", "", "")
        )
        list(results[:10])
        return results.count()

    return run


def before_backend_query(term):
    """The same, as before issue 19: modelsearch's search of `pages_in`."""
    from wagtail.models import Locale

    from tests.search.reference_search import pages_in

    locale = Locale.objects.get(language_code="fr")

    def run():
        results = pages_in(locale).specific().search(term, backend="default")
        list(results[:10])
        return results.count()

    return run


def use_case(term, module="search.services"):
    from importlib import import_module

    search = import_module(module).search

    def run():
        return search(term, "fr").count

    return run


def run(quick=False):
    server = os.environ.get("DATABASE_URL", "")
    reason = unreachable(postgres=server)
    if reason:
        return {"skipped": reason}
    total = 5_000 if quick else 50_000
    repetitions = 10 if quick else 40
    database = ThrowAwayDatabase(server)
    database.create()
    try:
        setup_django(database.url)
        vocabulary = words()
        home_fr, home_en = build_site()
        french = int(total * 0.8)
        insert_pages(home_fr, french, vocabulary, french // 5, COMMON, "page")
        insert_pages(home_en, total - french, ENGLISH_WORDS, 0, None, "page-en")
        indexing_seconds = index_pages()
        from django.db import connection

        with connection.cursor() as cursor:
            # As autovacuum would after such a load: GIN indexes keep the rows
            # inserted since they were built in a pending list that every scan
            # reads until a VACUUM merges it (the limit's index as well).
            cursor.execute("VACUUM ANALYZE")
        figures = {
            "pages": total,
            "indexing_s": indexing_seconds,
            "loadavg_start": Path("/proc/loadavg").read_text().split()[:3],
        }
        for label, term in (("rare", RARE), ("common", COMMON)):
            counts = {
                "plain": plain_query(term)(),
                "backend": backend_query(term)(),
            }
            counts["before"] = before_backend_query(term)()
            # Interleaved: each round times the limit, then the search, then the
            # whole page, so a busy machine slows all three alike.
            plain, backend, whole = interleaved(
                [plain_query(term), backend_query(term), use_case(term)],
                rounds=5,
                repetitions=max(2, repetitions // 5),
            )
            before = timed(before_backend_query(term), max(3, repetitions // 8))
            before_whole = timed(
                use_case(term, "tests.search.reference_search"),
                max(3, repetitions // 8),
            )
            figures[label] = {
                "term": term,
                "matches": counts,
                "plain_fts": plain,
                "backend": backend,
                "search_page": whole,
                "before_issue_19": {"backend": before, "search_page": before_whole},
                "ratio_backend_to_plain_median": round(
                    backend["median_ms"] / max(plain["median_ms"], 0.01), 1
                ),
                "ratio_search_page_to_plain_median": round(
                    whole["median_ms"] / max(plain["median_ms"], 0.01), 1
                ),
            }
        figures["ratios"] = [
            {
                "figure": f"search backend, {label} term, median ms",
                "measured": figures[label]["backend"]["median_ms"],
                "limit": f"plain GIN query {figures[label]['plain_fts']['median_ms']}",
                "ratio": figures[label]["ratio_backend_to_plain_median"],
            }
            for label in ("rare", "common")
        ] + [
            {
                "figure": "whole search page, common term, median ms",
                "measured": figures["common"]["search_page"]["median_ms"],
                "limit": "plain GIN query "
                f"{figures['common']['plain_fts']['median_ms']}",
                "ratio": figures["common"]["ratio_search_page_to_plain_median"],
            }
        ]
        figures["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
        return figures
    finally:
        from django.db import connections

        connections.close_all()
        database.drop()


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2, ensure_ascii=False))
