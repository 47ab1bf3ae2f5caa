from datetime import date
from decimal import Decimal

import factory
import wagtail_factories

from barometre.models import BarometrePage, Indicator, Measurement
from tests.factories import OrganizationFactory, locale


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicateur {n}")
    slug = factory.Sequence(lambda n: f"indicateur-{n}")
    definition = "Ce que l’indicateur compte."
    unit = "%"
    baseline_value = Decimal("10")
    baseline_date = date(2024, 1, 1)
    target_value = Decimal("50")
    target_date = date(2028, 1, 1)
    organization = factory.SubFactory(OrganizationFactory)
    locale = factory.LazyFunction(locale)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    date = date(2025, 1, 1)
    value = Decimal("20")


class BarometrePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BarometrePage

    title = "Baromètre numériQc"
    slug = "barometre"
    summary = "Où en est la Stratégie."
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )
