"""Listings declare the parameters they read: each filter state is served from cache.

Without `cache_query_params`, a listing's `?theme=…` or `?page=2` was rendered on
every visit and never stored. Each listing's declaration must name exactly its
FilterSet's filters and the page number, so that a new filter cannot be
forgotten (it would be served the unfiltered page from the cache).
"""

import pytest
from django.test import Client

from consultation.filters import ConsultationFilter
from consultation.models import ConsultationIndexPage
from tests.consultation.factories import ConsultationIndexPageFactory
from tests.training.factories import TrainingCatalogPageFactory
from tests.vitrine.factories import VitrineIndexPageFactory
from training.filters import CatalogueFilterSet
from training.models import TrainingCatalogPage
from vitrine.filters import ProjectFilterSet
from vitrine.models import VitrineIndexPage

LISTINGS = {
    "vitrine": (VitrineIndexPage, ProjectFilterSet),
    "training": (TrainingCatalogPage, CatalogueFilterSet),
    "consultations": (ConsultationIndexPage, ConsultationFilter),
}


@pytest.mark.parametrize("page_type, filterset", LISTINGS.values(), ids=LISTINGS)
def test_a_listing_declares_exactly_what_it_reads(page_type, filterset):
    declared = set(page_type.cache_query_params)
    assert declared == {"page", *filterset.base_filters}


FACTORIES = {
    "vitrine": (VitrineIndexPageFactory, "phase=live"),
    "training": (TrainingCatalogPageFactory, "soon=true"),
    "consultations": (ConsultationIndexPageFactory, "status=open"),
}


@pytest.mark.parametrize("factory, query", FACTORIES.values(), ids=FACTORIES)
def test_filter_states_are_served_from_the_cache(site_tree, page_cache, factory, query):
    url = factory(parent=site_tree.fr).url
    visitor = Client()
    assert visitor.get(f"{url}?{query}")["X-Page-Cache"] == "miss"
    assert visitor.get(f"{url}?{query}")["X-Page-Cache"] == "hit"
    # Another state is another entry; tracking parameters share the state's.
    assert visitor.get(f"{url}?{query}&page=2")["X-Page-Cache"] == "miss"
    shared = visitor.get(f"{url}?{query}&utm_source=journal&junk=1")
    assert shared["X-Page-Cache"] == "hit"
    # The plain listing is not the filtered one.
    assert visitor.get(url)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_open_data_catalogue_is_served_from_the_cache(
    site_tree, page_cache, language, django_assert_num_queries
):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        address = reverse("opendata:catalogue")
    first = Client().get(address)
    with django_assert_num_queries(0):
        again = Client().get(f"{address}?utm_source=courriel")
    assert first["X-Page-Cache"] == "miss" and again["X-Page-Cache"] == "hit"
    assert again.content == first.content and again.status_code == 200
    assert "Set-Cookie" not in again and "public" in again["Cache-Control"]
