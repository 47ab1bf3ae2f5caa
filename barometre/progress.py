"""Progress toward a target, and the status read from the trajectory.

Progress is the share of the way from the baseline to the target that the latest
value has covered (0–100 %): it works the same way when lower is better, because the
target then lies below the baseline. The status compares that progress with the
share of the time elapsed between the baseline date and the target date at the date
of the latest measurement:

- achieved: the latest value reaches the target (>= when higher is better, <= when
  lower is better);
- off track: the target date has passed and the target is not reached;
- on track: progress keeps pace with the straight line from baseline to target;
- at risk: progress is behind, but by less than a quarter of the expected progress;
- off track: further behind;
- no data: nothing measured yet.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

AT_RISK_RATIO = 0.75


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No measurement yet")


@dataclass(frozen=True)
class Progress:
    percent: float | None  # 0–100, None without a measurement
    status: str
    expected: float | None = None  # the percent the trajectory expects by then

    @property
    def status_label(self):
        return Status(self.status).label


def _clamp(number, low=0.0, high=100.0):
    return max(low, min(high, number))


def reaches_target(value, target, lower_is_better=False):
    value, target = Decimal(value), Decimal(target)
    return value <= target if lower_is_better else value >= target


def progress_percent(baseline, target, value, lower_is_better=False):
    """Share of the way from baseline to target covered by `value`, 0–100."""
    if value is None:
        return None
    baseline, target, value = Decimal(baseline), Decimal(target), Decimal(value)
    span = target - baseline
    if span == 0:
        return 100.0 if reaches_target(value, target, lower_is_better) else 0.0
    return _clamp(float((value - baseline) / span * 100))


def expected_percent(baseline_date, target_date, on_date):
    """Where the straight trajectory stands on `on_date`, 0–100."""
    total = (target_date - baseline_date).days
    if total <= 0:
        return 100.0
    return _clamp((on_date - baseline_date).days / total * 100)


def progress_of(indicator, value, measured_on, today=None):
    """The Progress of an indicator whose latest value is `value` (or None)."""
    if value is None:
        return Progress(None, Status.NO_DATA)
    today = today or timezone.localdate()
    lower = indicator.lower_is_better
    percent = progress_percent(
        indicator.baseline_value, indicator.target_value, value, lower
    )
    expected = expected_percent(
        indicator.baseline_date, indicator.target_date, measured_on
    )
    if reaches_target(value, indicator.target_value, lower):
        return Progress(100.0, Status.ACHIEVED, expected)
    if today > indicator.target_date:
        return Progress(percent, Status.OFF_TRACK, 100.0)
    if expected <= 0 or percent >= expected:
        return Progress(percent, Status.ON_TRACK, expected)
    if percent >= expected * AT_RISK_RATIO:
        return Progress(percent, Status.AT_RISK, expected)
    return Progress(percent, Status.OFF_TRACK, expected)


def average_percent(progresses):
    """Mean progress of the indicators that have a measurement, or None."""
    known = [p.percent for p in progresses if p.percent is not None]
    if not known:
        return None
    return round(sum(known) / len(known), 1)
