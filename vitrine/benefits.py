"""Benefits management (measure 16): estimated against measured, per project and
rolled up for the Baromètre.

Content is written in French and translated into English (wagtail-localize), so
each benefit exists once per language with the same translation key; measured
values are entered against the French benefit. Roll-ups therefore count the
benefits of live French project pages: each benefit once.

For other apps (the Baromètre), every roll-up is computed in SQL:

    from vitrine.benefits import benefit_totals, benefits_by_unit
    benefit_totals()   # {"projects": 12, "benefits": 30, "measured": 21, ...}
    benefits_by_unit() # [{"unit": "jours", "benefits": 4, "estimated": ..., ...}]
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext as _

from home.charts import axis_date, format_value, line_chart

from .models import BenefitMeasurement, ExpectedBenefit


def _latest(field):
    return Subquery(
        BenefitMeasurement.objects.filter(benefit=OuterRef("pk"))
        .order_by("-measured_on")
        .values(field)[:1]
    )


def source_benefits():
    """One row per benefit of a live project page in the source language."""
    return ExpectedBenefit.objects.filter(
        page__live=True,
        page__alias_of__isnull=True,
        locale__language_code=settings.LANGUAGE_CODE,
    ).annotate(latest_value=_latest("value"), latest_on=_latest("measured_on"))


def benefit_totals():
    """How many benefits are estimated, measured and achieved (counted in SQL)."""
    benefits = source_benefits()
    totals = benefits.aggregate(
        benefits=Count("pk"),
        projects=Count("page", distinct=True),
        measured=Count("pk", filter=Q(latest_value__isnull=False)),
        achieved=Count("pk", filter=Q(latest_value__gte=F("estimated_value"))),
    )
    totals["measured_share"] = _share(totals["measured"], totals["benefits"])
    totals["achieved_share"] = _share(totals["achieved"], totals["benefits"])
    return totals


def benefits_by_unit():
    """Estimated and latest measured totals per unit, for benefits of one unit."""
    rows = (
        source_benefits()
        .order_by()
        .values("unit")
        .annotate(
            benefits=Count("pk"),
            estimated=Sum("estimated_value"),
            measured=Sum("latest_value"),
        )
        .order_by("unit")
    )
    return list(rows)


def measured_share():
    return benefit_totals()["measured_share"]


def achieved_share():
    return benefit_totals()["achieved_share"]


def _share(part, whole):
    if not whole:
        return None
    return round(Decimal(part) * 100 / Decimal(whole), 1)


def benefits_of_project(page):
    """The benefits of one project page with their measured values and a chart."""
    benefits = list(page.benefits.all())
    keys = [benefit.translation_key for benefit in benefits]
    measurements = {}
    for measurement in BenefitMeasurement.objects.filter(
        benefit__translation_key__in=keys
    ).select_related("benefit"):
        key = measurement.benefit.translation_key
        measurements.setdefault(key, []).append(measurement)
    return [
        _benefit_view(
            benefit, sorted(measurements.get(benefit.translation_key, []), key=_date)
        )
        for benefit in benefits
    ]


def _date(measurement):
    return measurement.measured_on


def _benefit_view(benefit, measurements):
    latest = measurements[-1] if measurements else None
    return {
        "benefit": benefit,
        "measurements": measurements,
        "latest": latest,
        "estimated": format_value(benefit.estimated_value, benefit.unit),
        "latest_text": format_value(latest.value, benefit.unit) if latest else None,
        "progress": _progress(benefit, latest),
        "achieved": bool(latest and latest.value >= benefit.estimated_value),
        "chart": _chart(benefit, measurements) if measurements else None,
    }


def _progress(benefit, latest):
    if latest is None or not benefit.estimated_value:
        return None
    return round(latest.value * 100 / benefit.estimated_value)


def _chart(benefit, measurements):
    points = [(axis_date(m.measured_on), m.value) for m in measurements]
    title = _("%(indicator)s: measured values and estimate") % {
        "indicator": benefit.indicator
    }
    return line_chart(
        points,
        title=title,
        unit=benefit.unit,
        value_label=_("Measured value"),
        target=benefit.estimated_value,
        target_label=_("Estimated value"),
    )
