"""Header, footer and language navigation shared by every public template."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from home import navigation

register = template.Library()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {
            "title": title,
            "url": url,
            # "page" on the section itself, "true" anywhere below it.
            "current": ("page" if current_path == path else "true")
            if current_path.startswith(path)
            else None,
        }
        for title, url, path in navigation.main_menu(translation.get_language())
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """[(language code, language name, URL of this content in that language, exact)].

    A filtered or paginated state keeps its query string in the other language;
    a page that does not exist leads to the other language's home page.
    """
    request = context["request"]
    if context.get("not_found"):
        return [(code, name, f"/{code}/", False) for code, name in settings.LANGUAGES]
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        return with_query(navigation.page_alternates(page, request), request)
    return [
        (code, name, translate_url(request.get_full_path(), code), True)
        for code, name in settings.LANGUAGES
    ]


def with_query(alternates, request):
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return alternates
    return [
        (code, name, f"{url}?{query}" if exact else url, exact)
        for code, name, url, exact in alternates
    ]


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or not getattr(page, "pk", None) or page.depth <= 2:
        return {"ancestors": []}
    ancestors = navigation.page_ancestors(page, context["request"])
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def home_url():
    return f"/{translation.get_language()}/"
