"""The lab page lists the reports by theme; a report tells what changed."""

import pytest

from consultation.lab.models import LabIndexPage, LabReportPage
from home.models import HomePage, StandardPage
from tests.factories import ThemeFactory, translate_page

from .factories import LabReportPageFactory


def test_page_rules(db):
    assert LabIndexPage.parent_page_types == ["home.HomePage", "home.StandardPage"]
    assert LabIndexPage.subpage_types == ["consultation.LabReportPage"]
    assert LabIndexPage.max_count == 2
    assert LabReportPage.parent_page_types == ["consultation.LabIndexPage"]
    assert LabReportPage.subpage_types == []
    assert LabIndexPage.can_create_at(HomePage()) and not LabReportPage.can_create_at(
        StandardPage()
    )


@pytest.fixture
def reports(lab_page):
    access = ThemeFactory(name="Accessibilité", slug="accessibilite", sort_order=1)
    data = ThemeFactory(name="Données", slug="donnees", sort_order=2)
    first = LabReportPageFactory(
        parent=lab_page, title="Formulaire plus court", slug="formulaire", theme=access
    )
    LabReportPageFactory(
        parent=lab_page, title="Carte des données", slug="carte", theme=data
    )
    LabReportPageFactory(
        parent=lab_page, title="Brouillon", slug="brouillon", theme=data, live=False
    )
    translate_page(first, title="Shorter form", slug="form")
    return first


def test_the_lab_page_lists_published_reports_by_theme(client, reports):
    response = client.get("/fr/laboratoire/")
    text = response.text
    assert response.status_code == 200
    assert "Ce que nous avons appris" in text
    assert text.index("Accessibilité") < text.index("Formulaire plus court")
    assert text.index("Données") < text.index("Carte des données")
    assert "Brouillon" not in text


def test_the_theme_filter_keeps_one_theme(client, reports):
    text = client.get("/fr/laboratoire/?theme=donnees").text
    assert "Carte des données" in text and "Formulaire plus court" not in text
    assert client.get("/fr/laboratoire/?theme=<script>").status_code == 200


def test_a_report_in_french_and_in_english(client, reports):
    french = client.get("/fr/laboratoire/formulaire/")
    assert french.status_code == 200
    for heading in ["Ce qui a été testé", "Ce que nous avons appris", "Ce qui change"]:
        assert heading in french.text
    assert "Le bouton est plus visible." in french.text
    english = client.get("/en/lab/form/")
    assert english.status_code == 200
    for heading in ["What was tested", "What we learned", "What changes"]:
        assert heading in english.text
    assert "Shorter form" in client.get("/en/lab/").text


def test_the_listing_query_count_stays_flat(
    client, lab_page, django_assert_max_num_queries
):
    theme = ThemeFactory()
    for number in range(5):
        LabReportPageFactory(parent=lab_page, slug=f"r{number}", theme=theme)
    client.get("/fr/laboratoire/")
    with django_assert_max_num_queries(40) as few:
        client.get("/fr/laboratoire/")
    for number in range(5, 50):
        LabReportPageFactory(parent=lab_page, slug=f"r{number}", theme=theme)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get("/fr/laboratoire/")
    assert response.text.count('class="card"') == 50
    assert len(many.captured_queries) == len(few.captured_queries)
