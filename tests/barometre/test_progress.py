"""Progress and status arithmetic, edge cases included."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from barometre.progress import (
    Status,
    average_percent,
    expected_percent,
    progress_of,
    progress_percent,
)

TODAY = date(2026, 1, 1)


def indicator(baseline=10, target=50, lower=False, start=None, end=None):
    return SimpleNamespace(
        baseline_value=Decimal(baseline),
        target_value=Decimal(target),
        baseline_date=start or date(2024, 1, 1),
        target_date=end or date(2028, 1, 1),
        lower_is_better=lower,
    )


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    assert progress_percent(10, 50, 30) == 50.0
    assert progress_percent(10, 50, 10) == 0.0
    assert progress_percent(10, 50, 0) == 0.0  # went backwards: never below 0
    assert progress_percent(10, 50, 80) == 100.0  # beyond the target: 100
    assert progress_percent(10, 50, None) is None


def test_lower_is_better_counts_the_way_down():
    assert progress_percent(420, 150, 285, lower_is_better=True) == 50.0
    assert progress_percent(420, 150, 500, lower_is_better=True) == 0.0


def test_a_target_equal_to_the_baseline_is_all_or_nothing():
    assert progress_percent(5, 5, 5) == 100.0
    assert progress_percent(5, 5, 4) == 0.0
    assert progress_percent(5, 5, 4, lower_is_better=True) == 100.0


def test_the_trajectory_is_a_straight_line_in_time():
    start, end = date(2024, 1, 1), date(2028, 1, 1)
    assert expected_percent(start, end, start) == 0.0
    assert expected_percent(start, end, date(2026, 1, 1)) == pytest.approx(50, 0.1)
    assert expected_percent(start, end, date(2030, 1, 1)) == 100.0


def test_no_measurement_yet():
    progress = progress_of(indicator(), None, None, TODAY)
    assert progress.status == Status.NO_DATA and progress.percent is None
    with translation.override("en"):
        assert str(progress.status_label) == "No measurement yet"
    with translation.override("fr"):
        assert str(progress.status_label) == "Pas encore mesuré"


def test_target_reached_is_achieved_even_early():
    progress = progress_of(indicator(), Decimal(55), date(2025, 1, 1), TODAY)
    assert progress.status == Status.ACHIEVED and progress.percent == 100.0


def test_lower_is_better_target_reached():
    lower = indicator(baseline=420, target=150, lower=True)
    assert progress_of(lower, 150, date(2025, 6, 1), TODAY).status == Status.ACHIEVED
    assert progress_of(lower, 149, date(2025, 6, 1), TODAY).status == Status.ACHIEVED


def test_on_track_at_risk_and_off_track_follow_the_trajectory():
    # Half-way in time (2026-01-01): 50 % expected.
    halfway = date(2026, 1, 1)
    assert progress_of(indicator(), 31, halfway, TODAY).status == Status.ON_TRACK
    assert progress_of(indicator(), 27, halfway, TODAY).status == Status.AT_RISK
    assert progress_of(indicator(), 15, halfway, TODAY).status == Status.OFF_TRACK


def test_lower_is_better_on_the_trajectory():
    lower = indicator(baseline=420, target=150, lower=True)
    halfway = date(2026, 1, 1)
    assert progress_of(lower, 280, halfway, TODAY).status == Status.ON_TRACK
    assert progress_of(lower, 400, halfway, TODAY).status == Status.OFF_TRACK


def test_a_passed_target_date_without_the_target_is_off_track():
    late = indicator(end=date(2025, 6, 30))
    progress = progress_of(late, 49, date(2025, 6, 30), TODAY)
    assert progress.status == Status.OFF_TRACK
    assert progress.percent == pytest.approx(97.5)


def test_a_measurement_on_the_baseline_date_is_on_track():
    progress = progress_of(indicator(), 10, date(2024, 1, 1), TODAY)
    assert progress.status == Status.ON_TRACK


def test_overall_progress_averages_only_measured_indicators():
    measured = progress_of(indicator(), 30, date(2026, 1, 1), TODAY)
    reached = progress_of(indicator(), 60, date(2026, 1, 1), TODAY)
    unknown = progress_of(indicator(), None, None, TODAY)
    assert average_percent([measured, reached, unknown]) == 75.0
    assert average_percent([unknown]) is None
