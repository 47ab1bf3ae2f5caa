"""Indicators and their measurements as open files (CSV, JSON) and as open data.

Rows are read measurement by measurement (`.iterator()`); only the indicators'
texts in the reader's language sit in memory (a few dozen rows).
"""

from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.models import Theme

from .models import Indicator, Measurement

CHUNK = 2000

FIELDS = (
    "indicator",
    "name",
    "unit",
    "axis",
    "organization",
    "direction",
    "direction_label",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "date",
    "value",
    "origin",
    "origin_label",
    "source",
    "note",
)


def indicators_for_export(slug=None):
    indicators = Indicator.objects.filter(locale=Locale.get_default())
    if slug is not None:
        indicators = indicators.filter(slug=slug)
    return indicators


def _texts(indicators, language):
    """{indicator pk: (name, unit, axis name, organization name)} in `language`."""
    rows = list(indicators.select_related("axis", "organization"))
    keys = [row.translation_key for row in rows]
    translated = {
        row.translation_key: row
        for row in Indicator.objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    axes = {
        theme.translation_key: theme.name
        for theme in Theme.objects.filter(
            translation_key__in=[r.axis.translation_key for r in rows if r.axis_id],
            locale__language_code=language,
        )
    }
    texts = {}
    for row in rows:
        text = translated.get(row.translation_key, row)
        axis = axes.get(row.axis.translation_key, row.axis.name) if row.axis else ""
        texts[row.pk] = (row, text.name, text.unit, axis, row.organization.name)
    return texts


def records(indicators, language):
    """One dict per measurement (and one per indicator not measured yet)."""
    texts = _texts(indicators, language)
    measurements = (
        Measurement.objects.filter(indicator__in=list(texts))
        .only("indicator_id", "date", "value", "origin", "source", "note_fr", "note_en")
        .order_by("indicator__sort_order", "indicator_id", "date")
    )
    measured = set()
    for measurement in measurements.iterator(chunk_size=CHUNK):
        measured.add(measurement.indicator_id)
        yield _record(texts[measurement.indicator_id], measurement, language)
    for pk, text in texts.items():
        if pk not in measured:
            yield _record(text, None, language)


def _label(choices, code, language):
    """A code's label in `language`: the code stays for machines, the label is
    for people (the French file once showed only "higher", "import")."""
    if not code:
        return ""
    with translation.override(language):
        return str(choices(code).label)


def _record(text, measurement, language):
    indicator, name, unit, axis, organization = text
    origin = measurement.origin if measurement else ""
    return {
        "indicator": indicator.slug,
        "name": name,
        "unit": unit,
        "axis": axis,
        "organization": organization,
        "direction": indicator.direction,
        "direction_label": _label(Indicator.Direction, indicator.direction, language),
        "baseline_value": indicator.baseline_value,
        "baseline_date": indicator.baseline_date,
        "target_value": indicator.target_value,
        "target_date": indicator.target_date,
        "date": measurement.date if measurement else None,
        "value": measurement.value if measurement else None,
        "origin": origin,
        "origin_label": _label(Measurement.Origin, origin, language),
        "source": measurement.source if measurement else "",
        "note": measurement.note(language) if measurement else "",
    }


def csv_header():
    return [
        _("Indicator"),
        _("Name"),
        _("Unit"),
        _("Axis of the strategy"),
        _("Responsible organization"),
        _("Direction (code)"),
        _("Direction"),
        _("Baseline value"),
        _("Baseline date"),
        _("Target value"),
        _("Target date"),
        _("Date"),
        _("Value"),
        _("Origin (code)"),
        _("Origin"),
        _("Source"),
        _("Note"),
    ]


def csv_rows(indicators, language):
    for record in records(indicators, language):
        yield [record[name] for name in FIELDS]


def json_records(indicators, language):
    return records(indicators, language)


def open_data_rows():
    """The open dataset, in the language of the request (French by default)."""
    language = translation.get_language() or "fr"
    return records(indicators_for_export(), language)


def last_modified():
    latest = Measurement.objects.aggregate(latest=Max("recorded_at"))["latest"]
    return latest
