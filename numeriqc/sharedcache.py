"""What every public page reads (site, menus, footer, reasons), in one cache trip.

An uncached render used to pay a query for the site, two for the view
restrictions, three lookups of the active `Locale`, and six sequential cache
reads (a version, then the value, for the menu, the footer and the reasons).

Here each shared value lives under a key *without* its version, stored as
`(version, value)`; its source's version lives under its own key. A request
reads every version and every entry it will need in one `get_many` (one Redis
round trip, done by `SharedDataMiddleware` for pages under a language prefix)
and uses an entry only when the version stored in it is the current one. A
source that changes increments its version (at once and again after the
transaction commits, so that a render that read the old rows before the commit
cannot be kept as current): every entry built from it is then ignored and
rebuilt on its next use.

Sources and what increments them (connected in `numeriqc.apps` / `home.apps`):

- `TREE_VERSION_KEY`: publish, unpublish, move or deletion of a page; saving or
  deleting a `Site`, a `Locale` or a `PageViewRestriction`. Menus, the request's
  site, whether any view restriction exists, a page's alternates and breadcrumbs.
- `home.footer.FOOTER_VERSION_KEY`, `feedback.widget.REASONS_VERSION_KEY`.

Within one request, the active `Locale` is looked up once (`Locale.get_active`
and `Locale.objects.get_for_language` remember it for the request), and when
the cache says the database holds no view restriction at all, Wagtail's checks
of a page's restrictions answer "none" without a query.
"""

import contextvars
import logging
import time

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.utils import translation

logger = logging.getLogger(__name__)

TREE_VERSION_KEY = "navigation:version"
SECONDS = 60 * 60

_scope = contextvars.ContextVar("numeriqc_request_scope", default=None)


class Scope:
    """What one request has read from the cache (entries and versions)."""

    def __init__(self):
        self.read = {}  # key -> value or None, as returned by the cache
        self.locales = {}  # language code -> Locale
        self.no_view_restrictions = False


def current():
    return _scope.get()


def open_scope():
    return _scope.set(Scope())


def close_scope(token):
    _scope.reset(token)


def bump(version_key):
    """A new version: every entry built from this source is ignored from now."""
    try:
        cache.incr(version_key)
    except ValueError:
        # Missing (first use, evicted): a start that no old entry can match.
        cache.add(version_key, time.time_ns(), None)


def bump_now_and_after_commit(version_key):
    bump(version_key)
    transaction.on_commit(lambda: bump(version_key))


def prefetch(pairs):
    """Read these (entry key, version key) pairs in one trip, for this request.

    Returns what was read ({} when the cache does not answer: values are then
    built from the database, as if there were no cache).
    """
    scope = current()
    keys = {key for pair in pairs for key in pair}
    if scope is not None:
        keys -= scope.read.keys()
    if not keys:
        return {}
    try:
        found = cache.get_many(list(keys))
    except Exception:  # a cache server down must not take the site down
        logger.warning("Cache unavailable: shared data read from the database")
        found = None
    if scope is not None:
        # Remember misses too: one trip per request, whatever the templates ask.
        scope.read.update({key: (found or {}).get(key) for key in keys})
    return found or {}


def get(entry_key, version_key, build, seconds=SECONDS):
    """The value under `entry_key` if built at the current version, else build()."""
    scope = current()
    if scope is not None and entry_key in scope.read and version_key in scope.read:
        read = scope.read
    else:
        read = prefetch([(entry_key, version_key)])
        if scope is not None:
            read = scope.read
    try:
        version = read.get(version_key)
        if version is None:
            bump(version_key)
            version = cache.get(version_key)
            if scope is not None:
                scope.read[version_key] = version
        stored = read.get(entry_key)
        if stored is not None and version is not None and stored[0] == version:
            return stored[1]
        value = build()
        if version is not None:
            cache.set(entry_key, (version, value), seconds)
            if scope is not None:
                scope.read[entry_key] = (version, value)
        return value
    except Exception:  # the cache went away during the request
        logger.warning("Cache unavailable: shared data read from the database")
        return build()


# -- one trip per request -----------------------------------------------------------

_prefetchers = {"page": [], "post": []}


def register_prefetch(function, kind="page"):
    """`function(request, language) -> [(entry key, version key)]`: read them first.

    Feature apps add what every page of theirs shows (the feedback widget's
    reasons) from their `AppConfig.ready`, so that the kernel needs not know them.
    `kind="post"`: what the answer to a public post shows (the lab's invitation
    after a feedback), read in the rate limit's round trip (`home.ratelimit.hit`).
    """
    if function not in _prefetchers[kind]:
        _prefetchers[kind].append(function)


