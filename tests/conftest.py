"""Fixtures shared by every test folder."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from tests.factories import HomePageFactory, locale, translate_page


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Menus and pages are cached: every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The French home page at the site root and its English translation."""
    locale("en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale("fr"))
    )
    for child in root.get_children():
        Site.objects.filter(root_page=child).delete()
        child.delete()
    home_fr = HomePageFactory(parent=root, slug="accueil", locale=locale("fr"))
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home_fr, is_default_site=True
    )
    home_en = translate_page(
        home_fr, title="numériQc", summary="Public platform", slug="home"
    )
    return SimpleNamespace(root=root, site=site, fr=home_fr, en=home_en)
