import pytest

from tests.factories import translate_page

from .factories import TrainingCatalogPageFactory


@pytest.fixture
def catalogue(site_tree):
    page = TrainingCatalogPageFactory(parent=site_tree.fr)
    page.english = translate_page(page, title="Training offer", slug="training")
    return page
