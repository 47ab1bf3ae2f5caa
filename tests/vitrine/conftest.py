import pytest

from tests.factories import translate_page

from .factories import VitrineIndexPageFactory


@pytest.fixture
def vitrine(site_tree):
    index_fr = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    index_en = translate_page(index_fr, title="numériQc Showcase", slug="showcase")
    site_tree.vitrine_fr = index_fr
    site_tree.vitrine_en = index_en
    return site_tree
