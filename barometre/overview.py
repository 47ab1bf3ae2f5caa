"""What the Baromètre shows: every indicator with its progress, grouped by axis.

The number of queries does not depend on the number of indicators: the indicators
(source language), their measurements, their translations and the axes' translations
are read in one query each.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.charts import axis_date, bar_chart, format_value, line_chart
from home.models import Theme

from .models import Indicator, Measurement
from .progress import Progress, Status, average_percent, progress_of


@dataclass
class IndicatorView:
    indicator: Indicator  # the source-language row: figures, slug, relations
    text: Indicator  # the row in the reader's language (or the source row)
    points: list  # [(date, value)] in date order
    progress: object
    chart: object = None
    summary: str = ""
    csv_url: str = ""
    json_url: str = ""
    latest_note: str = ""
    language: str = ""

    @property
    def latest(self):
        return self.points[-1] if self.points else (None, None)

    @property
    def name(self):
        return self.text.name

    @property
    def text_language(self):
        """The language of the texts when it is not the reader's (untranslated)."""
        code = self.indicator.locale.language_code
        return code if self.text is self.indicator and code != self.language else ""

    @property
    def unit(self):
        return self.text.unit

    def formatted(self, value):
        return format_value(value, self.unit)

    @property
    def latest_value_display(self):
        return self.formatted(self.latest[1])

    @property
    def target_display(self):
        return self.formatted(self.indicator.target_value)

    @property
    def baseline_display(self):
        return self.formatted(self.indicator.baseline_value)


@dataclass
class AxisGroup:
    name: str
    slug: str
    indicators: list = field(default_factory=list)

    @property
    def percent(self):
        return average_percent(view.progress for view in self.indicators)


@dataclass
class Overview:
    groups: list
    percent: float | None
    status_counts: list
    axes_chart: object = None

    @property
    def indicators(self):
        return [view for group in self.groups for view in group.indicators]


def source_indicators():
    """Indicators in the default language, with everything the page needs."""
    measurements = Measurement.objects.only(
        "indicator_id", "date", "value", "note_fr", "note_en"
    ).order_by("date")
    return (
        Indicator.objects.filter(locale=Locale.get_default())
        .select_related("axis", "organization", "measure", "locale")
        .prefetch_related(Prefetch("measurements", queryset=measurements))
        .order_by("axis__sort_order", "sort_order", "name")
    )


def _translations(model, keys, language):
    if not keys:
        return {}
    rows = model.objects.filter(
        translation_key__in=keys, locale__language_code=language
    )
    return {row.translation_key: row for row in rows}


def short_date(value):
    return date_format(value, "SHORT_DATE_FORMAT")


def indicator_views(indicators, language, today=None):
    indicators = list(indicators)
    texts = _translations(Indicator, [i.translation_key for i in indicators], language)
    views = []
    for indicator in indicators:
        measurements = list(indicator.measurements.all())
        points = [(m.date, m.value) for m in measurements]
        latest_date, latest_value = points[-1] if points else (None, None)
        view = IndicatorView(
            indicator=indicator,
            text=texts.get(indicator.translation_key, indicator),
            points=points,
            progress=progress_of(indicator, latest_value, latest_date, today),
            latest_note=measurements[-1].note(language) if measurements else "",
            language=language,
        )
        view.chart = history_chart(view)
        view.summary = summary_of(view)
        views.append(view)
    return views


SHORT_UNIT = 2  # longer units ("organisations") go in the column heading instead


def history_chart(view):
    return drawn_history(
        view.text.name, view.unit, view.points, view.indicator.target_value
    )


def drawn_history(name, unit, points, target):
    """The line chart of an indicator; a long unit would not fit beside the axis."""
    short = unit if len(unit) <= SHORT_UNIT else ""
    value_label = _("Value") if short or not unit else f"{_('Value')} ({unit})"
    chart = line_chart(
        [(axis_date(day), value) for day, value in points],
        title=_("%(indicator)s: measurements and target") % {"indicator": name},
        unit=short,
        value_label=value_label,
        target=target,
    )
    chart.columns = (_("Date"), value_label)
    return chart


