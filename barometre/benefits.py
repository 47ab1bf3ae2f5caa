"""The roll-up of the projects' benefits (measure 16 of the strategy).

The Vitrine owns the benefits of each project (estimated, then measured) and offers
their totals to the Baromètre as Sources whose key starts with BENEFITS_PREFIX,
computed in SQL on its side (see sources.py). The Baromètre reads them here, without
knowing the Vitrine's models; an editor can also bind an indicator to any of them to
give it a baseline, a target and a history.
"""

import logging
from dataclasses import dataclass

from home.charts import format_value

from .sources import all_sources

logger = logging.getLogger(__name__)

BENEFITS_PREFIX = "vitrine.benefits"


@dataclass(frozen=True)
class BenefitFigure:
    key: str
    label: str
    value: object
    unit: str

    @property
    def display(self):
        return format_value(self.value, str(self.unit))


def benefit_figures(sources=None):
    """The current value of every benefits source that has one, in declared order."""
    sources = all_sources() if sources is None else sources
    figures = []
    for key, source in sources.items():
        if not key.startswith(BENEFITS_PREFIX):
            continue
        try:
            value = source.compute()
        except Exception:
            # Another app's figure failing must not take the Baromètre down.
            logger.exception("Benefits source %s failed", key)
            continue
        if value is not None:
            figures.append(BenefitFigure(key, str(source.label), value, source.unit))
    return figures
