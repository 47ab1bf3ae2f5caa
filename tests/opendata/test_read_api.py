"""Wagtail's read API: public pages, images and documents, public fields only."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

API = "/fr/donnees-ouvertes/api/v2"
PUBLIC_PAGE_FIELDS = {
    "id",
    "title",
    "type",
    "detail_url",
    "html_url",
    "slug",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "parent",
    "locale",
}


def test_pages_list_only_live_public_pages(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Page publique")
    StandardPageFactory(parent=site_tree.fr, title="Brouillon", live=False)
    private = StandardPageFactory(parent=site_tree.fr, title="Page privée")
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret-password"
    )

    response = client.get(f"{API}/pages/", {"fields": "*"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    titles = [item["title"] for item in response.json()["items"]]
    assert "Page publique" in titles
    assert "Brouillon" not in titles
    assert "Page privée" not in titles


def test_page_detail_shows_public_fields_only(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Page publique")

    data = client.get(f"{API}/pages/{page.pk}/", {"fields": "*"}).json()

    fields = set(data) | set(data["meta"])
    fields.discard("meta")
    assert fields <= PUBLIC_PAGE_FIELDS
    for private in ["owner", "locked", "latest_revision", "live_revision", "path"]:
        assert private not in fields
    asked = client.get(f"{API}/pages/{page.pk}/", {"fields": "owner"})
    assert asked.status_code == 400


def test_the_api_is_read_only(client, site_tree):
    assert client.post(f"{API}/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"{API}/pages/{site_tree.fr.pk}/").status_code == 405


def test_documents_of_restricted_collections_are_hidden(client, site_tree):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    root = Collection.get_first_root_node()
    secret = root.add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password="secret-password"
    )
    Document.objects.create(
        title="Rapport public", file=ContentFile(b"x", name="public.txt")
    )
    Document.objects.create(
        title="Note interne",
        file=ContentFile(b"x", name="interne.txt"),
        collection=secret,
    )

    response = client.get(f"{API}/documents/")

    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Rapport public"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_images_listing(client, site_tree):
    response = client.get(f"{API}/images/")

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0
