"""A page's search index row carries its language, status, place and text.

PostgreSQL only (search/migrations/0003_page_documents.py): triggers copy the
page's locale, live and alias flags, path and depth into its index row, and the
row stores `title || body`, so that a search filters and matches in the index.
"""

import pytest
from django.db import connection
from wagtail.models import Locale

from search.models import PageDocument
from tests.factories import StandardPageFactory, translate_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the page documents are PostgreSQL columns and triggers",
    ),
]


def document(page):
    return PageDocument.objects.get(page_id=page.pk)


def test_the_row_of_a_published_page_has_its_language_status_and_text(site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Chevaux sauvages")
    english = translate_page(page, title="Wild horses", slug="wild-horses")

    row = document(page)
    assert (row.locale_id, row.live, row.is_alias) == (page.locale_id, True, False)
    assert (row.path, row.depth) == (page.path, page.depth)
    assert "cheval" in str(row.document)
    assert document(english).locale_id == Locale.objects.get(language_code="en").pk
    assert "hors" in str(document(english).document)


def test_unpublishing_and_moving_a_page_update_its_row(site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Chevaux sauvages")
    other = StandardPageFactory(parent=site_tree.fr, title="Rubrique")

    page.unpublish()
    assert document(page).live is False

    page.move(other, pos="last-child")
    page.refresh_from_db()
    assert (document(page).path, document(page).depth) == (page.path, page.depth)


def test_an_alias_row_is_marked_as_such(site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Chevaux sauvages")
    section = StandardPageFactory(parent=site_tree.fr, title="Rubrique")

    alias = page.create_alias(parent=section, update_slug="chevaux-alias")

    assert document(alias).is_alias is True
    assert document(page).is_alias is False


def test_rows_of_other_objects_have_no_page(site_tree):
    from wagtail.search.models import IndexEntry

    StandardPageFactory(parent=site_tree.fr, title="Chevaux sauvages")

    others = IndexEntry.objects.exclude(
        content_type__app_label__in=["home", "wagtailcore", "consultation", "vitrine"]
    )
    assert not PageDocument.objects.filter(
        pk__in=others.values("pk"), page__isnull=False
    ).exists()
