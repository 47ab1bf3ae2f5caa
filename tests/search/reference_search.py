"""A frozen copy of the search use case before issue 19 (commit 9d9d952).

tests/search/test_search_equivalence.py compares the new search with it: same
hits, same order, same counts, same facets, same other-language matches. Not
used by the site; do not update it to follow the new code.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import NotSupportedError
from django.db.models import Count, F, Q
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import registry
from search.services import promotions

FACET_LIMIT = 500
OTHER_LANGUAGE_LIMIT = 5
RESULTS_PER_PAGE = 10


def backend_for(language):
    return language if language in settings.WAGTAILSEARCH_BACKENDS else "default"


def other_language(language):
    codes = [code for code, _name in settings.LANGUAGES if code != language]
    return codes[0] if codes else None


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def pages_in(locale):
    """Live, public pages of one locale, aliases left out (they are not content)."""
    originals = Page.objects.filter(alias_of__isnull=True, locale=locale)
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1, id__in=originals.values("id"))
    )


def _with_facet_filters(pages, kind, organization, theme):
    if kind:
        models_of_kind = registry.models_of_kind(kind) or [Page]
        content_types = ContentType.objects.get_for_models(*models_of_kind).values()
        pages = pages.filter(content_type__in=[ct.pk for ct in content_types])
    for facet, key in (("organization", organization), ("theme", theme)):
        if key:
            pages = pages.filter(id__in=_pages_pointing_at(facet, key))
    return pages


def _pages_pointing_at(facet, translation_key):
    """Ids of pages whose organization (or theme) is this one, in any language."""
    condition = Q()
    for model, names in registry.facet_fields(facet).items():
        for name in names:
            ids = model.objects.filter(**{f"{name}__translation_key": translation_key})
            condition |= Q(id__in=ids.values("id"))
    if not condition:
        return Page.objects.none().values("id")
    return Page.objects.filter(condition).values("id")


@dataclass
class SearchOutcome:
    query: str
    language: str
    page: object = None  # a Paginator page of specific pages (or snippets)
    count: int = 0
    fuzzy: bool = False
    facets: dict = field(default_factory=dict)
    other_language: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    snippets: list = field(default_factory=list)


def search(query, language, kind="", organization="", theme="", page_number=1):
    """Everything the search page shows, for a cleaned query."""
    outcome = SearchOutcome(query=query, language=language)
    locale = _locale(language)
    if not query or locale is None:
        return outcome
    backend = backend_for(language)
    if kind == "service":
        results, fuzzy = _search_snippets(query, locale, backend), False
        outcome.page, outcome.count = _paginate(results, page_number)
    else:
        pages = _with_facet_filters(pages_in(locale), kind, organization, theme)
        results, fuzzy = _search_with_tolerance(pages.specific(), query, backend)
        outcome.page, outcome.count = _paginate(results, page_number)
        outcome.facets = facets(results, locale)
        snippets = _search_snippets(query, locale, backend)
        outcome.snippets = list(snippets[:5])
        if outcome.facets and outcome.snippets:
            count = len(outcome.snippets)
            count = snippets.count() if count == 5 else count
            outcome.facets["kind"].append(
                {"key": "service", "label": registry.KINDS["service"], "count": count}
            )
    outcome.fuzzy = fuzzy
    outcome.other_language = untranslated_matches(query, language, locale)
    outcome.promotions = promotions(query, locale)
    return outcome


def _paginate(results, page_number):
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(page_number)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return page, paginator.count


def _search_with_tolerance(queryset, query, backend):
    """The results; if none, those of a search tolerant of one mistyped letter."""
    results = queryset.search(query, backend=backend)
    if results.count() or len(query) < 4:
        return results, False
    fuzzy = fuzzy_search(queryset, query, backend)
    if fuzzy is not None and fuzzy.count():
        return fuzzy, True
    return results, False


def fuzzy_search(queryset, query, backend):
    """Trigram (PostgreSQL) or fuzzy (OpenSearch) matching; None where unsupported."""
    from modelsearch.query import Fuzzy

    try:
        results = queryset.search(Fuzzy(query, unaccent=True), backend=backend)
        results.count()
    except (NotImplementedError, NotSupportedError, TypeError):
        return None
    return results


def _search_snippets(query, locale, backend):
    """Public snippets of the reader's language (the first declared model: today,
    feedback's services; a second model would need a kind of its own)."""
    models = registry.snippet_models()
    if not models:
        return []
    queryset = models[0].objects.filter(locale_id=locale.pk)
    return get_search_backend(backend).search(query, queryset)


def untranslated_matches(query, language, locale):
    """Matches in the other language whose page has no translation in this one."""
    code = other_language(language)
    other = _locale(code) if code else None
    if other is None:
        return []
    translated = pages_in(locale).values("translation_key")
    pages = pages_in(other).exclude(translation_key__in=translated).specific()
    found = pages.search(query, backend=backend_for(code))[:OTHER_LANGUAGE_LIMIT]
    return [(page, code) for page in found]


def facets(results, locale):
    """Counts per kind, organization and theme among the first FACET_LIMIT results."""
    ids = [page.pk for page in results[:FACET_LIMIT]]
    if not ids:
        return {}
    per_kind = {}
    rows = (
        Page.objects.filter(pk__in=ids).values("content_type").annotate(n=Count("pk"))
    )
    for row in rows:
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        kind = registry.kind_of(model) if model else "page"
        per_kind[kind] = per_kind.get(kind, 0) + row["n"]
    return {
        "kind": [
            {"key": key, "label": registry.KINDS.get(key, key), "count": count}
            for key, count in sorted(per_kind.items(), key=lambda item: -item[1])
        ],
        "organization": _related_facet("organization", ids, locale),
        "theme": _related_facet("theme", ids, locale),
    }


def _related_facet(facet, ids, locale):
    counts = {}
    for model, names in registry.facet_fields(facet).items():
        for name in names:
            rows = (
                model.objects.exact_type(model)
                .filter(pk__in=ids, **{f"{name}__isnull": False})
                .values(key=F(f"{name}__translation_key"))
                .annotate(n=Count("pk", distinct=True))
            )
            for row in rows:
                counts[row["key"]] = counts.get(row["key"], 0) + row["n"]
    if not counts:
        return []
    model = apps.get_model(*registry.FACET_TARGETS[facet])
    names = {}
    for obj in model.objects.filter(translation_key__in=counts):
        if obj.translation_key not in names or obj.locale_id == locale.pk:
            names[obj.translation_key] = str(obj)
    return sorted(
        (
            {"key": str(key), "label": names.get(key, "?"), "count": count}
            for key, count in counts.items()
        ),
        key=lambda item: (-item["count"], item["label"]),
    )
