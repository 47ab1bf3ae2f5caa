"""Open consultations are offered where people look for a way to take part: the
home page and the Vitrine's "What next?" (which once said none was open while two
were)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.factories import translate_page
from tests.vitrine.factories import VitrineIndexPageFactory

from .factories import ConsultationIndexPageFactory, ConsultationPageFactory


@pytest.fixture(autouse=True)
def _french_afterwards():
    """The English pages requested here leave English active in this thread."""
    yield
    translation.activate("fr")


def consultations(site_tree):
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    translate_page(index, title="Consultations", slug="consultations")
    now = timezone.now()
    first = ConsultationPageFactory(parent=index, title="Avenir du numérique")
    second = ConsultationPageFactory(
        parent=index, title="Services en ligne", closes_at=now + timedelta(days=2)
    )
    ConsultationPageFactory(
        parent=index,
        title="Consultation fermée",
        opens_at=now - timedelta(days=20),
        closes_at=now - timedelta(days=1),
    )
    ConsultationPageFactory(
        parent=index, title="Consultation à venir", opens_at=now + timedelta(days=3)
    )
    translate_page(first, title="Future of digital", slug="future")
    return first, second


def test_the_home_page_lists_the_open_consultations_in_both_languages(
    client, site_tree
):
    consultations(site_tree)
    french = client.get("/fr/").content.decode()
    assert "Consultations ouvertes" in french
    assert french.index("Services en ligne") < french.index("Avenir du numérique")
    assert "Consultation fermée" not in french
    assert "Consultation à venir" not in french
    english = client.get("/en/").content.decode()
    assert "Open consultations" in english and "Future of digital" in english
    assert "Services en ligne" not in english  # not translated: not live in English


def test_without_open_consultations_the_home_page_has_no_empty_panel(client, site_tree):
    assert "Consultations ouvertes" not in client.get("/fr/").content.decode()


def test_what_next_lists_the_open_consultations_before_its_fallback_text(
    client, site_tree
):
    index = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    index.next_actions_text = "Aucune consultation n’est ouverte."
    index.save_revision().publish()
    translate_page(index, title="Showcase", slug="showcase")
    consultations(site_tree)
    body = client.get("/fr/vitrine/").content.decode()
    what_next = body[body.index('id="what-next"') :]
    assert "Avenir du numérique" in what_next and "Services en ligne" in what_next
    assert "Aucune consultation n’est ouverte." not in what_next
    english = client.get("/en/showcase/").content.decode()
    assert "Future of digital" in english[english.index('id="what-next"') :]
