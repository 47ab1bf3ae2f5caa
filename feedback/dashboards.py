"""What a dashboard shows, counted by the database, drawn as accessible SVG charts."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from home.charts import bar_chart, line_chart

from .stats import FIGURES, counted_entries, rates

PERIODS_IN_WEEKS = (4, 12, 26, 52)
DEFAULT_WEEKS = 12
TOP = 10


def period_start(weeks, now=None):
    """Monday 00:00 (local time) of the first of the last `weeks` weeks."""
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    return timezone.make_aware(datetime.combine(monday, time.min))


def weekly_rows(entries, start, weeks):
    """One row per week, including the weeks without any feedback."""
    rows = (
        entries.annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(**FIGURES)
        .order_by("week")
    )
    counted = {_day(row["week"]): rates(dict(row)) for row in rows}
    first = timezone.localdate(start)
    empty = {"answers": 0, "yes_rate": None, "average_satisfaction": None}
    return [
        (day, counted.get(day, empty))
        for day in (first + timedelta(weeks=index) for index in range(weeks))
    ]


def _day(value):
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).date()
            if timezone.is_aware(value)
            else value.date()
        )
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _week_label(day):
    return dateformat.format(day, "j M")


def _series(labels, weekly, key):
    return list(zip(labels, [row[key] for _day, row in weekly], strict=True))


def top_negative_pages(entries):
    return list(
        entries.filter(page__isnull=False)
        .values(
            "page_id", "page__title", "page__url_path", "page__locale__language_code"
        )
        .annotate(negative=Count("pk", filter=Q(found=False)), answers=Count("pk"))
        .filter(negative__gt=0)
        .order_by("-negative", "page__title")[:TOP]
    )


def top_reasons(entries, found):
    language = translation.get_language()
    rows = (
        entries.filter(found=found, reason__isnull=False)
        .values("reason_id", "reason__label_fr", "reason__label_en")
        .annotate(count=Count("pk"))
        .order_by("-count")[:TOP]
    )
    label = "reason__label_en" if language == "en" else "reason__label_fr"
    return [(row[label], row["count"]) for row in rows]


def period_entries(entries, weeks=DEFAULT_WEEKS, now=None):
    """The entries that count over the period: the one source of every figure of
    the dashboards, the overview's and each organization's page alike."""
    return counted_entries().filter(
        pk__in=entries.values("pk"), created_at__gte=period_start(weeks, now)
    )


def totals_by_organization(entries, weeks=DEFAULT_WEEKS, now=None):
    """{organization translation_key: figures}, counted as each page counts them.

    `order_by()` clears the model's default ordering: left in, it joins the GROUP
    BY and yields one row per entry, of which the overview kept the last ("1")."""
    rows = (
        period_entries(entries, weeks, now)
        .filter(organization__isnull=False)
        .values("organization__translation_key")
        .annotate(**FIGURES)
        .order_by()
    )
    return {row["organization__translation_key"]: rates(dict(row)) for row in rows}


def build(entries, weeks=DEFAULT_WEEKS, now=None):
    """Everything a dashboard shows for these entries (already scoped)."""
    start = period_start(weeks, now)
    entries = period_entries(entries, weeks, now)
    weekly = weekly_rows(entries, start, weeks)
    labels = [_week_label(day) for day, _row in weekly]
    return {
        "weeks": weeks,
        "start": start,
        "totals": rates(entries.aggregate(**FIGURES)),
        "urgent": entries.exclude(urgency="").count(),
        "satisfaction_chart": line_chart(
            _series(labels, weekly, "average_satisfaction"),
            title=_("Average satisfaction per week (out of 5)"),
            value_label=_("Average satisfaction"),
        ),
        "yes_rate_chart": line_chart(
            _series(labels, weekly, "yes_rate"),
            title=_("Share of “Yes” per week"),
            unit="%",
            value_label=_("Found what they were looking for"),
        ),
        "volume_chart": bar_chart(
            _series(labels, weekly, "answers"),
            title=_("Feedback received per week"),
            value_label=_("Entries"),
        ),
        "negative_pages": top_negative_pages(entries),
        "reasons_no_chart": bar_chart(
            top_reasons(entries, False),
            title=_("Top reasons after “No”"),
            value_label=_("Entries"),
        ),
        "reasons_yes_chart": bar_chart(
            top_reasons(entries, True),
            title=_("Top reasons after “Yes”"),
            value_label=_("Entries"),
        ),
    }
