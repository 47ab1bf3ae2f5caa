from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from tests.factories import OrganizationFactory, locale
from training.models import (
    CoursePage,
    LearningPathPage,
    LearningPathStep,
    Session,
    TrainingCatalogPage,
)


def _locale_of_parent(page):
    return page.parent.locale if page.parent else locale()


class TrainingCatalogPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingCatalogPage

    title = "Offre de formation"
    slug = "formation"
    locale = factory.LazyAttribute(_locale_of_parent)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cours {n}")
    summary = "Un cours pour la fonction publique."
    provider = factory.SubFactory(OrganizationFactory)
    objectives = "<ul><li>Comprendre</li></ul>"
    duration_hours = Decimal("2")
    locale = factory.LazyAttribute(_locale_of_parent)

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if create and themes:
            self.themes.set(themes)
            self.save()


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CoursePageFactory)
    start_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end_at = factory.LazyAttribute(lambda s: s.start_at + timedelta(hours=3))
    online = True
    language = "fr"
    seats = 20


class LearningPathPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningPathPage

    title = factory.Sequence(lambda n: f"Parcours {n}")
    goal = "Devenir gestionnaire en transformation numérique."
    locale = factory.LazyAttribute(_locale_of_parent)


def add_steps(path, courses):
    for order, course in enumerate(courses):
        LearningPathStep.objects.create(path=path, course=course, sort_order=order)
