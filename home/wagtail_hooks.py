from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organization, Theme
from .scoping import exclude_pages_outside_scope


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["name", "acronym", "website", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "acronym", "slug", "website", "locale"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "kind", "sort_order", "locale"]
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


@hooks.register("construct_explorer_page_queryset")
def hide_other_organizations_pages(parent_page, pages, request):
    return exclude_pages_outside_scope(pages, request.user)


@hooks.register("numeriqc_seed_demo", order=0)
def seed_foundation(stdout):
    from .demo import seed

    seed(stdout)
