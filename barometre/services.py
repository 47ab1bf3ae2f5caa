"""Use cases of the Baromètre: record measurements, snapshot computed indicators,
import a CSV file of measurements, publish a quarterly edition.

One measurement per indicator and date is guaranteed by a UNIQUE key; every use case
here is safe to run twice.
"""

import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.scoping import scope_queryset

from .models import Edition, Indicator, Measurement
from .sources import all_sources

logger = logging.getLogger(__name__)

MAX_IMPORT_ROWS = 5000
IMPORT_COLUMNS = ("indicator", "date", "value", "source", "note_fr", "note_en")


def current_value(indicator, sources=None):
    """The figure the bound source computes now, or None (unknown or failing)."""
    sources = all_sources() if sources is None else sources
    source = sources.get(indicator.source_key)
    if source is None:
        return None
    value = source.compute()
    if value is None:
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.001"))
    except InvalidOperation:
        logger.warning("Source %s gave %r, not a number", source.key, value)
        return None


def record_measurement(indicator, on_date, value, origin, **fields):
    """Store the value of `indicator` on `on_date` once; returns (row, created)."""
    try:
        with transaction.atomic():
            measurement = Measurement.objects.create(
                indicator=indicator, date=on_date, value=value, origin=origin, **fields
            )
        return measurement, True
    except IntegrityError:
        existing = Measurement.objects.get(indicator=indicator, date=on_date)
        return existing, False


def snapshot_computed_indicators(on_date=None):
    """Record today's value of every computed indicator; returns how many were new.

    Running it twice on the same day writes nothing more: the first value of the
    day stays (the UNIQUE key on indicator and date decides).
    """
    on_date = on_date or timezone.localdate()
    sources = all_sources()
    created = 0
    indicators = Indicator.objects.filter(
        locale=Locale.get_default(), source_key__gt=""
    ).order_by("pk")
    for indicator in indicators:
        try:
            value = current_value(indicator, sources)
        except Exception:
            # One failing figure must not stop the others from being recorded.
            logger.exception("Source %s failed", indicator.source_key)
            continue
        if value is None:
            continue
        label = sources[indicator.source_key].label
        _row, new = record_measurement(
            indicator,
            on_date,
            value,
            Measurement.Origin.COMPUTED,
            source=str(label)[:255],
        )
        created += new
    return created


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)  # [(line number, reason)]

    @property
    def ok(self):
        return not self.rejected


def _parse_date(text):
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _parse_value(text):
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e12") else None


def _decode(uploaded):
    raw = uploaded.read() if hasattr(uploaded, "read") else uploaded
    if isinstance(raw, str):
        return raw
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def import_measurements(uploaded, user):
    """Import rows `indicator,date,value[,source,note_fr,note_en]` from a CSV file.

    `indicator` is the slug. A row is rejected (with its line number and why) when
    the indicator is unknown or outside the user's organizations, the date or value
    is not readable, or the date appears twice in the file. A date already measured
    is updated. Accepted rows are written in one transaction.
    """
    report = ImportReport()
    text = _decode(uploaded)
    if text is None:
        report.rejected.append((0, _("The file is not text encoded in UTF-8.")))
        return report
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in IMPORT_COLUMNS[:3] if name not in header]
    if missing:
        report.rejected.append(
            (1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return report
    reader.fieldnames = header
    indicators = {
        indicator.slug: indicator
        for indicator in scope_queryset(
            Indicator.objects.filter(locale=Locale.get_default()), user
        )
    }
    accepted = {}
    try:
        for line, row in enumerate(reader, start=2):
            if line > MAX_IMPORT_ROWS + 1:
                message = _("Too many rows: import at most %(max)s at a time.")
                report.rejected.append((line, message % {"max": MAX_IMPORT_ROWS}))
                break
            reason, parsed = _check_row(row, indicators, accepted)
            if reason:
                report.rejected.append((line, reason))
            else:
                accepted[(parsed["indicator"].pk, parsed["date"])] = parsed
    except csv.Error:
        report.rejected.append((reader.line_num, _("The file is not a CSV file.")))
        return report
    _write_imported(accepted.values(), user, report)
    return report


def _check_row(row, indicators, accepted):
    slug = (row.get("indicator") or "").strip()
    indicator = indicators.get(slug)
    if indicator is None:
        return _("Unknown indicator “%(slug)s”, or not one of yours.") % {
            "slug": slug
        }, None
    on_date = _parse_date(row.get("date") or "")
    if on_date is None:
        return _("The date must be written YYYY-MM-DD."), None
    value = _parse_value(row.get("value") or "")
    if value is None:
        return _("The value is not a number."), None
    if (indicator.pk, on_date) in accepted:
        return _("This indicator and date already appear above in the file."), None
    return "", {
        "indicator": indicator,
        "date": on_date,
        "value": value,
        "source": (row.get("source") or "").strip()[:255],
        "note_fr": (row.get("note_fr") or "").strip()[:600],
        "note_en": (row.get("note_en") or "").strip()[:600],
    }


def _write_imported(rows, user, report):
    with transaction.atomic():
        for row in rows:
            indicator, on_date = row.pop("indicator"), row.pop("date")
            _row, created = Measurement.objects.update_or_create(
                indicator=indicator,
                date=on_date,
                defaults={
                    **row,
                    "origin": Measurement.Origin.IMPORT,
                    "recorded_by": user,
                },
            )
            if created:
                report.created += 1
            else:
                report.updated += 1


def quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(day):
    year, quarter = quarter_of(day)
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def edition_figures(today=None):
    """Everything an edition page shows, in both languages, as plain JSON."""
    from .overview import barometre_overview

    figures = {}
    for language in ("fr", "en"):
        with translation.override(language):
            overview = barometre_overview(language, today=today)
            figures[language] = {
                "percent": overview.percent,
                "axes": [
                    {
                        "name": group.name,
                        "percent": group.percent,
                        "indicators": [_view_figures(v) for v in group.indicators],
                    }
                    for group in overview.groups
                ],
            }
    return figures


def _view_figures(view):
    return {
        "slug": view.indicator.slug,
        "name": view.text.name,
        "unit": view.unit,
        "baseline": float(view.indicator.baseline_value),
        "baseline_date": view.indicator.baseline_date.isoformat(),
        "target": float(view.indicator.target_value),
        "target_date": view.indicator.target_date.isoformat(),
        "percent": view.progress.percent,
        "status": view.progress.status,
        "summary": view.summary,
        "points": [[day.isoformat(), float(value)] for day, value in view.points],
    }


def publish_edition(year, quarter, today=None):
    """The edition of one quarter, written once: (edition, created)."""
    existing = Edition.objects.filter(year=year, quarter=quarter).first()
    if existing:
        return existing, False
    figures = edition_figures(today)
    try:
        with transaction.atomic():
            return Edition.objects.create(
                year=year, quarter=quarter, figures=figures
            ), True
    except IntegrityError:
        return Edition.objects.get(year=year, quarter=quarter), False
