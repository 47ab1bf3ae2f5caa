"""Courses and consultations carry an image only with its alternative text, which
is translated with the page; the editor is told so in their own language."""

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail_localize.models import TranslationSource

from home.translation import translate
from tests.consultation.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
)
from tests.factories import OrganizationFactory
from tests.training.factories import CoursePageFactory, TrainingCatalogPageFactory

pytestmark = pytest.mark.django_db

MESSAGES = {
    "fr": "Donnez un texte de remplacement à l’image : une image sans texte de "
    "remplacement ne peut pas être publiée.",
    "en": "Give the image an alternative text: an image without one cannot be "
    "published.",
}


def course(site_tree, **fields):
    catalogue = TrainingCatalogPageFactory(parent=site_tree.fr)
    return CoursePageFactory(parent=catalogue, provider=OrganizationFactory(), **fields)


def consultation(site_tree, **fields):
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    return ConsultationPageFactory(parent=index, **fields)


@pytest.fixture(params=[course, consultation], ids=["course", "consultation"])
def make_page(request):
    return request.param


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_image_without_alternative_text_is_refused(site_tree, make_page, language):
    page = make_page(site_tree)
    page.image = wagtail_factories.ImageFactory()
    page.image_alt = "  "

    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        messages = refused.value.message_dict["image_alt"]

    assert messages == [MESSAGES[language]]


def test_an_image_with_alternative_text_or_no_image_is_accepted(site_tree, make_page):
    page = make_page(site_tree)
    page.full_clean()

    page.image = wagtail_factories.ImageFactory()
    page.image_alt = "Des personnes autour d’une table"
    page.full_clean()


def test_the_alternative_text_is_translated_with_the_page(site_tree, make_page):
    image = wagtail_factories.ImageFactory()
    page = make_page(site_tree, image=image, image_alt="Une carte du Québec")
    source, _created = TranslationSource.update_or_create_from_instance(page)
    strings = {s.string.data: s.string.data for s in source.stringsegment_set.all()}
    assert "Une carte du Québec" in strings  # a segment the translator sees

    english = translate(page, "en", {**strings, "Une carte du Québec": "A map"})

    assert english.image_id == image.pk  # the same file in both languages
    assert english.image_alt == "A map"
    assert english.live
