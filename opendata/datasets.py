"""Datasets the platform publishes openly, declared by the app that owns the data.

Each app declares its datasets in its `wagtail_hooks.py`; the open-data catalogue,
its CSV/JSON downloads and the DCAT document are built from these declarations:

    from opendata.datasets import Dataset, Field

    @hooks.register("numeriqc_open_datasets")
    def open_datasets():
        return [
            Dataset(
                slug="feedback-by-service-and-month",   # stable, part of the URL
                title=_("Feedback per service and month"),
                description=_("…"),
                frequency=Dataset.DAILY,
                fields=[Field("service", "string", _("Name of the service")), …],
                rows=stats.monthly_rows,        # () -> iterable of dicts, streamed
                last_modified=stats.last_entry,  # () -> aware datetime or None
            )
        ]

Rules: public, aggregated data only (never a comment, an address or one person's
answers); `rows` iterates (`.iterator()`, `.values()`), it never builds a list of the
whole table; keys of each row are exactly the field names, in order.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK = "numeriqc_open_datasets"
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, date, datetime, boolean, url
    description: str


@dataclass(frozen=True)
class Dataset:
    DAILY = _("Daily")
    WEEKLY = _("Weekly")
    MONTHLY = _("Monthly")
    CONTINUOUS = _("Continuously")

    slug: str
    title: str
    description: str
    fields: list = field(default_factory=list)
    rows: Callable = None
    last_modified: Callable = None
    frequency: str = DAILY

    @property
    def field_names(self):
        return [f.name for f in self.fields]


def all_datasets():
    """Every declared dataset, by slug, in the order the hooks give them."""
    datasets = {}
    for declare in hooks.get_hooks(HOOK):
        for dataset in declare():
            datasets[dataset.slug] = dataset
    return datasets
