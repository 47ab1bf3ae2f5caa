"""Search use cases: bounded queries, per-language results, facets, excerpts.

    results = services.search(query, "fr", kind="project", page_number=2)

A query is searched with the backend of the reader's language (its stemming and
accent folding), among that language's live, public, non-alias pages; the other
language's pages that match and have no translation come in `other_language`.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, NotSupportedError, connection, transaction
from django.db.models import Count, F, Prefetch, Q, Sum
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from home.folding import Folded
from home.folding import fold as fold_text

from . import documents, registry
from .models import PromotionTranslation, QueryDay

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
RESULTS_PER_PAGE = 10
FACET_LIMIT = 500
OTHER_LANGUAGE_LIMIT = 5
AUTOCOMPLETE_LIMIT = 8
EXCERPT_LENGTH = 240
# Letters, digits, apostrophes and hyphens inside words: everything else (search
# operators, quotes, brackets, control characters) becomes a space.
_NOT_WORD = re.compile(r"[^\w'’-]+")


def clean_query(raw):
    """At most MAX_TERMS words of MAX_TERM_LENGTH characters, MAX_QUERY_LENGTH in all.

    The raw text is cut before any work is done on it, so that 10 kB of garbage
    costs no more than 200 characters.
    """
    raw = (raw or "")[: MAX_QUERY_LENGTH * 4]
    words = [
        word.strip("'’-")[:MAX_TERM_LENGTH]
        for word in _NOT_WORD.sub(" ", raw).replace("_", " ").split()
    ]
    words = [word for word in words if word][:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


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
    paths = documents.restricted_paths() if documents.supported(backend) else None
    if kind == "service":
        results, fuzzy = _search_snippets(query, locale, backend), False
        outcome.page, outcome.count = _paginate(results, page_number)
    else:
        results, fuzzy, first = _ranked_search(
            query, locale, backend, paths, (kind, organization, theme)
        )
        outcome.page, outcome.count = _paginate(results, page_number)
        outcome.facets = facets_of(first, locale)
        snippets = _search_snippets(query, locale, backend)
        outcome.snippets = list(snippets[:5])
        if outcome.facets and outcome.snippets:
            count = len(outcome.snippets)
            count = snippets.count() if count == 5 else count
            outcome.facets["kind"].append(
                {"key": "service", "label": registry.KINDS["service"], "count": count}
            )
    outcome.fuzzy = fuzzy
    outcome.other_language = untranslated_matches(query, language, locale, paths)
    outcome.promotions = promotions(query, locale)
    return outcome


def _ranked_search(query, locale, backend, paths, facet_filters):
    """The results, whether tolerant of a typo, and the ids of the first ones.

    On PostgreSQL, one query in the page documents matches, filters, ranks and
    counts (search/documents.py); its first FACET_LIMIT ids serve the facets
    too. Elsewhere (and for the tolerant search), modelsearch's own search.
    """
    if paths is not None:
        condition = _document_condition(*facet_filters)
        found = documents.ranked(
            query, backend, locale, paths, condition, limit=FACET_LIMIT
        )
        if found.count or len(query) < 4:
            return (
                RankedPages(found, query, backend, locale, paths, condition),
                False,
                found.ids,
            )
    pages = _with_facet_filters(pages_in(locale), *facet_filters)
    results, fuzzy = _search_with_tolerance(pages.specific(), query, backend)
    return results, fuzzy, [page.pk for page in results[:FACET_LIMIT]]


def _document_condition(kind, organization, theme):
    """The facet filters of `_with_facet_filters`, on the page documents."""
    condition = Q()
    if kind:
        models_of_kind = registry.models_of_kind(kind) or [Page]
        content_types = ContentType.objects.get_for_models(*models_of_kind).values()
        condition &= Q(content_type_id__in=[ct.pk for ct in content_types])
    for facet, key in (("organization", organization), ("theme", theme)):
        if key:
            condition &= Q(page_id__in=_pages_pointing_at(facet, key))
    return condition


class RankedPages:
    """The ranked pages of a search, for the paginator: counted once, and the
    first FACET_LIMIT ids known, so a page of results costs only its pages."""

    def __init__(self, found, query, backend, locale, paths, condition):
        self.found = found
        self.fetch = (query, backend, locale, paths)
        self.condition = condition

    def count(self):
        return self.found.count

    def __len__(self):
        return self.found.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.found.count)
        if stop <= len(self.found.ids):
            ids = self.found.ids[start:stop]
        else:
            ids = documents.ranked_slice(
                *self.fetch, start, stop, condition=self.condition
            )
        return documents.specific_pages(ids)


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


def untranslated_matches(query, language, locale, paths=None):
    """Matches in the other language whose page has no translation in this one.

    On PostgreSQL (`paths`, the private sections, given), the other language's
    matches are found first in the page documents, then each looks up its
    translation: not every page of this language filtered before matching.
    """
    code = other_language(language)
    other = _locale(code) if code else None
    if other is None:
        return []
    if paths is not None and documents.supported(backend_for(code)):
        ids = documents.untranslated(
            query, backend_for(code), other, locale, paths, OTHER_LANGUAGE_LIMIT
        )
        return [(page, code) for page in documents.specific_pages(ids)]
    translated = pages_in(locale).values("translation_key")
    pages = pages_in(other).exclude(translation_key__in=translated).specific()
    found = pages.search(query, backend=backend_for(code))[:OTHER_LANGUAGE_LIMIT]
    return [(page, code) for page in found]


def promotions(query, locale):
    """Editors' picks for this query: pages and external links in the reader's
    language (an external link not yet translated keeps its own, marked as such)."""
    # Accents ignored, as in the search itself: "impots" fires "impôts"'s picks.
    wordings = PromotionTranslation.objects.filter(locale=locale)
    picks = (
        SearchPromotion.objects.annotate(folded=Folded("query__query_string"))
        .filter(folded=fold_text(normalise_query_string(query)))
        .select_related("page")
        .prefetch_related(Prefetch("translations", queryset=wordings))
    )
    shown = []
    for pick in picks:
        if pick.page_id is None:
            shown.append(_external_pick(pick, locale))
            continue
        page = pick.page.get_translation_or_none(locale) or pick.page
        if page.live:
            shown.append(
                {"title": page.title, "url": page.url, "description": pick.description}
            )
    return shown


def _external_pick(pick, locale):
    wording = next(iter(pick.translations.all()), None)
    if wording is None:
        # Written in the site's default language: screen readers are told so.
        default = settings.LANGUAGE_CODE
        return {
            "title": pick.external_link_text,
            "url": pick.external_link_url,
            "description": pick.description,
            "lang": default if default != locale.language_code else None,
        }
    return {
        "title": wording.link_text,
        "url": pick.external_link_url,
        "description": wording.description or pick.description,
    }


def facets(results, locale):
    """Counts per kind, organization and theme among the first FACET_LIMIT results."""
    return facets_of([page.pk for page in results[:FACET_LIMIT]], locale)


def facets_of(ids, locale):
    """Counts per kind, organization and theme among these pages."""
    if not ids:
        return {}
    ids = _id_set(ids)
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


def _id_set(ids):
    """The ids as one PostgreSQL array (one parameter, not 500, in each of the
    facet queries: cheaper to build and to plan); a plain list elsewhere."""
    if connection.vendor != "postgresql":
        return ids
    return RawSQL("SELECT unnest(%s::integer[])", [list(ids)])


def _related_facet(facet, ids, locale):
    """Counts per organization (or theme): every page type's in one query."""
    grouped = [
        model.objects.exact_type(model)
        .filter(pk__in=ids, **{f"{name}__isnull": False})
        .values(key=F(f"{name}__translation_key"))
        .annotate(n=Count("pk", distinct=True))
        .order_by()
        for model, names in registry.facet_fields(facet).items()
        for name in names
    ]
    counts = {}
    rows = grouped[0].union(*grouped[1:], all=True) if grouped else []
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


