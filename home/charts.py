"""Accessible SVG charts rendered on the server.

Every chart is readable without JavaScript and without seeing it: the SVG has
role="img", a <title> and a <desc> summarising the data, and templates put the
same figures in a data table beside it (`home/includes/chart.html` does both).
Colours come from the design system and reach 3:1 against white; a target or
estimate is told apart by more than its colour (a dashed line, named in a legend and
in the table). Axes are as wide as their labels, so that no figure is cut.

    chart = bar_chart([("Oui", 62), ("Non", 38)], title="Réponses", unit="%")
    {% include "home/includes/chart.html" with chart=chart %}
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BAR_COLOUR = "#095797"
TARGET_COLOUR = "#c4321a"
GRID_COLOUR = "#c5cad3"
TEXT_COLOUR = "#1f2328"


@dataclass
class Chart:
    """What a template needs: the SVG, and the rows of the table beside it."""

    title: str
    svg: str
    columns: tuple[str, str]
    rows: list[tuple[str, str]] = field(default_factory=list)
    summary: str = ""
    # Reference values shown under the data (the target or the estimate).
    footer: list[tuple[str, str]] = field(default_factory=list)


def axis_date(day):
    """A date on an axis or in a chart's table, unambiguous in both languages:
    the month by its name ("31 oct. 2024", "31 Oct 2024"), never 10/11/2024."""
    return date_format(day, "j M Y")


def _n(number):
    """A coordinate: one decimal is plenty for an SVG on screen."""
    return f"{number:.1f}"


def format_value(value, unit="", decimals=1):
    if value is None:
        return "—"
    if isinstance(value, float | Decimal) and value != int(value):
        text = number_format(round(value, decimals), decimal_pos=decimals)
    else:
        text = number_format(int(value))
    if not unit:
        return text
    return f"{text}\u00a0{unit}" if unit != "%" else f"{text}\u00a0%"


def _svg(width, height, title, description, body):
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=_identifier(title, description),
        title=title,
        desc=description,
        body=body,
    )


def _identifier(*parts):
    digest = hashlib.blake2s("|".join(str(p) for p in parts).encode(), digest_size=5)
    return f"chart-{digest.hexdigest()}"


# Open Sans at these sizes: about 0.6 em per character, enough for digits and words.
CHARACTER_WIDTH = 0.6


def text_width(text, font_size):
    return len(str(text)) * font_size * CHARACTER_WIDTH


def bar_chart(
    items,
    title,
    unit="",
    value_label="",
    max_value=None,
    width=640,
    label_heading=None,
):
    """Horizontal bars: one row per (label, value). Long labels sit above their bar."""
    items = [(str(label), value or 0) for label, value in items]
    top = max_value or max((value for _, value in items), default=0) or 1
    row_height, bar_height, left = 44, 18, 8
    right = max(
        [40.0] + [text_width(format_value(v, unit), 14) + 12 for _l, v in items]
    )
    height = max(row_height * len(items) + 8, 40)
    usable = width - left - right
    rows = []
    for index, (label, value) in enumerate(items):
        y = index * row_height + 8
        bar = max(usable * float(value) / float(top), 0)
        rows.append(
            format_html(
                '<text x="{x}" y="{ty}" font-size="14" fill="{text}">{label}</text>'
                '<rect x="{x}" y="{by}" width="{bw}" height="{bh}" fill="{colour}"'
                ' rx="2"/>'
                '<text x="{vx}" y="{vy}" font-size="14" fill="{text}">{value}</text>',
                x=left,
                ty=y + 12,
                text=TEXT_COLOUR,
                label=label,
                by=y + 18,
                bw=_n(bar),
                bh=bar_height,
                colour=BAR_COLOUR,
                vx=_n(left + bar + 6),
                vy=y + 32,
                value=format_value(value, unit),
            )
        )
    description = "; ".join(
        f"{label}: {format_value(value, unit)}" for label, value in items
    )
    # Every part was built with format_html: escaped already.
    svg = _svg(width, height, title, description, mark_safe("".join(rows)))  # noqa: S308
    return Chart(
        title=title,
        svg=svg,
        columns=(label_heading or _("Item"), value_label),
        rows=[(label, format_value(value, unit)) for label, value in items],
        summary=description,
    )


def line_chart(
    points,
    title,
    unit="",
    value_label="",
    target=None,
    width=640,
    height=240,
    target_label=None,
    label_heading=None,
):
    """A time series: points are (label, value) in order; an optional target line,
    dashed and named in the legend and under the table."""
    target_label = target_label or _("Target")
    value_label = value_label or _("Value")
    points = [(str(label), value) for label, value in points]
    known = [float(value) for _, value in points if value is not None]
    if target is not None:
        known.append(float(target))
    low, high = (min(known + [0.0]), max(known + [1.0])) if known else (0.0, 1.0)
    if high == low:
        high = low + 1
    ticks = [low + (high - low) * fraction for fraction in (0, 0.5, 1)]
    left = max(40.0, max(text_width(format_value(t, unit), 12) for t in ticks) + 14)
    last = points[-1][0] if points else ""
    right = max(16.0, text_width(last, 12) / 2 + 4)
    top, bottom = 40, 40  # the legend above, the dates below
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(points) - 1, 1)

    def y_of(value):
        return top + plot_h - (float(value) - low) / (high - low) * plot_h

    parts = [_grid(ticks, left, width - right, y_of, unit)]
    parts.append(_legend(value_label, target_label if target is not None else None))
    if target is not None:
        parts.append(
            format_html(
                '<line x1="{x1}" x2="{x2}" y1="{y}" y2="{y}" stroke="{c}" '
                'stroke-width="2" stroke-dasharray="6 4"/>',
                x1=left,
                x2=width - right,
                y=_n(y_of(target)),
                c=TARGET_COLOUR,
            )
        )
    coordinates = [
        (left + index * step, y_of(value))
        for index, (_, value) in enumerate(points)
        if value is not None
    ]
    if len(coordinates) > 1:
        path = " ".join(f"{x},{y}" for x, y in coordinates)
        parts.append(
            format_html(
                '<polyline points="{p}" fill="none" stroke="{c}" stroke-width="3"/>',
                p=path,
                c=BAR_COLOUR,
            )
        )
    parts.append(
        format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="4" fill="{}"/>',
            ((_n(x), _n(y), BAR_COLOUR) for x, y in coordinates),
        )
    )
    parts.append(_x_labels(points, left, step, height - 12))
    description = "; ".join(
        f"{label}: {format_value(value, unit)}" for label, value in points
    )
    footer = []
    if target is not None:
        footer = [(target_label, format_value(target, unit))]
        description += f" ({target_label}: {format_value(target, unit)})"
    svg = _svg(width, height, title, description, mark_safe("".join(parts)))  # noqa: S308
    return Chart(
        title=title,
        svg=svg,
        columns=(label_heading or _("Date"), value_label),
        rows=[(label, format_value(value, unit)) for label, value in points],
        summary=description,
        footer=footer,
    )


def _legend(value_label, target_label):
    """Solid line with dots for the measures, dashed line for the target."""
    measured = format_html(
        '<line x1="8" x2="36" y1="14" y2="14" stroke="{c}" stroke-width="3"/>'
        '<circle cx="22" cy="14" r="4" fill="{c}"/>'
        '<text x="42" y="18" font-size="13" fill="{t}">{label}</text>',
        c=BAR_COLOUR,
        t=TEXT_COLOUR,
        label=value_label,
    )
    if target_label is None:
        return measured
    x = 42 + text_width(value_label, 13) + 24
    return measured + format_html(
        '<line x1="{x1}" x2="{x2}" y1="14" y2="14" stroke="{c}" stroke-width="2" '
        'stroke-dasharray="6 4"/>'
        '<text x="{tx}" y="18" font-size="13" fill="{t}">{label}</text>',
        x1=_n(x),
        x2=_n(x + 28),
        c=TARGET_COLOUR,
        tx=_n(x + 34),
        t=TEXT_COLOUR,
        label=target_label,
    )


def _grid(ticks, x1, x2, y_of, unit):
    return format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="{}">{}</text>',
        (
            (x1, x2, _n(y_of(tick)), _n(y_of(tick)), GRID_COLOUR)
            + (x1 - 6, _n(y_of(tick) + 4), TEXT_COLOUR, format_value(tick, unit))
            for tick in ticks
        ),
    )


def _x_labels(points, left, step, y):
    # Thin the labels so that they never overlap (about one per 70 px).
    every = max(1, round(70 / step)) if step else 1
    return format_html_join(
        "",
        '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>',
        (
            (_n(left + index * step), y, TEXT_COLOUR, label)
            for index, (label, _) in enumerate(points)
            if index % every == 0 or index == len(points) - 1
        ),
    )
