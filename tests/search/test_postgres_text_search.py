"""Stemming and accent folding per language, and each backend's own locale.

PostgreSQL only: SQLite has no stemming (its full-text search matches words as
they are written), which docs/search.md says.
"""

import pytest
from django.db import connection
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from search import services
from tests.factories import StandardPageFactory, translate_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="stemming and accent folding need PostgreSQL text search "
        "(set DATABASE_URL=postgres://...)",
    ),
]


def titles(query, language):
    outcome = services.search(query, language)
    return sorted(page.title for page in outcome.page.object_list)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("formations", "Une formation en ligne"),
        ("chevaux", "Le cheval de Troie informatique"),
        ("ecole", "L'école numérique"),
        ("ÉCOLE", "L'école numérique"),
        ("numerique", "L'école numérique"),
    ],
)
def test_french_stemming_and_accent_folding(site_tree, query, title):
    for text in ["Une formation en ligne", "Le cheval de Troie informatique"]:
        StandardPageFactory(parent=site_tree.fr, title=text)
    StandardPageFactory(parent=site_tree.fr, title="L'école numérique")

    assert title in titles(query, "fr")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("trainings", "Online training"),
        ("horse", "Trojan horses"),
        ("cafe", "The digital café"),
        ("SERVICES", "Public service design"),
    ],
)
def test_english_stemming_and_accent_folding(site_tree, query, title):
    for text in ["Online training", "Trojan horses", "The digital café"]:
        StandardPageFactory(parent=site_tree.en, title=text, slug=slugify(text))
    StandardPageFactory(parent=site_tree.en, title="Public service design")

    assert title in titles(query, "en")


def test_each_backend_indexes_only_its_own_locale(site_tree):
    from wagtail.search.models import IndexEntry

    french = StandardPageFactory(parent=site_tree.fr, title="Chevaux sauvages")
    english = translate_page(french, title="Wild horses", slug="wild-horses")
    entry = IndexEntry.objects.get(object_id=str(french.pk))
    before = str(entry.title)

    # The English backend is asked to index the French page: it leaves its row.
    get_search_backend("en").add(french)
    get_search_backend("default").add(english)

    entry.refresh_from_db()
    assert str(entry.title) == before
    assert "cheval" in before  # French stem, written by the French configuration
    english_entry = IndexEntry.objects.get(object_id=str(english.pk))
    assert "hors" in str(english_entry.title)  # English stem


def test_one_mistyped_letter_is_tolerated(site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Cybersécurité des ministères")

    outcome = services.search("cybersecurite ministeres", "fr")
    typo = services.search("cybersécurtié", "fr")

    assert outcome.count == 1
    assert typo.count == 1
    assert typo.fuzzy is True
