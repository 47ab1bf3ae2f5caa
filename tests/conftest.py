"""Fixtures shared by every test folder."""

import os
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page, Site

from tests import database_templates
from tests.factories import HomePageFactory, locale, translate_page


def _postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    if database_templates.mode() == "off" or not url.startswith("postgres"):
        return None
    return url


def pytest_sessionstart(session):
    """Under pytest-xdist, build the migrated template in the controller, where its
    progress lines reach the terminal (a worker's output does not); the workers
    then find it ready."""
    config = session.config
    xdist_controller = getattr(config.option, "numprocesses", None) and not hasattr(
        config, "workerinput"
    )
    if xdist_controller and _postgres_url():
        say = database_templates.Progress(database_templates.pytest_writer(config))
        database_templates.PostgresTemplates(_postgres_url(), say).migrated()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL, each test database is a copy of the migrated template
    (tests/database_templates.py) instead of a minute of migrations; Django still
    runs `migrate` on it, which then only re-applies the post-migrate steps."""
    url = _postgres_url()
    if url is None:
        return
    from django.db import connections

    say = database_templates.Progress(database_templates.pytest_writer(request.config))
    template = database_templates.PostgresTemplates(url, say).migrated()
    connections["default"].settings_dict["TEST"]["TEMPLATE"] = template


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language (French).

    A request through the test client leaves the language it activated (English
    after a GET of /en/…) active in the thread: without this, a test's language
    would depend on which test ran before it on the same worker.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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
