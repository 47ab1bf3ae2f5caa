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


def test_a_content_page_renders_in_eight_queries(measure):
    render("/fr/strategie/donnees/")  # the shared entries exist from now on
    with CaptureQueriesContext(connection) as queries:
        response = render("/fr/strategie/donnees/")
    assert response.status_code == 200
    assert "Axe citoyen" in response.text and "Ministère de l’Exemple" in response.text
    assert 'aria-current="page">Mesure sur les données' in response.text
    sql = [query["sql"] for query in queries.captured_queries]
    assert len(sql) <= 8, "\n".join(sql)
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
