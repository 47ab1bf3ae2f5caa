"""The search page finds what it found before issue 19, hit for hit.

The current use case (`search.services.search`) and the frozen copy of the code
before the change (`reference_search.py`) answer the same queries, in French and
in English, on the demo content and on generated pages (translations, drafts,
aliases, a private section, measures with organizations and themes): the same
pages in the same order on every results page, the same counts, facets, typo
tolerance and other-language matches. Then the number of queries of one search
stays the same whatever the number of matches.
"""

import io
import random
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from search import services
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
    translate_page,
)

from . import reference_search

pytestmark = pytest.mark.django_db

# Locale, private sections, the ranked matches (count and first ids), the pages
# (base, then one per type), the facets (kinds; organizations and themes, each
# one query for every page type, then their names), the services, the other
# language (locale, matches), the promotions.
QUERIES_OF_ONE_SEARCH = 14

FRENCH = [
    "budget",
    "données",
    "ouvertes",
    "sécurité",
    "numérique",
    "formation",
    "services",
    "citoyens",
    "infonuagique",
    "accès",
    "information",
    "école",
    "santé",
    "transport",
    "énergie",
    "réseau",
    "gouvernement",
    "stratégie",
    "mesure",
    "projet",
]
ENGLISH = [
    "budget",
    "open",
    "data",
    "security",
    "digital",
    "training",
    "services",
    "citizens",
    "cloud",
    "access",
    "information",
    "school",
    "health",
    "transport",
    "energy",
    "network",
    "government",
    "strategy",
]


def _snapshot(outcome):
    """Everything the reader of a search page sees, by page identity."""
    page = outcome.page
    return {
        "count": outcome.count,
        "fuzzy": outcome.fuzzy,
        "number": page.number if page else None,
        "hits": [(type(item).__name__, item.pk) for item in page.object_list]
        if page
        else [],
        "facets": {
            name: [(str(v["key"]), str(v["label"]), v["count"]) for v in values]
            for name, values in outcome.facets.items()
        },
        "other": [(page.pk, code) for page, code in outcome.other_language],
        "snippets": [item.pk for item in outcome.snippets],
        "promotions": outcome.promotions,
    }


def _compare(query, language, **filters):
    with translation.override(language):
        now = services.search(query, language, **filters)
        before = reference_search.search(query, language, **filters)
    assert _snapshot(now) == _snapshot(before), (query, language, filters)
    return now


def _compare_every_page_and_facet(query, language):
    first = _compare(query, language)
    last_page = first.page.paginator.num_pages if first.page else 1
    for number in sorted({2, 3, last_page} - {1}):
        _compare(query, language, page_number=number)
    for name, values in first.facets.items():
        for value in values[:3]:
            if name == "kind" and value["key"] == "service":
                continue
            _compare(query, language, **{name: value["key"]})
    return first.count


def _words_of_titles(language, top):
    pages = Page.objects.filter(locale__language_code=language, depth__gt=1)
    words = Counter(
        word
        for title in pages.values_list("title", flat=True)
        for word in re.findall(r"\w{4,}", title.lower())
    )
    common = [word for word, _n in words.most_common(top)]
    rare = [word for word, n in words.items() if n == 1][:top]
    return common + rare


def _generate(site_tree):
    rnd = random.Random(19)
    organizations = [OrganizationFactory(name=f"Organisme {n}") for n in range(3)]
    axes = [ThemeFactory(name=f"Axe {n}", kind="axis") for n in range(2)]
    strategy = StrategyPageFactory(parent=site_tree.fr)
    private = StandardPageFactory(parent=site_tree.fr, title="Intranet budget")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    french = []
    for number in range(60):
        title = " ".join(rnd.choices(FRENCH, k=3))
        summary = " ".join(rnd.choices(FRENCH, k=12))
        if number % 3 == 0:
            page = MeasurePageFactory(
                parent=strategy,
                title=title,
                slug=f"mesure-{number}",
                organization=rnd.choice(organizations),
                axis=rnd.choice(axes),
            )
        else:
            parent = private if number % 17 == 0 else site_tree.fr
            page = StandardPageFactory(
                parent=parent,
                title=title,
                slug=f"page-{number}",
                summary=summary,
                organization=rnd.choice([None, *organizations]),
            )
        french.append(page)
    for number, page in enumerate(french[:40]):
        # Pages under the home page: the others' parents are not translated.
        if number % 2 == 0 and page.get_parent().pk == site_tree.fr.pk:
            translate_page(
                page,
                title=" ".join(rnd.choices(ENGLISH, k=3)),
                slug=f"page-en-{number}",
                publish=number % 4 == 0,
            )
    for number in range(20):
        StandardPageFactory(
            parent=site_tree.en,
            title=" ".join(rnd.choices(ENGLISH + FRENCH[:3], k=3)),
            slug=f"english-{number}",
            summary=" ".join(rnd.choices(ENGLISH, k=12)),
        )
    french[4].unpublish()
    french[5].create_alias(parent=site_tree.fr, update_slug="alias-5")


# Elsewhere the search is still modelsearch's own (the code before issue 19).
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the new path is PostgreSQL's"
)


@postgres_only
def test_search_equals_the_code_before_issue_19_on_generated_pages(site_tree):
    _generate(site_tree)
    queries = {
        "fr": [*FRENCH, "budget données", "sécurité réseau", "budgte", "zzzz"],
        "en": [*ENGLISH, "open data", "budget", "secruity", "zzzz"],
    }
    found = 0
    for language, terms in queries.items():
        for query in terms:
            found += _compare_every_page_and_facet(query, language)
    assert found > 500  # the comparison saw many hits, not empty pages


@postgres_only
def test_search_equals_the_code_before_issue_19_on_the_demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    found = 0
    for language in ("fr", "en"):
        for query in [*_words_of_titles(language, 12), "numerique", "xyzzy"]:
            found += _compare_every_page_and_facet(query, language)
    assert found > 50


def test_one_search_costs_the_same_queries_for_5_or_50_matches(client, site_tree):
    organization = OrganizationFactory()
    strategy = StrategyPageFactory(parent=site_tree.fr)

    def add(count, start):
        for number in range(start, start + count):
            StandardPageFactory(
                parent=site_tree.fr,
                title="Budget page",
                slug=f"budget-{number}",
                organization=organization,
            )
            MeasurePageFactory(
                parent=strategy,
                title="Budget mesure",
                slug=f"mesure-{number}",
                organization=organization,
            )

    def queries_of_one_search(use_case=services.search):
        with CaptureQueriesContext(connection) as queries:
            outcome = use_case("budget", "fr")
            list(outcome.page.object_list)
        return len(queries)

    add(5, 0)
    services.search("budget", "fr")  # warm the caches (content types, locales)
    with_five = queries_of_one_search()
    before_five = queries_of_one_search(reference_search.search)
    add(45, 5)
    with_fifty = queries_of_one_search()

    # Elsewhere (modelsearch's search), never more for more matches.
    assert with_fifty <= with_five
    if connection.vendor == "postgresql":
        assert with_fifty == with_five == QUERIES_OF_ONE_SEARCH
        assert with_five < before_five
