import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import HomePage, MeasurePage, StandardPage, StrategyPage
from tests.factories import HomePageFactory, StandardPageFactory, locale


def test_each_page_type_declares_where_it_lives():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert StandardPage.parent_page_types == ["home.HomePage", "home.StandardPage"]
    assert StandardPage.subpage_types == ["home.StandardPage"]
    assert StrategyPage.parent_page_types == ["home.HomePage"]
    assert StrategyPage.subpage_types == ["home.MeasurePage"]
    assert MeasurePage.parent_page_types == ["home.StrategyPage"]
    assert MeasurePage.subpage_types == []


def test_page_tree_rules_are_enforced(site_tree):
    assert StandardPage.can_create_at(site_tree.fr)
    assert StrategyPage.can_create_at(site_tree.fr)
    assert not MeasurePage.can_create_at(site_tree.fr)
    assert not StandardPage.can_create_at(site_tree.root)
    strategy = StrategyPage(title="Stratégie", slug="strategie", locale=locale("fr"))
    site_tree.fr.add_child(instance=strategy)
    assert MeasurePage.can_create_at(strategy)
    assert not StandardPage.can_create_at(strategy)


def test_a_language_has_one_home_page(site_tree):
    second = HomePage(title="Autre accueil", slug="autre", locale=locale("fr"))
    second.path, second.depth = "00019999", 2  # as if placed under the root
    with pytest.raises(ValidationError, match="déjà une page d’accueil"):
        second.clean()
    assert not HomePage.can_create_at(site_tree.root)  # max_count: one per language


def test_headings_must_not_skip_a_level(site_tree):
    page = StandardPageFactory.build(
        body=[("heading", {"text": "Titre", "level": "h3"})], locale=locale("fr")
    )
    with pytest.raises(ValidationError, match="saute un niveau"):
        page.clean()


def test_headings_in_order_are_accepted(site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr,
        body=[
            ("heading", {"text": "Partie", "level": "h2"}),
            ("heading", {"text": "Sous-partie", "level": "h3"}),
            ("heading", {"text": "Autre partie", "level": "h2"}),
        ],
    )
    page.full_clean()
    assert Page.objects.filter(pk=page.pk).exists()


def test_home_page_factory_places_it_at_the_root(db):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="racine-test")
    assert home.depth == 2
