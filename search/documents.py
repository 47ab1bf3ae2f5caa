"""PostgreSQL search in the page documents: match, filter, rank and count at once.

    found = documents.ranked(query, backend, locale, limit=FACET_LIMIT)
    found.count, found.ids   # every match counted, the first `limit` ids in order

The rows are Wagtail's index entries with the page's locale, status and place
copied in (search/migrations/0003_page_documents.py), so the GIN index on the
stored `title || body` finds the matches of one language and the query never
joins the page table. The text search query and the rank are modelsearch's own
expressions (built by the backend's query compiler), and the order is its
order (rank, then newest id first): the same hits in the same order as
`Page.objects.search()`, which tests/search/test_search_equivalence.py checks.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from .models import PageDocument


def supported(backend_name):
    """True where the pages are searched in PostgreSQL with our backend."""
    if connection.vendor != "postgresql":
        return False
    from .backends import _postgres_backend_class

    return isinstance(get_search_backend(backend_name), _postgres_backend_class())


@dataclass
class Ranked:
    count: int = 0
    ids: list = field(default_factory=list)


def restricted_paths():
    """Paths of the private sections (Wagtail's `public()` reads them the same way)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _public(paths, prefix=""):
    """Outside every private section (`PageQuerySet.public()`)."""
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return ~condition if condition else Q()


def _expressions(query, backend_name):
    """modelsearch's tsquery and rank for this query, on the document's columns."""
    backend = get_search_backend(backend_name)
    compiler = backend.query_compiler_class(Page.objects.all(), query)
    tsquery = compiler.build_tsquery(compiler.query, config=backend.config)
    if tsquery is None:
        return None, None
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    return tsquery, compiler._build_rank_expression(vectors, backend.config)


def _matches(query, backend_name, locale, paths):
    """The live, public, non-alias pages of a locale matching the query, ranked."""
    tsquery, rank = _expressions(query, backend_name)
    if tsquery is None:
        return None
    return (
        PageDocument.objects.filter(
            document=tsquery,
            live=True,
            is_alias=False,
            locale_id=locale.pk,
            depth__gt=1,
        )
        .filter(_public(paths))
        .annotate(rank=rank)
        .order_by("-rank", "-page_id")
    )


def ranked(query, backend_name, locale, paths, condition=None, limit=10):
    """Every match counted and the first `limit` page ids, in one query.

    `condition` (on the documents) narrows the matches: the kind, organization
    and theme facets.
    """
    matches = _matches(query, backend_name, locale, paths)
    if matches is None:
        return Ranked()
    if condition is not None:
        matches = matches.filter(condition)
    counted = matches.annotate(total=Window(Count("*")))
    rows = list(counted.values_list("page_id", "total")[:limit])
    return Ranked(count=rows[0][1] if rows else 0, ids=[row[0] for row in rows])


def ranked_slice(query, backend_name, locale, paths, start, stop, condition=None):
    """The page ids of one slice of the ranking (pages past the first `limit`)."""
    matches = _matches(query, backend_name, locale, paths)
    if matches is None:
        return []
    if condition is not None:
        matches = matches.filter(condition)
    return list(matches.values_list("page_id", flat=True)[start:stop])


def untranslated(query, backend_name, other, locale, paths, limit):
    """Ids of the other language's matching pages with no page in this one.

    Matched first (the GIN index finds the few), then each match looks up its
    translation by (translation_key, locale), the unique index of pages.
    """
    matches = _matches(query, backend_name, other, paths)
    if matches is None:
        return []
    translations = (
        Page.objects.filter(
            translation_key=OuterRef("page__translation_key"),
            locale=locale,
            live=True,
            alias_of__isnull=True,
            depth__gt=1,
        )
        .filter(_public(paths))
        .values("pk")
    )
    matches = matches.filter(~Exists(translations))
    return list(matches.values_list("page_id", flat=True)[:limit])


def specific_pages(ids):
    """The specific pages of these ids, in this order."""
    if not ids:
        return []
    found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [found[pk] for pk in ids if pk in found]
