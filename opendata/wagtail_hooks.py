"""Admin and site wiring of open data (each app declares its own datasets)."""

from wagtail import hooks


@hooks.register("numeriqc_footer_links")
def opendata_footer_links():
    from django.urls import reverse
    from django.utils.translation import gettext

    return [(gettext("Open data"), reverse("opendata:catalogue"))]
