"""Admin wiring of the notification platform and the event consumer hook."""

from wagtail import hooks

from .consumers import on_event_published

hooks.register("numeriqc_event_published", on_event_published)
