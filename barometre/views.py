"""Public views reached through the Baromètre page: downloads and past editions."""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from home.exports import stream_csv, stream_json

from . import exports
from .models import Edition
from .overview import edition_views


def download(request, file_format, slug=None):
    """Every indicator (or one) and its measurements, as CSV or JSON."""
    if file_format not in ("csv", "json"):
        raise Http404
    language = translation.get_language()
    indicators = exports.indicators_for_export(slug)
    if slug is not None and not indicators.exists():
        raise Http404
    name = f"barometre-{slug or 'indicateurs'}"
    if file_format == "json":
        return stream_json(
            f"{name}.json",
            exports.json_records(indicators, language),
            envelope={"language": language},
            attachment=True,
        )
    return stream_csv(
        f"{name}.csv", exports.csv_header(), exports.csv_rows(indicators, language)
    )


def edition(request, page, year, quarter):
    """A past edition, shown from the figures stored when it was published."""
    edition = Edition.objects.filter(year=year, quarter=quarter).first()
    if edition is None:
        raise Http404(_("No edition for this quarter."))
    language = translation.get_language()
    figures = edition.figures.get(language) or edition.figures.get("fr", {})
    return render(
        request,
        "barometre/edition.html",
        {
            "page": page,
            "edition": edition,
            "percent": figures.get("percent"),
            "groups": edition_views(figures),
        },
    )
