from datetime import date, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from tests.factories import locale
from vitrine.models import (
    BenefitMeasurement,
    CallForProjectsPage,
    ExpectedBenefit,
    ProjectPage,
    VitrineIndexPage,
)


def _locale_of_parent(page):
    return page.parent.locale if page.parent else locale()


class VitrineIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = VitrineIndexPage

    title = "Vitrine numériQc"
    slug = "vitrine"
    locale = factory.LazyAttribute(_locale_of_parent)


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projet {n:03d}")
    summary = "Un projet numérique."
    phase = "building"
    started_on = date(2025, 3, 1)
    locale = factory.LazyAttribute(_locale_of_parent)


class CallForProjectsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallForProjectsPage

    title = factory.Sequence(lambda n: f"Appel {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    eligibility = "Toute équipe résidant au Québec."
    prizes = "Trois prix de 5 000 $."
    locale = factory.LazyAttribute(_locale_of_parent)


def add_benefit(page, **fields):
    values = {
        "description": "Traitement plus rapide",
        "indicator": "Délai de traitement gagné",
        "unit": "jours",
        "estimated_value": 10,
        "expected_by": date(2026, 12, 31),
        "locale": page.locale,
    }
    values.update(fields)
    benefit = ExpectedBenefit.objects.create(page=page, **values)
    return benefit


def measure(benefit, day, value, source="Rapport annuel"):
    return BenefitMeasurement.objects.create(
        benefit=benefit, measured_on=day, value=value, source=source
    )
