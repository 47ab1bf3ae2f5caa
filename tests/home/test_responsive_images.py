"""Images are served as responsive renditions: WebP with a JPEG fallback, two widths,
width and height set, alternative text in the page's language, lazy below the top.

Listings with images still render in a number of queries that does not grow."""

import re

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.images import get_image_model

from tests.consultation.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
)
from tests.factories import OrganizationFactory, translate_page
from tests.perf.budget import assert_flat_query_count
from tests.training.factories import CoursePageFactory, TrainingCatalogPageFactory
from tests.vitrine.factories import ProjectPageFactory, VitrineIndexPageFactory
from vitrine.models import ProjectImage

pytestmark = pytest.mark.django_db


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


CARD = (400, 800)
HERO = (640, 1280)


def assert_responsive(picture, alt, widths=CARD):
    """A WebP source and a JPEG fallback, each at both widths, width and height
    set on the fallback, and the alternative text."""
    small, large = widths
    source, img = picture.split("<img")
    assert 'type="image/webp"' in source
    assert re.search(rf'srcset="[^"]+\.webp {small}w, [^"]+\.webp {large}w"', source)
    assert re.search(rf'srcset="[^"]+\.jpg {small}w, [^"]+\.jpg {large}w"', img)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert f'width="{small}"' in img and 'height="' in img
    assert f'alt="{alt}"' in img


def image():
    # Large enough for every width to be a real one (Wagtail does not upscale).
    return wagtail_factories.ImageFactory(file__width=1600, file__height=900)


@pytest.fixture
def catalogue(site_tree):
    page = TrainingCatalogPageFactory(parent=site_tree.fr)
    page.english = translate_page(page, title="Training offer", slug="training")
    return page


def course(catalogue, title, alt):
    return CoursePageFactory(
        parent=catalogue,
        title=title,
        provider=OrganizationFactory(),
        image=image(),
        image_alt=alt,
    )


@pytest.mark.parametrize(
    ("language", "alt"), [("fr", "Une salle de classe"), ("en", "A classroom")]
)
def test_a_course_page_shows_its_image_at_once_in_its_language(
    client, catalogue, language, alt
):
    page = course(catalogue, "Cours", "Une salle de classe")
    english = translate_page(
        page, title="Course", slug="course", image_alt="A classroom"
    )

    html = client.get((page if language == "fr" else english).url).text

    [hero] = pictures(html)
    assert_responsive(hero, alt, HERO)
    assert 'loading="lazy"' not in hero  # at the top: loaded at once


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_catalogue_loads_the_first_card_at_once_and_the_others_lazily(
    client, catalogue, language
):
    for number in range(3):
        page = course(catalogue, f"Cours {number}", f"Photo {number}")
        translate_page(
            page, title=f"Course {number}", slug=f"c{number}", image_alt=f"Pic {number}"
        )

    html = client.get("/fr/formation/" if language == "fr" else "/en/training/").text

    cards = pictures(html)
    assert len(cards) == 3
    alt = "Photo" if language == "fr" else "Pic"
    for card in cards:
        assert_responsive(card, re.search(rf'alt="({alt} \d)"', card).group(1))
    assert 'loading="lazy"' not in cards[0]
    assert all('loading="lazy"' in card for card in cards[1:])


def test_a_consultation_shows_its_image_on_its_page_and_in_the_listing(
    client, site_tree
):
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    page = ConsultationPageFactory(
        parent=index, image=image(), image_alt="Des citoyens en réunion"
    )

    [hero] = pictures(client.get(page.url).text)
    [card] = pictures(client.get(index.url).text)

    assert_responsive(hero, "Des citoyens en réunion", HERO)
    assert_responsive(card, "Des citoyens en réunion")


def test_a_project_page_shows_its_first_image_at_once_and_the_others_lazily(
    client, site_tree
):
    index = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    project = ProjectPageFactory(parent=index)
    for alt in ("Premier écran", "Second écran"):
        ProjectImage.objects.create(page=project, image=image(), alt_text=alt)

    first, second = pictures(client.get(project.url).text)

    assert_responsive(first, "Premier écran", HERO)
    assert 'loading="lazy"' not in first
    assert_responsive(second, "Second écran", HERO)
    assert 'loading="lazy"' in second


def cards(html):
    return len(pictures(html))


def test_the_catalogue_with_images_renders_in_flat_queries(client, catalogue):
    made = []

    def add_courses(count):
        for _number in range(count):
            made.append(course(catalogue, f"Cours {len(made)}", "Une salle"))

    assert_flat_query_count(client, "/fr/formation/", add_courses, shown=cards)


def test_the_consultations_with_images_render_in_flat_queries(client, site_tree):
    index = ConsultationIndexPageFactory(parent=site_tree.fr)

    def add_consultations(count):
        for _number in range(count):
            ConsultationPageFactory(parent=index, image=image(), image_alt="Réunion")

    assert_flat_query_count(client, index.url, add_consultations, shown=cards)


def test_the_home_page_with_images_renders_in_flat_queries(client, site_tree):
    vitrine = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    consultations = ConsultationIndexPageFactory(parent=site_tree.fr)

    def add_projects_and_consultations(count):
        for _number in range(count):
            project = ProjectPageFactory(parent=vitrine, featured=True)
            ProjectImage.objects.create(page=project, image=image(), alt_text="Écran")
            ConsultationPageFactory(
                parent=consultations, image=image(), image_alt="Réunion"
            )

    assert_flat_query_count(client, "/fr/", add_projects_and_consultations, shown=cards)


def test_an_svg_image_is_served_as_it_is(client, catalogue):
    svg = get_image_model()(title="Logo")
    svg.file = ContentFile(
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" '
        b'viewBox="0 0 1600 900"><rect width="1600" height="900" fill="#036"/></svg>',
        name="logo.svg",
    )
    svg.width, svg.height = 1600, 900
    svg.save()
    page = CoursePageFactory(
        parent=catalogue, provider=OrganizationFactory(), image=svg, image_alt="Logo"
    )

    for url in (page.url, "/fr/formation/"):
        response = client.get(url)
        [picture] = pictures(response.text)
        assert ".svg" in picture and 'alt="Logo"' in picture
