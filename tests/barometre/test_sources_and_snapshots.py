"""Indicators bound to figures of the platform, and the scheduled snapshots."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import hooks

from barometre import services, tasks
from barometre.models import Edition, Indicator, Measurement
from barometre.sources import Source, all_sources, source_choices
from tests.feedback.factories import FeedbackEntryFactory

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def test_the_feedback_tool_offers_its_figures():
    sources = all_sources()
    assert "feedback.average_satisfaction" in sources
    assert "feedback.yes_rate" in sources
    assert ("feedback.yes_rate", str(sources["feedback.yes_rate"].label)) in (
        source_choices()
    )


def test_a_computed_indicator_is_recorded_once_a_day_from_feedback():
    FeedbackEntryFactory(rating=5, found=True)
    FeedbackEntryFactory(rating=3, found=False)
    FeedbackEntryFactory(rating=1, found=False, status="spam")
    satisfaction = IndicatorFactory(source_key="feedback.average_satisfaction")
    yes_rate = IndicatorFactory(source_key="feedback.yes_rate")
    IndicatorFactory()  # measured by hand: never snapshotted

    assert services.snapshot_computed_indicators(date(2026, 3, 1)) == 2
    assert services.snapshot_computed_indicators(date(2026, 3, 1)) == 0
    assert Measurement.objects.count() == 2
    recorded = Measurement.objects.get(indicator=satisfaction)
    assert recorded.value == Decimal("4.000")
    assert recorded.origin == Measurement.Origin.COMPUTED
    assert Measurement.objects.get(indicator=yes_rate).value == Decimal("50.000")


def test_the_task_snapshots_today_and_is_safe_to_run_twice():
    FeedbackEntryFactory(rating=4)
    IndicatorFactory(source_key="feedback.average_satisfaction")
    tasks.snapshot_computed_indicators.delay()
    tasks.snapshot_computed_indicators.delay()
    assert Measurement.objects.count() == 1


def test_a_source_with_nothing_to_say_records_nothing():
    IndicatorFactory(source_key="feedback.average_satisfaction")  # no feedback yet
    assert services.snapshot_computed_indicators() == 0
    assert not Measurement.objects.exists()


def test_adding_a_source_is_one_function():
    def declare():
        return [Source("tests.answer", "Answer", compute=lambda: 42, unit="")]

    indicator = IndicatorFactory(source_key="tests.answer")
    with hooks.register_temporarily("numeriqc_barometre_sources", declare):
        indicator.full_clean()
        assert services.current_value(indicator) == Decimal("42.000")
        assert services.snapshot_computed_indicators(date(2026, 1, 1)) == 1


def test_an_indicator_cannot_be_bound_to_an_unknown_source():
    indicator = IndicatorFactory.build(
        source_key="nowhere.figure", organization=IndicatorFactory().organization
    )
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "source_key" in error.value.message_dict


def test_measurements_are_unique_per_indicator_and_date():
    measurement = MeasurementFactory()
    again, created = services.record_measurement(
        measurement.indicator, measurement.date, Decimal(99), "manual"
    )
    assert not created and again.pk == measurement.pk
    assert Measurement.objects.get().value == Decimal("20")


def test_measurements_of_a_translation_belong_to_the_source_indicator():
    from tests.factories import translate_snippet

    indicator = IndicatorFactory()
    english = translate_snippet(indicator, name="Indicator")
    measurement = Measurement.objects.create(
        indicator=english, date=date(2025, 1, 1), value=1
    )
    assert measurement.indicator_id == indicator.pk


def test_quarterly_editions_are_written_once():
    IndicatorFactory()
    tasks.publish_quarterly_edition.delay()
    tasks.publish_quarterly_edition.delay()
    assert Edition.objects.count() == 1
    edition = Edition.objects.get()
    assert set(edition.figures) == {"fr", "en"}


def test_the_schedule_holds_the_snapshot_and_the_editions():
    schedule = settings.CELERY_BEAT_SCHEDULE.values()
    tasks_scheduled = {entry["task"] for entry in schedule}
    assert "barometre.tasks.snapshot_computed_indicators" in tasks_scheduled
    assert "barometre.tasks.publish_quarterly_edition" in tasks_scheduled


def test_the_target_date_follows_the_baseline():
    indicator = IndicatorFactory.build(
        baseline_date=date(2026, 1, 1),
        target_date=date(2025, 1, 1),
        organization=IndicatorFactory().organization,
    )
    with pytest.raises(ValidationError):
        indicator.full_clean()
    assert Indicator.objects.count() == 1


def test_a_failing_source_does_not_stop_the_others():
    def broken():
        raise RuntimeError("the other app is down")

    def declare():
        return [
            Source("tests.broken", "Broken", compute=broken),
            Source("tests.fine", "Fine", compute=lambda: 7),
        ]

    IndicatorFactory(source_key="tests.broken")
    fine = IndicatorFactory(source_key="tests.fine")
    with hooks.register_temporarily("numeriqc_barometre_sources", declare):
        assert services.snapshot_computed_indicators(date(2026, 1, 1)) == 1
    assert Measurement.objects.get().indicator == fine
