"""Admin wiring of the search: the report of frequent and fruitless queries (each
app declares the public snippets the search covers)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import PromotionTranslation

PROMOTIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "search.add_promotiontranslation",
    "search.change_promotiontranslation",
    "search.delete_promotiontranslation",
]


@hooks.register("numeriqc_role_permissions")
def search_role_permissions():
    """Editors and reviewers promote results and read the report of queries."""
    return {"Editors": PROMOTIONS, "Reviewers": PROMOTIONS}


@hooks.register("register_admin_urls")
def search_report_urls():
    return [
        path(
            "reports/search-queries/",
            admin_views.QueryReportView.as_view(),
            name="search_query_report",
        )
    ]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailsearchpromotions.add_searchpromotion")


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        _("Search queries"),
        reverse("search_query_report"),
        icon_name="search",
        order=900,
    )


class PromotionTranslationViewSet(SnippetViewSet):
    """The wording of external-link promotions in the other language."""

    model = PromotionTranslation
    icon = "link-external"
    menu_label = _("Promotion translations")
    menu_name = "search-promotion-translations"
    add_to_settings_menu = True
    list_display = ["link_text", "promotion", "locale"]
    list_filter = ["locale"]
    panels = [
        FieldPanel("promotion"),
        FieldPanel("locale"),
        FieldPanel("link_text"),
        FieldPanel("description"),
    ]


register_snippet(PromotionTranslationViewSet)
