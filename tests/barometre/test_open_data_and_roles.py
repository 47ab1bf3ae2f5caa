"""What other parts of the platform get from the Baromètre: an open dataset, and
the permissions of each role."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from opendata.datasets import all_datasets
from tests.factories import translate_snippet

from .factories import IndicatorFactory, MeasurementFactory

SLUG = "barometre-indicators-measurements"


@pytest.mark.django_db
def test_indicators_and_measurements_are_an_open_dataset():
    indicator = IndicatorFactory(name="Satisfaction", slug="satisfaction")
    translate_snippet(indicator, name="Satisfaction EN")
    MeasurementFactory(indicator=indicator, date=date(2025, 3, 31), value=12)
    MeasurementFactory(indicator=indicator, date=date(2025, 6, 30), value=14)
    IndicatorFactory(name="Pas mesuré", slug="pas-mesure")

    dataset = all_datasets()[SLUG]
    assert dataset.last_modified() is not None
    with translation.override("en"):
        rows = list(dataset.rows())
    assert all(list(row) == dataset.field_names for row in rows)
    assert [(row["indicator"], row["value"]) for row in rows] == [
        ("satisfaction", 12),
        ("satisfaction", 14),
        ("pas-mesure", None),
    ]
    assert rows[0]["name"] == "Satisfaction EN"
    with translation.override("fr"):
        assert next(iter(dataset.rows()))["name"] == "Satisfaction"


@pytest.mark.django_db
def test_roles_get_their_barometre_permissions():
    call_command("migrate", verbosity=0)  # re-applies the roles' permissions
    editors = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    analysts = set(
        Group.objects.get(name="Analysts").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"add_indicator", "change_indicator", "add_measurement"} <= editors
    assert {"view_indicator", "add_measurement", "change_measurement"} <= analysts
    assert "add_indicator" not in analysts
