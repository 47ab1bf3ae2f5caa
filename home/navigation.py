"""Menus, language alternates and breadcrumbs, cached: every public page shows them.

Entries are kept by `numeriqc.sharedcache` under the page tree's version
(`TREE_VERSION_KEY`): a publish, unpublish, move or deletion of a page, or a
change to a site, a locale or a view restriction, makes them all be rebuilt.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from numeriqc import sharedcache
from numeriqc.sharedcache import TREE_VERSION_KEY

MENU_VERSION_KEY = TREE_VERSION_KEY  # the name other modules and tests know


def invalidate_menus(**kwargs):
    """Connected to page publish, unpublish, move and delete (see apps.py)."""
    sharedcache.bump_now_and_after_commit(TREE_VERSION_KEY)


def menu_key(language_code):
    return f"navigation:menu:{language_code}"


def home_page(language_code):
    from home.models import HomePage

    return HomePage.objects.live().filter(locale__language_code=language_code).first()


def main_menu(language_code):
    """[(title, url, path)] of the home page's children shown in menus."""

    def build():
        home = home_page(language_code)
        if home is None:
            return []
        children = sharedcache.public(home.get_children().live().in_menu())
        return [(child.title, child.url, child.path) for child in children]

    return sharedcache.get(menu_key(language_code), TREE_VERSION_KEY, build)


def page_key(page, request):
    language = translation.get_language()
    return f"navigation:page:{request.get_host()}:{page.pk}:{language}"


def page_navigation(page, request):
    """{"alternates": [...], "ancestors": [(title, url, depth)]} of a page."""
    return sharedcache.get(
        page_key(page, request),
        TREE_VERSION_KEY,
        lambda: {
            "alternates": _alternates(page, request),
            "ancestors": _ancestors(page, request),
        },
    )


def page_alternates(page, request):
    """This page in every language: its translation when live, else that home page.

    On a routable page's sub-page (consultation results, a Baromètre edition) the
    translation's same sub-page, kept under a key of its own: the page's entry
    would otherwise send every sub-page's reader to the parent.
    """
    route = routed_subpage(page, request)
    if route is None:
        return page_navigation(page, request)["alternates"]
    return sharedcache.get(
        f"{page_key(page, request)}:{route[0]}",
        TREE_VERSION_KEY,
        lambda: _alternates(page, request, route),
    )


def routed_subpage(page, request):
    """(sub-path, route name, args, kwargs) when `request` was routed to a sub-page
    of `page` other than its index, else None."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not hasattr(page, "reverse_subpage"):
        return None
    subpath = page.reverse_subpage(match.url_name, match.args, match.kwargs)
    if subpath in ("", "/"):
        return None
    return subpath, match.url_name, match.args, match.kwargs


def translated_url(translated, request, route):
    url = translated.get_url(request)
    if route is None or url is None:
        return url
    _subpath, name, args, kwargs = route
    # A page type whose sub-paths are words of its language says which one it is.
    localize = getattr(translated, "localized_subpage", None)
    if localize is not None:
        subpath = localize(name, args, kwargs)
    else:
        subpath = translated.reverse_subpage(name, args, kwargs)
    return url.rstrip("/") + "/" + subpath.lstrip("/")


def page_ancestors(page, request):
    """[(title, url, depth)] of the live ancestors below the root, top first."""
    return page_navigation(page, request)["ancestors"]


def _alternates(page, request, route=None):
    # An alias shows the source page's content: it is not a translation to advertise.
    live = sharedcache.public(
        page.get_translations(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    translations = {translated.locale.language_code: translated for translated in live}
    alternates = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            url = translated_url(translated, request, route)
            alternates.append((code, str(name), url, True))
        else:
            alternates.append((code, str(name), f"/{code}/", False))
    return alternates


def _ancestors(page, request):
    if page.depth <= 2:
        return []
    # `depth` and `path` are what `get_url` needs: deferring them cost a query each.
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gt=1)
        .live()
        .only("title", "url_path", "depth", "path", "locale_id")
    )
    return [
        (ancestor.title, ancestor.get_url(request), ancestor.depth)
        for ancestor in ancestors
    ]
