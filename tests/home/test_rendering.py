"""Every page type renders, in French and in English, with its blocks."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import MeasurePage, StrategyPage
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    ThemeFactory,
    locale,
    translate_page,
    translate_snippet,
)


def every_block(image, document):
    return [
        ("heading", {"text": "Une administration plus simple", "level": "h2"}),
        ("paragraph", "<p>Un paragraphe <b>important</b>.</p>"),
        ("image", {"image": image, "alt_text": "Un graphique", "caption": "Légende"}),
        (
            "call_to_action",
            {
                "title": "Donnez votre avis",
                "text": "La consultation est ouverte.",
                "link": {
                    "page": None,
                    "url": "https://www.quebec.ca/",
                    "label": "Participer",
                },
            },
        ),
        (
            "accordion",
            {
                "title": "Questions",
                "items": [{"heading": "Qui?", "content": "<p>Tous.</p>"}],
            },
        ),
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Cibles",
                "data": [["Mesure", "Cible"], ["Formation", "2023"]],
            },
        ),
        (
            "document",
            {"document": document, "title": "La stratégie", "description": ""},
        ),
        ("quote", {"quote": "Le numérique au service de tous.", "attribution": "SCT"}),
    ]


@pytest.fixture
def media(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Graphique", file=get_test_image_file())
    document = Document.objects.create(
        title="Stratégie", file=ContentFile(b"%PDF-1.4", "strategie.pdf")
    )
    return image, document


def test_home_page_renders_in_both_languages(client, site_tree):
    french = client.get("/fr/")
    english = client.get("/en/")
    assert french.status_code == english.status_code == 200
    assert '<html lang="fr"' in french.text
    assert '<html lang="en"' in english.text
    assert "Passer au contenu principal" in french.text
    assert "Skip to main content" in english.text


def test_standard_page_renders_every_shared_block(client, site_tree, media):
    image, document = media
    page = StandardPageFactory(
        parent=site_tree.fr,
        slug="a-propos",
        title="À propos",
        body=every_block(image, document),
    )
    response = client.get("/fr/a-propos/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>À propos</h1>" in html
    assert "<h2>Une administration plus simple</h2>" in html
    assert 'alt="Un graphique"' in html
    assert "<figcaption>Légende</figcaption>" in html
    assert 'href="https://www.quebec.ca/">Participer</a>' in html
    assert "<summary>Qui?</summary>" in html
    assert "<caption>Cibles</caption>" in html
    assert 'scope="col"' in html
    assert "La stratégie</a>" in html and "(PDF" in html
    assert "<blockquote>" in html and "— SCT" in html
    english = translate_page(page, title="About", slug="about")
    assert client.get(english.url).status_code == 200


def test_strategy_page_lists_measures_by_axis(client, site_tree):
    axis = ThemeFactory(name="Gouvernance numérique", kind="axis")
    strategy = StrategyPage(title="Stratégie", slug="strategie", locale=locale("fr"))
    site_tree.fr.add_child(instance=strategy)
    MeasurePageFactory(
        parent=strategy,
        title="Moderniser le cadre légal",
        number=1,
        axis=axis,
        slug="cadre",
    )
    MeasurePageFactory(
        parent=strategy,
        title="Publier le standard",
        number=2,
        axis=axis,
        slug="standard",
    )
    response = client.get("/fr/strategie/")
    assert response.status_code == 200
    assert "Gouvernance numérique" in response.text
    assert response.text.index("Moderniser le cadre légal") < response.text.index(
        "Publier le standard"
    )
    assert "Mesure 1" in response.text


def test_measure_page_renders_in_both_languages(client, site_tree):
    organization = OrganizationFactory(name="Secrétariat du Conseil du trésor")
    axis = ThemeFactory(name="Performance numérique", kind="axis")
    translate_snippet(organization, name="Treasury Board Secretariat")
    translate_snippet(axis, name="Digital performance")
    strategy = StrategyPage(title="Stratégie", slug="strategie", locale=locale("fr"))
    site_tree.fr.add_child(instance=strategy)
    measure = MeasurePageFactory(
        parent=strategy,
        title="Lancer le Baromètre",
        number=15,
        slug="barometre",
        axis=axis,
        organization=organization,
    )
    strategy_en = translate_page(strategy, title="Strategy", slug="strategy")
    english = translate_page(measure, title="Launch the Baromètre", slug="barometre")
    assert strategy_en.live
    french_page = client.get("/fr/strategie/barometre/")
    english_page = client.get("/en/strategy/barometre/")
    assert french_page.status_code == english_page.status_code == 200
    assert (
        "Mesure 15" in french_page.text and "Performance numérique" in french_page.text
    )
    assert (
        "Measure 15" in english_page.text and "Digital performance" in english_page.text
    )
    assert "Treasury Board Secretariat" in english_page.text
    assert MeasurePage.objects.get(pk=english.pk).locale.language_code == "en"
