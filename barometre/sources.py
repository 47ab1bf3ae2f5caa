"""Figures other apps offer to the Baromètre, declared through one hook.

An app that can compute a figure of the strategy's progress declares it in its
`wagtail_hooks.py`; the Baromètre lets an editor bind an indicator to a source by key
and reads the current value from it (always computed in SQL by the owning app):

    from barometre.sources import Source

    @hooks.register("numeriqc_barometre_sources")
    def barometre_sources():
        return [
            Source(
                key="feedback.average_satisfaction",
                label=_("Average satisfaction with public services"),
                unit=_("out of 5"),
                compute=stats.average_satisfaction,  # () -> number or None
            )
        ]
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK = "numeriqc_barometre_sources"


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    compute: Callable[[], object]
    unit: str = ""


def all_sources():
    """Every declared source, by key, in the order the hooks give them."""
    sources = {}
    for declare in hooks.get_hooks(HOOK):
        for source in declare():
            sources[source.key] = source
    return sources


def source_choices():
    return [(key, str(source.label)) for key, source in all_sources().items()]
