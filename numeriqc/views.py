"""Site-wide views: language choice, health check, error pages."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def choose_language(request):
    """Send `/` to the visitor's preferred language, French when in doubt."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def _database_answers():
    try:
        for alias in connections:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False


def _cache_answers():
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # any client error means the cache is unusable
        logger.exception("Health check: the cache does not answer")
        return False


@never_cache
def healthz(request):
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    status = 200 if all(checks.values()) else 503
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=status)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