def autocomplete(query, language, limit=AUTOCOMPLETE_LIMIT):
    """Titles that start with what was typed, in the reader's language."""
    locale = _locale(language)
    if not query or locale is None:
        return []
    pages = pages_in(locale).specific()
    found = pages.autocomplete(query, backend=backend_for(language))[:limit]
    return [
        {
            "title": page.title,
            "url": page.url,
            "kind": str(registry.KINDS[registry.kind_of(type(page))]),
        }
        for page in found
    ]


def entry(item, query, request=None):
    """What one result shows: title, address, kind, highlighted excerpt."""
    page = isinstance(item, Page)
    url = item.get_url(request) if page else item.get_absolute_url()
    return {
        "title": getattr(item, "title", None) or str(item),
        "url": url,
        "kind": registry.KINDS[registry.kind_of(type(item))],
        "excerpt": excerpt(searchable_text(item), query),
    }


# Excerpts --------------------------------------------------------------------


def _fold(char):
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (base[:1] or char).lower()


def fold(text):
    """Lower case without accents, one character for one (positions are kept)."""
    return "".join(_fold(char) for char in text)


def _stem(term):
    term = fold(term)
    return term if len(term) <= 4 else term[: max(4, len(term) - 2)]


def searchable_text(page):
    """The page's summary and indexed text, without its title."""
    parts = [getattr(page, "search_description", "") or ""]
    for search_field in page.get_search_fields():
        if getattr(search_field, "field_name", "") == "title":
            continue
        if type(search_field).__name__ != "SearchField":
            continue
        value = search_field.get_value(page)
        parts.append(_flatten(value))
    return " ".join(" ".join(part.split()) for part in parts if part)


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    if isinstance(value, str):
        return value
    return re.sub(r"<[^>]+>", " ", str(value))


