"""Listings on main render in a number of queries that does not grow with them.

Each test adds 5 items, counts the queries of the page, adds 45 more and counts
again (tests/perf/budget.py). Listings of the feature apps add their own tests
with the same helper when they merge.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback.services import set_results_publication
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
)
from tests.feedback.factories import ImprovementFactory, ServiceFactory

from .budget import assert_flat_query_count, count_queries


def cards(html):
    return html.count('class="card"')


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_lists_its_sections_in_flat_queries(client, site_tree, language):
    home = site_tree.fr if language == "fr" else site_tree.en

    def add_sections(count):
        StandardPageFactory.create_batch(count, parent=home, show_in_menus=True)

    assert_flat_query_count(client, f"/{language}/", add_sections, shown=cards)


def test_the_strategy_lists_its_measures_in_flat_queries(client, site_tree):
    strategy = StrategyPageFactory(parent=site_tree.fr)
    axes = ThemeFactory.create_batch(3, kind="axis")

    def add_measures(count):
        for index in range(count):
            MeasurePageFactory(parent=strategy, axis=axes[index % len(axes)])

    assert_flat_query_count(client, "/fr/strategie/", add_measures, shown=cards)


def test_the_feedback_results_index_lists_services_in_flat_queries(client, site_tree):
    def add_services(count):
        for service in ServiceFactory.create_batch(count):
            set_results_publication(service.organization, True)

    assert_flat_query_count(
        client,
        "/fr/retroaction/services/",
        add_services,
        shown=lambda html: html.count("/resultats/"),
    )


def test_a_service_results_page_lists_improvements_in_flat_queries(client, site_tree):
    service = ServiceFactory(
        slug="permis", organization=OrganizationFactory(name="Ministère")
    )
    set_results_publication(service.organization, True)

    def add_improvements(count):
        ImprovementFactory.create_batch(count, service=service)

    assert_flat_query_count(
        client,
        "/fr/retroaction/services/permis/resultats/",
        add_improvements,
        shown=lambda html: html.count("Amélioration "),
    )


def test_search_results_render_in_flat_queries(client, site_tree):
    def add_matches(count):
        StandardPageFactory.create_batch(
            count, parent=site_tree.fr, summary="Accessibilité numérique."
        )

    assert_flat_query_count(
        client,
        "/fr/recherche/",
        add_matches,
        data={"q": "accessibilité"},
        shown=lambda html: html.count('<p class="search-kind">'),
    )


def test_a_cached_page_costs_no_query(client, site_tree, page_cache):
    StandardPageFactory.create_batch(5, parent=site_tree.fr, show_in_menus=True)
    client.get("/fr/")
    queries, response = count_queries(client, "/fr/")  # the cache off: renders
    assert queries > 0 and response["X-Page-Cache"] == "bypass"
    client.get("/fr/")
    with CaptureQueriesContext(connection) as cached:
        response = client.get("/fr/")
    assert response["X-Page-Cache"] == "hit" and len(cached) == 0


def test_the_consultations_index_lists_consultations_in_flat_queries(client, site_tree):
    from tests.consultation.factories import (
        ConsultationIndexPageFactory,
        ConsultationPageFactory,
    )

    organization = OrganizationFactory()
    index = ConsultationIndexPageFactory(parent=site_tree.fr)

    def add_consultations(count):
        for _number in range(count):
            ConsultationPageFactory(parent=index, organization=organization)

    assert_flat_query_count(client, index.url, add_consultations, shown=cards)


def test_the_home_page_shows_featured_projects_with_images_in_flat_queries(
    client, site_tree
):
    import wagtail_factories

    from tests.vitrine.factories import ProjectPageFactory, VitrineIndexPageFactory
    from vitrine.models import ProjectImage

    index = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    organization, theme = OrganizationFactory(), ThemeFactory()

    def add_projects(count):
        for _number in range(count):
            project = ProjectPageFactory(parent=index, featured=True)
            project.organizations.set([organization])
            project.themes.set([theme])
            ProjectImage.objects.create(
                page=project,
                image=wagtail_factories.ImageFactory(),
                alt_text="Capture d’écran",
            )
            project.save_revision().publish()

    add_projects(5)
    count_queries(client, "/fr/")  # the renditions are made once, then reused
    with_five, response = count_queries(client, "/fr/")
    # The home page features three projects, each with its picture.
    assert response.content.decode().count('alt="Capture d’écran"') == 3
    add_projects(45)
    count_queries(client, "/fr/")
    with_fifty, response = count_queries(client, "/fr/")
    assert response.content.decode().count('alt="Capture d’écran"') == 3
    assert with_fifty == with_five
