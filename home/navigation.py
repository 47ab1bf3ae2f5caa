"""Menus and language alternates, cached because every public page needs them."""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

MENU_VERSION_KEY = "navigation:version"


def _menu_version():
    return cache.get_or_set(MENU_VERSION_KEY, 1, None)


def invalidate_menus(**kwargs):
    """Connected to page publish, unpublish, move and delete (see apps.py)."""
    try:
        cache.incr(MENU_VERSION_KEY)
    except ValueError:
        cache.set(MENU_VERSION_KEY, 1, None)


def home_page(language_code):
    from home.models import HomePage

    return HomePage.objects.live().filter(locale__language_code=language_code).first()


def main_menu(language_code):
    """[(title, url, path)] of the home page's children shown in menus."""
    key = f"navigation:menu:{language_code}:{_menu_version()}"
    items = cache.get(key)
    if items is None:
        home = home_page(language_code)
        children = (
            home.get_children().live().public().in_menu()
            if home
            else Page.objects.none()
        )
        items = [(child.title, child.url, child.path) for child in children]
        cache.set(key, items, 60 * 60)
    return items


def page_alternates(page, request):
    """This page in every language: its translation when live, else that home page."""
    # An alias shows the source page's content: it is not a translation to advertise.
    live = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    translations = {translated.locale.language_code: translated for translated in live}
    alternates = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            alternates.append((code, name, translated.get_url(request), True))
        else:
            alternates.append((code, name, f"/{code}/", False))
    return alternates