def excerpt(text, query, length=EXCERPT_LENGTH):
    """A window of the text around the first match, matches in <mark>, escaped."""
    stems = [_stem(term) for term in query.split() if len(term) > 1]
    if not text:
        return ""
    folded = fold(text)
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")
        if stems
        else None
    )
    first = pattern.search(folded) if pattern else None
    start = max(0, first.start() - length // 3) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    pieces, cursor = [], start
    for match in pattern.finditer(folded, start, end) if pattern else []:
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (escaped above)


# Statistics -------------------------------------------------------------------


def record_query(query, language, result_count):
    """Count one search (and whether it found nothing), race-safe."""
    query = query.lower()[:MAX_QUERY_LENGTH]
    if not query:
        return
    key = {"query_string": query, "language": language, "day": timezone.localdate()}
    increments = {"hits": F("hits") + 1}
    if not result_count:
        increments["zero_result_hits"] = F("zero_result_hits") + 1
    if QueryDay.objects.filter(**key).update(**increments):
        return
    try:
        with transaction.atomic():
            QueryDay.objects.create(
                **key, hits=1, zero_result_hits=int(not result_count)
            )
    except IntegrityError:
        QueryDay.objects.filter(**key).update(**increments)


def frequent_queries(language=None, days=30, limit=50, zero_results=False):
    """The most frequent queries over the last days (or those that found nothing)."""
    since = timezone.localdate() - timezone.timedelta(days=days)
    rows = QueryDay.objects.filter(day__gte=since)
    if language:
        rows = rows.filter(language=language)
    if zero_results:
        rows = rows.filter(zero_result_hits__gt=0)
    return (
        rows.values("query_string", "language")
        .annotate(searches=Sum("hits"), without_results=Sum("zero_result_hits"))
        .order_by("-without_results" if zero_results else "-searches", "query_string")[
            :limit
        ]
    )
