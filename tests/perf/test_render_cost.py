"""An uncached render reads what every page shares from the cache, and exactly so.

A content page (a measure of the strategy with its axis and organization) costs
at most 8 queries: the route (two per level), the axis and the organization,
one `Locale`. The site, the view-restriction check, the language alternates,
the breadcrumbs, the menu, the footer and the widget's reasons come from the
cache (`numeriqc.sharedcache`), and each is rebuilt as soon as its source
changes: the tests below change each source and look at the next page.
"""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
    translate_page,
)


@pytest.fixture
def measure(site_tree):
    strategy = StrategyPageFactory(parent=site_tree.fr)
    translate_page(strategy, title="Strategy", slug="strategy")
    page = MeasurePageFactory(
        parent=strategy,
        title="Mesure sur les données",
        slug="donnees",
        axis=ThemeFactory(kind="axis", name="Axe citoyen"),
        organization=OrganizationFactory(name="Ministère de l’Exemple"),
    )
    return page


def render(url):
    """A fresh anonymous visitor's GET, the page cache off (what a miss costs)."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        return Client().get(url)


def test_a_content_page_renders_in_four_queries(measure):
    render("/fr/strategie/donnees/")  # the shared entries exist from now on
    with CaptureQueriesContext(connection) as queries:
        response = render("/fr/strategie/donnees/")
    assert response.status_code == 200
    assert "Axe citoyen" in response.text and "Ministère de l’Exemple" in response.text
    assert 'aria-current="page">Mesure sur les données' in response.text
    sql = [query["sql"] for query in queries.captured_queries]
    # The page (its route is kept), its axis, its organization, one Locale.
    assert len(sql) <= 4, "\n".join(sql)
    assert sum('FROM "wagtailcore_locale"' in query for query in sql) <= 1
    assert not any("wagtailcore_site" in query for query in sql)
    assert not any("pageviewrestriction" in query for query in sql)


def test_a_published_translation_shows_in_the_alternates(measure):
    assert 'href="/en/" lang="en"' in render("/fr/strategie/donnees/").text
    english = translate_page(measure, title="Data measure", slug="data")
    switch = 'href="/en/strategy/data/" lang="en"'
    assert switch in render("/fr/strategie/donnees/").text
    english.unpublish()
    assert switch not in render("/fr/strategie/donnees/").text


def test_a_renamed_section_shows_in_the_breadcrumbs(measure):
    assert ">Stratégie</a>" in render("/fr/strategie/donnees/").text
    strategy = measure.get_parent().specific
    strategy.title = "Stratégie numérique"
    strategy.save_revision().publish()
    assert ">Stratégie numérique</a>" in render("/fr/strategie/donnees/").text


def test_a_new_view_restriction_applies_at_once(measure):
    assert "Mesure sur les données" in render("/fr/strategie/donnees/").text
    restriction = PageViewRestriction.objects.create(
        page=measure, restriction_type="password", password="secret"
    )
    assert "Mesure sur les données" not in render("/fr/strategie/donnees/").text
    restriction.delete()
    assert "Mesure sur les données" in render("/fr/strategie/donnees/").text


def test_a_new_site_root_applies_at_once(site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Services", slug="services")
    assert render("/fr/services/").status_code == 200
    other = StandardPageFactory(parent=site_tree.root, title="Autre", slug="autre")
    site = Site.objects.get()
    site.root_page = other
    site.save()
    assert render("/fr/services/").status_code == 404


def test_a_menu_entry_shows_once_published(site_tree):
    assert "Nouvelle section" not in render("/fr/").text
    StandardPageFactory(
        parent=site_tree.fr, title="Nouvelle section", slug="s", show_in_menus=True
    )
    assert "Nouvelle section" in render("/fr/").text


def test_a_renamed_page_is_found_at_its_new_address_only(measure):
    assert render("/fr/strategie/donnees/").status_code == 200  # its route is kept
    measure.slug = "donnees-ouvertes"
    measure.save_revision().publish()
    assert render("/fr/strategie/donnees/").status_code == 404
    assert "Mesure sur les données" in render("/fr/strategie/donnees-ouvertes/").text


def test_an_unpublished_page_is_not_found_though_its_route_was_kept(measure):
    assert render("/fr/strategie/donnees/").status_code == 200
    measure.unpublish()
    assert render("/fr/strategie/donnees/").status_code == 404


def test_a_moved_page_is_found_under_its_new_parent(site_tree, measure):
    other = StandardPageFactory(parent=site_tree.fr, title="Autre", slug="autre")
    assert render("/fr/strategie/donnees/").status_code == 200
    measure.move(other, pos="last-child")
    old_address = render("/fr/strategie/donnees/")  # Wagtail's redirect, not the page
    assert old_address.status_code in (301, 404)
    assert "Mesure sur les données" not in old_address.text
    assert "Mesure sur les données" in render("/fr/autre/donnees/").text


def test_a_routable_pages_own_routes_still_answer(site_tree):
    from tests.vitrine.factories import VitrineIndexPageFactory

    index = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    for _ in range(2):  # the second visit after the first kept what it could
        assert render(index.url).status_code == 200
        feed = render(f"{index.url}rss/")
        assert feed.status_code == 200 and "xml" in feed["Content-Type"]


def test_a_page_renamed_without_a_publish_leaves_its_old_address(measure):
    """A script's save does not change the tree's version: the kept route checks."""
    assert render("/fr/strategie/donnees/").status_code == 200
    measure.slug = "donnees-brutes"
    measure.set_url_path(measure.get_parent())
    measure.save()
    assert render("/fr/strategie/donnees/").status_code == 404
