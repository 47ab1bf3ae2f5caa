"""Hostile queries are bounded; suggestions; the editors' report; the backends."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import services
from search.config import search_backends
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "a" * 10_000,
    ("é" * 50 + " ") * 200,
    "formation & | ! <-> :* \"( ) \\ ' -- ; DROP TABLE wagtailcore_page; --",
    "\x00\x01\x02formation\x1b[31m\u202e\ufeff",
    "formation " * 1000,
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_queries_are_cut_to_a_sane_length(raw):
    query = services.clean_query(raw)

    assert len(query) <= services.MAX_QUERY_LENGTH
    assert len(query.split()) <= services.MAX_TERMS
    assert all(len(word) <= services.MAX_TERM_LENGTH for word in query.split())
    assert all(char.isalnum() or char in " '’-" for char in query)


def test_hostile_queries_are_answered_quickly_and_never_fail(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Formation continue")
    plain_started = time.perf_counter()
    client.get("/fr/recherche/", {"q": "formation"})
    plain = time.perf_counter() - plain_started

    for raw in HOSTILE:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get("/fr/recherche/", {"q": raw})
            elapsed = time.perf_counter() - started
        # A NUL is refused before any view (400, numeriqc.middleware); the
        # rest is cleaned and searched.
        assert response.status_code == (400 if "\x00" in raw else 200)
        # Bounded: what reaches the database is at most the cleaned query, and a
        # 10 kB query costs the same order of time as a plain word.
        longest = max((len(q["sql"]) for q in queries), default=0)
        assert longest < 20_000
        assert elapsed < max(10 * plain, 2.0)


def test_control_characters_and_operators_are_dropped():
    assert services.clean_query("\x00form\x07ation!! & école* (numérique)") == (
        "form ation école numérique"
    )


def test_suggestions_are_titles_in_the_readers_language(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Formation continue")
    StandardPageFactory(parent=site_tree.en, title="Formal training", slug="formal")

    french = client.get("/fr/recherche/suggestions/", {"q": "form"}).json()
    english = client.get("/en/search/suggestions/", {"q": "form"}).json()
    too_short = client.get("/fr/recherche/suggestions/", {"q": "f"}).json()

    assert [item["title"] for item in french["results"]] == ["Formation continue"]
    assert french["results"][0]["url"] == "/fr/formation-continue/"
    assert [item["title"] for item in english["results"]] == ["Formal training"]
    assert too_short["results"] == []


def test_the_search_page_works_without_javascript(client, site_tree):
    response = client.get("/fr/recherche/")

    assert '<form role="search" method="get" action="/fr/recherche/"' in response.text
    assert 'data-autocomplete-url="/fr/recherche/suggestions/"' in response.text
    assert "search/js/autocomplete.js" in response.text
    assert "<script>" not in response.text


def test_report_of_frequent_and_fruitless_queries(client, site_tree):
    editor = UserFactory(is_superuser=True)
    StandardPageFactory(parent=site_tree.fr, title="Permis de conduire")
    for query in ["permis", "permis", "Permis", "zzzz introuvable"]:
        client.get("/fr/recherche/", {"q": query})
    client.get("/en/search/", {"q": "licence"})
    client.force_login(editor)

    response = client.get("/admin/reports/search-queries/")
    english = client.get("/admin/reports/search-queries/", {"language": "en"})

    assert response.status_code == 200
    frequent, fruitless = response.text.split("Recherches sans résultat</h2>")
    assert '<th scope="row">permis</th><td>fr</td><td>3</td><td>0</td>' in frequent
    assert "zzzz introuvable" in fruitless
    assert "permis" not in fruitless
    assert "licence" in english.text and "permis" not in english.text


def test_report_is_refused_to_people_without_the_promotion_permission(client, db):
    client.force_login(UserFactory())

    response = client.get("/admin/reports/search-queries/")

    assert response.status_code in (302, 403)


def test_sqlite_configuration_uses_the_database_backend():
    backends = search_backends("django.db.backends.sqlite3", "")

    assert backends == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_postgresql_configuration_has_one_backend_per_language():
    backends = search_backends("django.db.backends.postgresql", "")

    assert set(backends) == {"default", "en"}
    assert backends["default"]["SEARCH_CONFIG"] == "numeriqc_fr"
    assert backends["default"]["LOCALE"] == "fr"
    assert backends["default"]["INDEX_UNLOCALISED"] is True
    assert backends["en"]["SEARCH_CONFIG"] == "numeriqc_en"
    assert backends["en"]["INDEX_UNLOCALISED"] is False


def test_opensearch_configuration_has_one_index_per_language_with_folding():
    backends = search_backends("django.db.backends.postgresql", "https://os:9200")

    french, english = backends["default"], backends["en"]
    assert (
        french["BACKEND"]
        == english["BACKEND"]
        == ("search.backends.LocaleOpenSearchBackend")
    )
    assert french["URLS"] == ["https://os:9200"]
    assert (french["INDEX_PREFIX"], english["INDEX_PREFIX"]) == (
        "numeriqc-fr-",
        "numeriqc-en-",
    )
    french_analyzer = french["INDEX_SETTINGS"]["settings"]["analysis"]
    english_analyzer = english["INDEX_SETTINGS"]["settings"]["analysis"]
    chain = french_analyzer["analyzer"]["default"]["filter"]
    assert "asciifolding" in chain and "lowercase" in chain
    assert french_analyzer["filter"]["numeriqc_fr_stemmer"]["language"] == (
        "light_french"
    )
    assert "numeriqc_fr_elision" in chain
    assert "asciifolding" in english_analyzer["analyzer"]["default"]["filter"]
    assert english_analyzer["filter"]["numeriqc_en_stemmer"]["language"] == "english"


def test_opensearch_backend_is_built_from_the_configuration_without_a_server(
    settings, site_tree
):
    """The backends are created (no request is sent) and each keeps its locale."""
    from wagtail.search.backends import get_search_backend

    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        "django.db.backends.postgresql", "http://opensearch.invalid:9200"
    )
    french, english = get_search_backend("default"), get_search_backend("en")

    assert (french.locale, english.locale) == ("fr", "en")
    assert french.index_unlocalised and not english.index_unlocalised
    assert french.index_prefix == "numeriqc-fr-"
    analysis = english.settings["settings"]["analysis"]
    assert "asciifolding" in analysis["analyzer"]["default"]["filter"]
    # Wagtail's own analyzers (autocomplete n-grams) are kept beside ours.
    assert "edgengram_analyzer" in analysis["analyzer"]
    page_index = french.get_index_for_model(type(site_tree.fr))
    assert page_index.name.startswith("numeriqc-fr-")
    assert type(page_index).__name__.startswith("Locale")
    kept = list(page_index._kept([site_tree.fr, site_tree.en]))
    assert kept == [site_tree.fr]


def test_editors_may_promote_results_and_read_the_report(client, site_tree):
    from home.roles import sync_role_permissions

    sync_role_permissions()
    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)

    assert client.get("/admin/reports/search-queries/").status_code == 200
    assert client.get("/admin/searchpicks/").status_code == 200
