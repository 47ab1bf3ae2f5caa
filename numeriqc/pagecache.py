"""Whole-page cache for anonymous visitors of Wagtail pages.

A page served to a visitor who carries no session or messages cookie is the same
for every such visitor: it is kept in Django's cache (local memory, or Redis when
`REDIS_URL` is set) and the next anonymous visitor gets the stored bytes without
touching the database. What is never stored or served from the cache:

- anything but GET and HEAD, previews and Wagtail's dummy requests;
- a request with a session or messages cookie (a logged-in editor, a visitor who
  unlocked a password-protected page or has a message waiting);
- a response that sets a cookie, used the CSRF token, says `private`, `no-store`
  or `no-cache`, varies on anything but `Cookie` and `Accept-Language`, or is not
  a 200;
- a page type with `page_cache = False`.

Keys hold the host, the path, the language and the query parameters that matter:
`PAGE_CACHE_QUERY_PARAMS` (parameters every page honours, like the feedback
widget's `?feedback=thanks`) plus the page type's `cache_query_params`. A page
type that declares `cache_query_params` ignores every other parameter (tracking
parameters and junk share one entry); a page type that declares nothing is not
cached when the address carries an unknown parameter, since it might read it.

Purging is a generation counter: every entry holds the generation it was
rendered under and is served only while it is current; any publish, unpublish,
move or deletion of a page, or save of a model that public pages show (a setting,
an image, a model that says `shown_on_public_pages = True`), increments it after
the transaction commits. What citizens post never purges. Old entries are never
read again and expire on their own.
See docs/performance.md for the trade-offs.
"""

import hashlib
import logging
import time
from functools import cache as memoize
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    patch_cache_control,
    set_response_etag,
)
from django.utils.translation import get_language_from_path