def summary_of(view):
    """One sentence a screen reader user gets in place of the picture."""
    indicator = view.indicator
    figures = {
        "target": view.target_display,
        "target_date": short_date(indicator.target_date),
        "baseline": view.baseline_display,
        "baseline_date": short_date(indicator.baseline_date),
    }
    if view.progress.status == Status.NO_DATA:
        return (
            _(
                "No measurement yet. Baseline %(baseline)s on %(baseline_date)s; "
                "target %(target)s by %(target_date)s."
            )
            % figures
        )
    latest_date, latest_value = view.latest
    figures.update(
        latest=view.formatted(latest_value),
        latest_date=short_date(latest_date),
        percent=format_value(view.progress.percent, "%"),
        status=view.progress.status_label,
    )
    return (
        _(
            "Latest value %(latest)s on %(latest_date)s, from %(baseline)s on "
            "%(baseline_date)s toward %(target)s by %(target_date)s: %(percent)s of "
            "the way. Status: %(status)s."
        )
        % figures
    )


def group_by_axis(views, language):
    axes = {v.indicator.axis for v in views if v.indicator.axis_id}
    names = _translations(Theme, [axis.translation_key for axis in axes], language)
    groups = {}
    for view in views:
        axis = view.indicator.axis
        key = axis.translation_key if axis else None
        if key not in groups:
            name = names.get(key, axis).name if axis else _("Other indicators")
            groups[key] = AxisGroup(name=name, slug=axis.slug if axis else "autres")
        groups[key].indicators.append(view)
    return list(groups.values())


def status_counts(views):
    counts = dict.fromkeys(Status.values, 0)
    for view in views:
        counts[view.progress.status] += 1
    return [(Status(status).label, status, count) for status, count in counts.items()]


def barometre_overview(language, indicators=None, today=None):
    indicators = source_indicators() if indicators is None else indicators
    views = indicator_views(indicators, language, today or timezone.localdate())
    groups = group_by_axis(views, language)
    overview = Overview(
        groups=groups,
        percent=average_percent(view.progress for view in views),
        status_counts=status_counts(views),
    )
    if groups:
        chart = bar_chart(
            [(group.name, group.percent or 0) for group in groups],
            title=_("Progress toward the targets, per axis of the strategy"),
            unit="%",
            value_label=_("Progress"),
            max_value=100,
        )
        chart.columns = (_("Axis of the strategy"), _("Progress"))
        overview.axes_chart = chart
    return overview


def headline(language, limit=4):
    """The few indicators the home page shows."""
    indicators = source_indicators().filter(is_headline=True)[:limit]
    return indicator_views(indicators, language)


@dataclass
class EditionIndicator:
    """An indicator as an edition stored it: plain figures, no live rows."""

    name: str
    unit: str
    percent: float | None
    status: str
    target_display: str
    latest_value_display: str
    chart: object
    summary: str = ""

    @property
    def progress(self):
        return Progress(self.percent, self.status)


def edition_views(figures):
    """The groups of a stored edition, with their charts drawn as they were."""
    groups = []
    for axis in figures.get("axes", []):
        group = AxisGroup(name=axis["name"], slug="")
        for item in axis["indicators"]:
            points = [(date.fromisoformat(day), value) for day, value in item["points"]]
            chart = drawn_history(item["name"], item["unit"], points, item["target"])
            group.indicators.append(
                EditionIndicator(
                    name=item["name"],
                    unit=item["unit"],
                    percent=item["percent"],
                    status=item["status"],
                    target_display=format_value(item["target"], item["unit"]),
                    latest_value_display=format_value(
                        points[-1][1] if points else None, item["unit"]
                    ),
                    chart=chart,
                    summary=item.get("summary", ""),
                )
            )
        groups.append(group)
    return groups
