"""Site-wide views: language choice, health check, error pages."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail import views as wagtail_views

from . import routecache

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


@csrf_exempt  # checked per page type once the page is known: enforce_page_csrf
def serve_page(request, path):
    """Wagtail's page view, routed from the cache when the address is kept."""
    routecache.use_kept_route(request, path)
    return wagtail_views.serve(request, path)


SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def enforce_page_csrf(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: Django's CSRF check for a post to a page, unless
    the page type says `csrf_exempt = True`.

    A page whose form must stay cacheable (no token, no cookie) opts out and
    guards its posts itself (`home.ratelimit.comes_from_this_site`), as the
    feedback widget's view does; every other page keeps Django's check and its
    branded failure page.
    """
    if request.method in SAFE_METHODS or getattr(page, "csrf_exempt", False):
        return None
    middleware = CsrfViewMiddleware(lambda request: None)
    return middleware.process_view(request, wagtail_views.serve, (), {})


def page_not_found(request, exception=None):
    # The switcher leads to the other home page, not to the same missing path.
    return render(request, "404.html", {"not_found": True}, status=404)


# The error pages below are rendered without a request context: whatever broke
# (the database, a forged Host header, an undecodable body) must not break the
# error page too. See templates/errors/base.html.

LANGUAGE_NAMES = dict(settings.LANGUAGES)
DATABASE_RETRY_SECONDS = 30


def error_language(request):
    """The language of the path (/fr/…, /en/…), else the one already chosen."""
    path = getattr(request, "path_info", "") or ""
    from_path = translation.get_language_from_path(path)
    if from_path:
        return from_path
    active = translation.get_language() or settings.LANGUAGE_CODE
    return active if active in LANGUAGE_NAMES else settings.LANGUAGE_CODE


def render_error(request, template_name, status, **context):
    language = error_language(request)
    other = next(code for code in LANGUAGE_NAMES if code != language)
    context.update(
        language=language,
        other=other,
        other_name=LANGUAGE_NAMES[other],
        status=status,
    )
    with translation.override(language):
        body = loader.render_to_string(template_name, context)
    response = HttpResponse(body, status=status)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """A form sent without its security token: say what to do, in the form's
    language, with a link back to the form (same site, same path, by GET)."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    form_url = request.path if translation.get_language_from_path(request.path) else ""
    return render_error(request, "403_csrf.html", 403, form_url=form_url)


def server_error(request):
    if _database_is_down(sys.exc_info()[1]):
        return database_unavailable(request)
    return render_error(request, "500.html", 500)


def _database_is_down(exception):
    return isinstance(exception, (OperationalError, InterfaceError))


def database_unavailable(request):
    """503 with Retry-After: the database did not answer (restart, failover)."""
    response = render_error(
        request,
        "503.html",
        503,
        retry_minutes=max(1, DATABASE_RETRY_SECONDS // 60),
    )
    response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    return response