from .localpages import GENERATION_ENVIRON_KEY
from .sharedcache import redis_client

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
STATUS_HEADER = "X-Page-Cache"
PAGE_ATTRIBUTE = "_page_cache_page"
SAFE_VARY = {"cookie", "accept-language"}
REFUSED_CACHE_CONTROL = {"private", "no-store", "no-cache"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def bump_generation():
    """Make every stored page unreachable (a new generation)."""
    store = page_cache()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:
        # Missing (first use, evicted): a fresh start that no old key can match.
        store.add(GENERATION_KEY, time.time_ns(), None)


def purge(**kwargs):
    """Signal receiver and public function: drop every cached page after commit.

    After commit, so that no render of the old content can be stored under the
    new generation while the change is still invisible to other connections.
    """
    transaction.on_commit(bump_generation)


def remember_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: tell the middleware which page answered."""
    setattr(request, PAGE_ATTRIBUTE, page)


class CachedView:
    """What a Django view kept by the page cache declares (as a page type does)."""

    page_cache = True

    def __init__(self, query_params):
        self.cache_query_params = tuple(query_params)


def cache_public_view(query_params=()):
    """Decorator: the page cache keeps this view's answers as it keeps pages.

    The same rules apply (anonymous GET/HEAD, no cookie set, a public 200, the
    generation purged by publishes and shown models); `query_params` are the
    parameters the view reads, every other one ignored. For listings outside
    the page tree (the open-data catalogue) whose content changes only through
    what purges, or at most `PAGE_CACHE_SECONDS` late.
    """
    declared = CachedView(query_params)

    def decorator(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            setattr(request, PAGE_ATTRIBUTE, declared)
            return view(request, *args, **kwargs)

        return cached_view

    return decorator


# -- purge triggers -------------------------------------------------------------


@memoize
def purging_models():
    """The models whose saves and deletions change what public pages show.

    Besides pages (their own signals), a model purges when it says
    `shown_on_public_pages = True` (organizations, themes, services, Baromètre
    figures…). Rows that citizens write (feedback, answers, sign-ups,
    subscriptions) say False or nothing: a wave of them keeps the cache warm.
    Wagtail's models that pages show are listed here.
    """
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site

    kernel = {Site, Locale, PageViewRestriction, SearchPromotion}
    kernel.update((get_image_model(), get_document_model()))
    return frozenset(
        model
        for model in apps.get_models()
        if model in kernel
        or getattr(model, "shown_on_public_pages", False) is True
        or issubclass(model, BaseSiteSetting | BaseGenericSetting)
    )


def purge_on_model_change(sender, **kwargs):
    """post_save / post_delete of any model: purge when public pages show it."""
    if sender in purging_models():
        purge()


# -- keys -----------------------------------------------------------------------


def _digest(*parts):
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _policy_key(request):
    return "pagecache:policy:" + _digest(request.get_host(), request.path)


def page_policy(page):
    """(cacheable, parameters that change the page or None when undeclared)."""
    if not getattr(page, "page_cache", True):
        return False, ()
    declared = getattr(page, "cache_query_params", None)
    return True, None if declared is None else tuple(sorted(declared))


def _variant_key(request, declared):
    """The entry's key, or None when the request carries an unknown parameter.

    No generation in it: the entry holds the generation it was rendered under,
    so that one `MGET generation, page` answers a hit (see `_lookup`).
    """
    wanted = set(settings.PAGE_CACHE_QUERY_PARAMS) | set(declared or ())
    present = set(request.GET)
    if declared is None and present - wanted - _ignored(present):
        return None
    query = "&".join(
        f"{name}={value}"
        for name in sorted(present & wanted)
        for value in request.GET.getlist(name)
    )
    language = get_language_from_path(request.path_info) or ""
    digest = _digest(request.get_host(), request.path, language, query)
    return f"pagecache:page:{digest}"


def _key_whatever_declared(request):
    """The key when the page type's declaration cannot change it, else None.

    A request with no parameter but tracking ones and those every page honours
    (`?feedback=thanks`) has the same key whatever its page type declares: its
    lookup needs not read the page's policy first. Nearly every hit is such.
    """
    present = set(request.GET)
    if present - set(settings.PAGE_CACHE_QUERY_PARAMS) - _ignored(present):
        return None
    return _variant_key(request, ())


def _ignored(names):
    """Tracking parameters: never change a page, never split its entry."""
    prefixes = tuple(settings.PAGE_CACHE_IGNORED_PREFIXES)
    return {name for name in names if name.startswith(prefixes)}


# -- what may be stored ---------------------------------------------------------


def private_request(request):
    """True when this visitor may see something personal: never use the cache."""
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return True
    private_cookies = {
        settings.SESSION_COOKIE_NAME,
        CookieStorage.cookie_name,
        *settings.PAGE_CACHE_PRIVATE_COOKIES,
    }
    return any(name in request.COOKIES for name in private_cookies)


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token: it belongs to one visitor
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if directives & REFUSED_CACHE_CONTROL:
        return False
    vary = {
        part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))
    } - {""}
    return vary <= SAFE_VARY


def _public_headers(response):
    patch_cache_control(response, public=True, max_age=settings.PAGE_BROWSER_SECONDS)
    if not response.has_header("ETag"):
        set_response_etag(response)


def _entry(generation, response):
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in {"set-cookie", STATUS_HEADER.lower()}
    ]
    return (generation, response.status_code, headers, response.content)


def _response_from(entry):
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


def _read(store, keys):
    """The values of `keys` (None when missing) in one round trip.

    On Redis, through a client kept for the process's life rather than the one
    Django's backend builds for each operation (the hit's main cost).
    """
    client = redis_client(store)
    if client is None:
        found = store.get_many(keys)
        return [found.get(key) for key in keys]
    raw = client.mget([store.make_and_validate_key(key) for key in keys])
    loads = store._cache._serializer.loads
    return [None if value is None else loads(value) for value in raw]


# -- the middleware -------------------------------------------------------------


class PageCacheMiddleware:
    """Serve and store anonymous Wagtail page responses (see the module docstring).

    Sits above the session, CSRF and message middleware, so that the response it
    sees carries every cookie and `Vary` they add.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._applies(request):
            return self._finish(request, self.get_response(request), None)
        try:
            generation, entry = self._lookup(request)
        except Exception:  # a cache server down must not take the site down
            logger.warning("Page cache unavailable: serving without it", exc_info=True)
            generation, entry = None, None
        if entry is not None:
            # The worker's copy (numeriqc.localpages) may keep it: its generation.
            request.META[GENERATION_ENVIRON_KEY] = generation
            return _response_from(entry)
        return self._finish(request, self.get_response(request), generation)

    @staticmethod
    def _lookup(request):
        """(generation, stored entry of that generation or None).

        One round trip for a request without parameters of its own (`MGET
        generation, page`); a request with some reads the page's policy with
        the generation first, then the page.
        """
        store = page_cache()
        key = _key_whatever_declared(request)
        if key is not None:
            generation, entry = _read(store, [GENERATION_KEY, key])
        else:
            generation, policy = _read(store, [GENERATION_KEY, _policy_key(request)])
            key = _variant_key(request, policy[0]) if policy is not None else None
            entry = _read(store, [key])[0] if key and generation is not None else None
        if generation is None:
            bump_generation()
            generation, entry = store.get(GENERATION_KEY), None
        if entry is not None and entry[0] != generation:
            entry = None  # rendered before the last purge: never served again
        return generation, entry

    @staticmethod
    def _applies(request):
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and not private_request(request)
        )

    def _finish(self, request, response, generation):
        page = getattr(request, PAGE_ATTRIBUTE, None)
        if page is None:
            return response  # not a Wagtail page: the view decides its headers
        if generation is None or not _storable(request, response):
            if private_request(request) or response.cookies:
                add_never_cache_headers(response)
            response[STATUS_HEADER] = "bypass"
            return response
        cacheable, declared = page_policy(page)
        key = _variant_key(request, declared) if cacheable else None
        if key is None:
            response[STATUS_HEADER] = "bypass"
            return response
        _public_headers(response)
        try:
            _store(request, key, declared, generation, response)
        except Exception:  # the page is rendered: give it even if it cannot be kept
            logger.warning("Page cache unavailable: page not stored", exc_info=True)
        request.META[GENERATION_ENVIRON_KEY] = generation
        response[STATUS_HEADER] = "miss"
        return response


def _store(request, key, declared, generation, response):
    store = page_cache()
    seconds = settings.PAGE_CACHE_SECONDS
    # A 1-tuple, so that "declares nothing" (None) is not read as "unknown".
    store.set(_policy_key(request), (declared,), seconds)
    store.set(key, _entry(generation, response), seconds)