def prefetch_pairs(request, kind):
    """Every (entry key, version key) registered for this kind of request."""
    language = translation.get_language()
    return [
        pair for function in _prefetchers[kind] for pair in function(request, language)
    ]


def unread(pairs):
    """The keys of `pairs` this request has not read yet."""
    scope = current()
    keys = {key for pair in pairs for key in pair}
    return sorted(keys - scope.read.keys()) if scope is not None else sorted(keys)


def remember(found):
    """Keep, for this request, values read by a caller's own trip ({key: value})."""
    scope = current()
    if scope is not None:
        scope.read.update(found)


def site_key(request):
    from django.http.request import split_domain_port

    hostname = split_domain_port(request._get_raw_host())[0]
    return f"shared:site:{hostname}:{request.get_port()}"


VIEW_RESTRICTIONS_KEY = "shared:view-restrictions"


def _find_site(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # kept with the site: routing starts from it  # noqa: B018
    return site


def prepare(request):
    """The request's shared data in one trip; the site and restriction flag set."""
    from wagtail.models import PageViewRestriction

    pairs = [
        (site_key(request), TREE_VERSION_KEY),
        (VIEW_RESTRICTIONS_KEY, TREE_VERSION_KEY),
    ]
    prefetch(pairs + prefetch_pairs(request, "page"))
    site = get(site_key(request), TREE_VERSION_KEY, lambda: _find_site(request))
    if site is not None:
        request._wagtail_site = site
    restricted = get(
        VIEW_RESTRICTIONS_KEY,
        TREE_VERSION_KEY,
        lambda: PageViewRestriction.objects.exists(),
    )
    set_scope_flag(not restricted)


class SharedDataMiddleware:
    """Opens the request's scope; for public pages, reads the shared data first.

    Below `LocaleMiddleware` (the language is active) and above everything that
    renders. Only addresses under a language prefix are public pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.translation import get_language_from_path

        token = open_scope()
        try:
            if request.method in ("GET", "HEAD") and get_language_from_path(
                request.path_info
            ):
                try:
                    request.get_host()  # never a cache entry for a refused host
                except DisallowedHost:
                    pass
                else:
                    prepare(request)
            return self.get_response(request)
        finally:
            close_scope(token)


def redis_client(store=None):
    """A redis-py client kept for the cache's life, or None when it is not Redis.

    Django's Redis backend builds a client for each operation; the page cache's
    hit path and the rate limit use this one, which lives as long as the backend
    (its connection pool is the backend's).
    """
    store = store if store is not None else cache
    backend = getattr(store, "_cache", None)
    if backend is None or not hasattr(backend, "get_client"):
        return None
    client = getattr(backend, "_numeriqc_client", None)
    if client is None:
        client = backend.get_client(write=True)
        backend._numeriqc_client = client
    return client


def set_scope_flag(no_view_restrictions):
    scope = current()
    if scope is not None:
        scope.no_view_restrictions = no_view_restrictions


# -- Wagtail's per-request lookups ------------------------------------------------


def install():
    """Remember the active Locale per request; skip restriction checks when none.

    Called once from `NumeriqcConfig.ready`. Outside a request (commands, tasks,
    tests calling code directly) both behave exactly as Wagtail's.
    """
    from wagtail.models import Page, PageViewRestriction
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager, "_numeriqc_installed", False):
        return
    original_for_language = LocaleManager.get_for_language
    original_restrictions = Page.get_view_restrictions

    def get_for_language(self, language_code):
        scope = current()
        if scope is None:
            return original_for_language(self, language_code)
        try:
            return scope.locales[language_code]
        except KeyError:
            locale = original_for_language(self, language_code)
            scope.locales[language_code] = locale
            return locale

    def get_view_restrictions(self):
        scope = current()
        if scope is not None and scope.no_view_restrictions:
            return PageViewRestriction.objects.none()
        return original_restrictions(self)

    LocaleManager.get_for_language = get_for_language
    Page.get_view_restrictions = get_view_restrictions
    LocaleManager._numeriqc_installed = True


def public(queryset):
    """`queryset.public()`, without its query when no view restriction exists."""
    scope = current()
    if scope is not None and scope.no_view_restrictions:
        return queryset
    return queryset.public()
