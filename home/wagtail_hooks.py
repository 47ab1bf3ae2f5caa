from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organization, Theme
from .scoping import exclude_pages_outside_scope

page_permission_policy = PagePermissionPolicy()


def language_column():
    """The language of a translatable row ("locale" would read "région" in French)."""
    return LocaleColumn(label=_("Language"))


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["name", "acronym", "website", language_column()]
    list_filter = ["locale"]
    list_export = ["name", "acronym", "slug", "website", "locale"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "kind", "sort_order", language_column()]
    list_filter = ["kind", "locale"]
    list_export = ["name", "slug", "kind", "locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ReferenceDataGroup(SnippetViewSetGroup):
    items = (OrganizationViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Reference data")
    menu_name = "reference-data"


register_snippet(ReferenceDataGroup)


@hooks.register("insert_global_admin_js")
def label_tag_inputs():
    """Every tag field's typing box is named after its label (admin_tags.js)."""
    return format_html('<script src="{}" defer></script>', static("js/admin_tags.js"))


@hooks.register("construct_explorer_page_queryset")
def hide_other_organizations_pages(parent_page, pages, request):
    return exclude_pages_outside_scope(pages, request.user)


@hooks.register("numeriqc_seed_demo", order=0)
def seed_foundation(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("before_serve_page")
def refuse_untranslated_twin(page, request, serve_args, serve_kwargs):
    from .translation import refuse_untranslated_twin

    return refuse_untranslated_twin(page, request, serve_args, serve_kwargs)


@hooks.register("register_admin_urls")
def translation_report_urls():
    from .admin_views import WaitingForTranslationView

    return [
        path(
            "reports/waiting-for-translation/",
            WaitingForTranslationView.as_view(),
            name="waiting_for_translation",
        ),
        path(
            "reports/waiting-for-translation/results/",
            WaitingForTranslationView.as_view(results_only=True),
            name="waiting_for_translation_results",
        ),
    ]


class WaitingForTranslationMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def waiting_for_translation_menu_item():
    return WaitingForTranslationMenuItem(
        _("Waiting for translation"),
        reverse("waiting_for_translation"),
        name="waiting-for-translation",
        icon_name="globe",
        order=650,
    )
