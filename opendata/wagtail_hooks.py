"""Open datasets declared here for apps that are not ours to edit (feedback)."""

from django.apps import apps
from wagtail import hooks

from .datasets import HOOK


@hooks.register(HOOK)
def feedback_datasets():
    if not apps.is_installed("feedback"):
        return []
    from .feedback_dataset import dataset

    return [dataset()]


@hooks.register("numeriqc_footer_links")
def opendata_footer_links():
    from django.urls import reverse
    from django.utils.translation import gettext

    return [(gettext("Open data"), reverse("opendata:catalogue"))]
