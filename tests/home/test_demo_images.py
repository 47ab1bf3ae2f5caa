"""The demo's images: drawn with Pillow, one per project, course and consultation,
with an alternative text in each language, shown on every card of every listing."""

import re

import pytest
from wagtail.images import get_image_model

from consultation.models import ConsultationIndexPage, ConsultationPage
from home.models import HomePage
from tests.factories import locale
from tests.seeding import seed_demo_of
from training.models import CoursePage, TrainingCatalogPage
from vitrine.models import ProjectImage, ProjectPage, VitrineIndexPage

pytestmark = pytest.mark.django_db

ALT = {"fr": "Illustration abstraite : ", "en": "Abstract illustration: "}


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


# What starts each card that shows an item with an image, on each listing.
PROJECT, COURSE, CONSULTATION = (
    '<li class="card project-card"',
    '<li class="card training-course"',
    '<li class="card">',
)


def listings(client, language):
    """(where, HTML, card) of each listing: the three indexes, and the home page's
    featured projects and open consultations."""
    indexes = (
        (VitrineIndexPage, PROJECT),
        (TrainingCatalogPage, COURSE),
        (ConsultationIndexPage, CONSULTATION),
    )
    for model, card in indexes:
        index = model.objects.get(locale__language_code=language)
        yield index.url, client.get(index.url).text, card
    home = HomePage.objects.get(locale__language_code=language)
    html = client.get(home.url).text
    for section, card in (
        ("featured-projects", PROJECT),
        ("home-open-consultations", CONSULTATION),
    ):
        found = re.search(rf'aria-labelledby="{section}".*?</section>', html, re.S)
        assert found, section
        yield section, found.group(0), card


def card_pictures(html, card):
    """The image of each card (None for a card without one)."""
    pieces = html.split(card)[1:]
    return [(pictures(piece.split("</li>")[0]) or [None])[0] for piece in pieces]


def test_every_card_of_every_listing_shows_an_image(client):
    seed_demo_of("vitrine", "training", "consultation")

    for language in ("fr", "en"):
        for where, html, card in listings(client, language):
            shown = card_pictures(html, card)
            assert shown, where
            assert None not in shown, where
            for picture in shown:
                assert f'alt="{ALT[language]}' in picture, where
                assert 'type="image/webp"' in picture

    for model in (CoursePage, ConsultationPage):
        for page in model.objects.filter(alias_of__isnull=True):
            assert page.image_id
            assert page.image_alt.startswith(ALT[page.locale.language_code])
    for item in ProjectImage.objects.select_related("locale"):
        assert item.alt_text.startswith(ALT[item.locale.language_code])
    assert not ProjectPage.objects.filter(images__isnull=True).exists()


def test_a_demo_loaded_before_images_gets_them_on_the_next_seed(client):
    seed_demo_of("training", "consultation")
    images = get_image_model().objects.count()
    course = CoursePage.objects.filter(locale__language_code="fr").first()
    english = course.get_translation(locale("en"))
    CoursePage.objects.filter(pk__in=[course.pk, english.pk]).update(
        image=None, image_alt=""
    )

    seed_demo_of("training", "consultation")

    english.refresh_from_db()
    assert english.image_id and english.image_alt.startswith(ALT["en"])
    assert get_image_model().objects.count() == images  # found again, not redrawn
    [hero] = pictures(client.get(english.url).text)
    assert english.image_alt in hero
