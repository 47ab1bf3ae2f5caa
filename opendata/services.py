"""The open-data catalogue: declared datasets, those still to come, their versions.

A dataset's version (ETag) and Last-Modified come from its `last_modified()`;
downloads answer 304 Not Modified when the client already holds that version.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .datasets import LICENCE_NAME, LICENCE_URL, Dataset, all_datasets

FORMATS = {"csv": "text/csv", "json": "application/json"}
PUBLISHER = "numériQc"


@dataclass(frozen=True)
class Coming:
    """A dataset announced in the catalogue before the app that owns it exists."""

    app: str
    title: str
    description: str


COMING = [
    Coming(
        "vitrine",
        _("Vitrine projects and their benefits"),
        _("Digital projects of public bodies, their progress and measured benefits."),
    ),
    Coming(
        "consultation",
        _("Consultations and their published results"),
        _(
            "Closed consultations and their aggregated results (never an individual "
            "answer; a figure is shown only above the minimum count)."
        ),
    ),
    Coming(
        "barometre",
        _("Baromètre indicators and measurements"),
        _("The strategy's indicators, their targets and every measurement."),
    ),
    Coming(
        "training",
        _("Training courses and sessions"),
        _("The training offer for public servants: courses and scheduled sessions."),
    ),
]


def owner_app(dataset):
    """The app that declared a dataset (the package of its rows function)."""
    module = getattr(dataset.rows, "__module__", "") or ""
    return module.split(".")[0]


def coming_datasets(datasets=None):
    datasets = all_datasets() if datasets is None else datasets
    present = {owner_app(dataset) for dataset in datasets.values()}
    return [coming for coming in COMING if coming.app not in present]


def dataset_or_none(slug):
    return all_datasets().get(slug)


def last_modified(dataset):
    """The dataset's last change (aware datetime), or None if unknown or empty."""
    if dataset.last_modified is None:
        return None
    return dataset.last_modified()


def etag(dataset, file_format, language):
    """Changes whenever the data, the format, the language or the fields change."""
    changed = last_modified(dataset)
    parts = [
        dataset.slug,
        file_format,
        language,
        changed.isoformat() if changed else "never",
        ",".join(dataset.field_names),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def download_url(dataset, file_format):
    return reverse(
        "opendata:download", kwargs={"slug": dataset.slug, "file_format": file_format}
    )


def absolute(path):
    return settings.SITE_URL + path


FREQUENCY_VOCABULARY = "http://publications.europa.eu/resource/authority/frequency/"


def frequency_uri(frequency):
    """The EU frequency vocabulary's URI of a dataset's update frequency."""
    codes = {
        str(Dataset.DAILY): "DAILY",
        str(Dataset.WEEKLY): "WEEKLY",
        str(Dataset.MONTHLY): "MONTHLY",
        str(Dataset.CONTINUOUS): "UPDATE_CONT",
    }
    return FREQUENCY_VOCABULARY + codes.get(str(frequency), "UNKNOWN")


def dcat_catalogue():
    """A DCAT-AP style JSON-LD catalogue of every dataset, for portals to harvest."""
    language = translation.get_language()
    datasets = all_datasets().values()
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "@id": absolute(reverse("opendata:dcat")),
        "dct:title": str(_("numériQc open data")),
        "dct:description": str(
            _("Public, aggregated data published by the numériQc platform.")
        ),
        "dct:language": language,
        "dct:license": LICENCE_URL,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": PUBLISHER},
        "foaf:homepage": absolute(reverse("opendata:catalogue")),
        "dcat:dataset": [_dcat_dataset(dataset, language) for dataset in datasets],
    }


def _dcat_dataset(dataset, language):
    changed = last_modified(dataset)
    return {
        "@type": "dcat:Dataset",
        "@id": absolute(reverse("opendata:catalogue")) + f"#{dataset.slug}",
        "dct:identifier": dataset.slug,
        "dct:title": str(dataset.title),
        "dct:description": str(dataset.description),
        "dct:language": language,
        "dct:license": LICENCE_URL,
        "dct:rights": LICENCE_NAME,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": PUBLISHER},
        "dct:accrualPeriodicity": {"@id": frequency_uri(dataset.frequency)},
        "dct:modified": changed.isoformat() if changed else None,
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.title} ({file_format.upper()})",
                "dcat:downloadURL": absolute(download_url(dataset, file_format)),
                "dcat:mediaType": media_type,
                "dct:format": file_format.upper(),
                "dct:license": LICENCE_URL,
            }
            for file_format, media_type in FORMATS.items()
        ],
        "dct:conformsTo": [
            {
                "name": field.name,
                "type": field.type,
                "description": str(field.description),
            }
            for field in dataset.fields
        ],
    }


def rows_as_lists(dataset):
    names = dataset.field_names
    for row in dataset.rows():
        yield [row.get(name) for name in names]


def rows_as_dicts(dataset):
    names = dataset.field_names
    for row in dataset.rows():
        yield {name: row.get(name) for name in names}


class BadQuery(ValueError):
    """A read-API parameter the dataset cannot answer (said in the reader's
    language)."""


RECORDS_LIMIT = 100
RECORDS_LIMIT_MAX = 1000
RECORDS_CONTROLS = {"fields", "limit", "offset", "format"}


def _whole_number(value, name, default):
    if value in (None, ""):
        return default
    if not value.isdigit():
        raise BadQuery(
            _("%(name)s must be a whole number of 0 or more.") % {"name": name}
        )
    return int(value)


def records_page(dataset, params):
    """The dataset's records for the read API: `fields=a,b` picks fields, any
    other field given as a parameter keeps the records equal to it (as text),
    `limit` and `offset` page. Raises BadQuery for what cannot be answered."""
    names = dataset.field_names
    wanted = [n for n in params.get("fields", "").split(",") if n] or names
    unknown = [n for n in wanted if n not in names]
    unknown += [n for n in params if n not in names and n not in RECORDS_CONTROLS]
    if unknown:
        raise BadQuery(
            _("Unknown field: %(names)s. Fields of this dataset: %(fields)s.")
            % {"names": ", ".join(unknown[:5]), "fields": ", ".join(names)}
        )
    limit = min(
        _whole_number(params.get("limit"), "limit", RECORDS_LIMIT), RECORDS_LIMIT_MAX
    )
    offset = _whole_number(params.get("offset"), "offset", 0)
    filters = {n: params[n] for n in params if n in names}
    matching = (
        row
        for row in rows_as_dicts(dataset)
        if all(_as_text(row.get(n)) == value for n, value in filters.items())
    )
    count, records = 0, []
    for row in matching:
        if offset <= count < offset + limit:
            records.append({name: row.get(name) for name in wanted})
        count += 1
    return {"count": count, "limit": limit, "offset": offset, "records": records}


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
