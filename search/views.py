"""The search page and its autocomplete endpoint. Work is in services.py."""

import uuid

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from home.cleaning import as_id
from home.ratelimit import client_address, hit
from numeriqc.views import render_error

from . import registry, services, tasks


def _page_number(request):
    value = request.GET.get("page", "1")
    return as_id(value, max_digits=5) or 1


def _facet_value(request, name):
    """A kind name, or an organization's or theme's translation key (a UUID)."""
    value = request.GET.get(name, "")[:64]
    if name == "kind":
        return value if value in registry.KINDS else ""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return ""


def _link_facets(request, facets, selected):
    """Each facet value links to the same search with that value (or without it)."""
    for name, values in facets.items():
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            value["selected"] = selected.get(name) == value["key"]
            if value["selected"]:
                params.pop(name, None)
            else:
                params[name] = value["key"]
            value["url"] = "?" + params.urlencode()


def _refused(request, scope, factor=1):
    """None, or the seconds to wait: generous limits per client address."""
    allowed, retry_after = hit(
        scope,
        client_address(request),
        settings.SEARCH_REQUESTS_PER_ADDRESS * factor,
        settings.SEARCH_RATE_WINDOW_SECONDS,
    )
    return None if allowed else max(1, retry_after)


@require_GET
def search(request):
    wait = _refused(request, "search")
    if wait is not None:
        response = render_error(request, "429.html", 429, retry_seconds=wait)
        response["Retry-After"] = str(wait)
        return response
    language = translation.get_language()
    query = services.clean_query(request.GET.get("q", ""))
    outcome = services.search(
        query,
        language,
        kind=_facet_value(request, "kind"),
        organization=_facet_value(request, "organization"),
        theme=_facet_value(request, "theme"),
        page_number=_page_number(request),
    )
    if query and _page_number(request) == 1:
        tasks.record_query.delay(query, language, outcome.count)
    results = outcome.page.object_list if outcome.page else []
    selected = {
        name: _facet_value(request, name) for name in ("kind", "organization", "theme")
    }
    _link_facets(request, outcome.facets, selected)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "results": [services.entry(item, query, request) for item in results],
            "selected": selected,
            # Named in the title even when the kind has no facets (services).
            "kind_label": registry.KINDS.get(selected["kind"], ""),
        },
    )


@require_GET
def autocomplete(request):
    # Suggestions follow each keystroke: five times the search page's limit.
    wait = _refused(request, "search-suggestions", factor=5)
    if wait is not None:
        response = JsonResponse({"suggestions": []}, status=429)
        response["Retry-After"] = str(wait)
        return response
    query = services.clean_query(request.GET.get("q", ""))
    suggestions = (
        services.autocomplete(query, translation.get_language())
        if len(query) >= 2
        else []
    )
    response = JsonResponse({"query": query, "results": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response
