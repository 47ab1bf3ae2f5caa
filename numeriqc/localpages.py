"""A per-worker copy of the hottest cached pages, served before Django runs.

A page-cache hit through Django costs the request object, the middleware and a
Redis round trip: about twice a static file. This WSGI layer (`numeriqc.wsgi`)
keeps, in the worker's memory, the final bytes and headers (CSP and security
headers included) of pages that `numeriqc.pagecache.PageCacheMiddleware` just
served from the shared cache or stored in it, and answers the next anonymous
GET or HEAD of the same address itself.

Rules (docs/performance.md, "The worker's copy"):

- only what the page cache would serve: GET or HEAD, no session, messages or
  `PAGE_CACHE_PRIVATE_COOKIES` cookie; a conditional request (`If-None-Match`,
  `If-Modified-Since`) goes to Django, which answers the 304;
- only responses the middleware marked `hit` or `miss` (its rules decided they
  are everybody's), a 200 that sets no cookie and says `public`;
- a copy is served only while the generation it was rendered under is the
  current one, re-read from the shared cache at most once every
  `PAGE_CACHE_LOCAL_SECONDS` (1 s): a publish is seen by every worker within
  that time. When the shared cache does not answer, the copy is dropped and
  Django renders;
- bounded: least recently used first out, at most `PAGE_CACHE_LOCAL_ENTRIES`
  pages and `PAGE_CACHE_LOCAL_BYTES` bytes of bodies.
"""

import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import parse_cookie

logger = logging.getLogger(__name__)

GENERATION_ENVIRON_KEY = "numeriqc.page_generation"
SERVED_STATUSES = {"hit", "miss"}


class LocalPageCopy:
    """WSGI middleware around Django's application (see the module docstring)."""

    def __init__(self, app, clock=time.monotonic):
        self.app = app
        self.clock = clock
        self.entries = OrderedDict()  # key -> (generation, status, headers, body)
        self.size = 0
        self.generation = None
        self.checked_at = None
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.app(environ, start_response)
        entry = self._current(key)
        if entry is not None:
            _generation, status, headers, body = entry
            start_response(status, headers)
            return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return self._through_django(key, environ, start_response)

    # -- which requests -----------------------------------------------------------

    @staticmethod
    def _key(environ):
        if not settings.PAGE_CACHE_ENABLED or settings.PAGE_CACHE_LOCAL_SECONDS <= 0:
            return None
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            return None  # Django answers revalidations (ETag, 304)
        if _private(environ.get("HTTP_COOKIE", "")):
            return None
        # Everything read before the page cache that could change the answer.
        proxy_header = (settings.SECURE_PROXY_SSL_HEADER or ("", ""))[0]
        return (
            environ.get("wsgi.url_scheme"),
            environ.get(proxy_header, ""),
            environ.get("HTTP_X_FORWARDED_HOST", ""),
            environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
            environ.get("SERVER_PORT", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )

    # -- the copy -------------------------------------------------------------------

    def _current(self, key):
        """The copy of this address if of the current generation, else None."""
        now = self.clock()
        if self.checked_at is None or now - self.checked_at >= _interval():
            self._recheck(now)
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != self.generation:
                return None
            self.entries.move_to_end(key)
            return entry

    def _recheck(self, now):
        """Read the shared generation; drop the copies of an older one."""
        from .pagecache import GENERATION_KEY, _read, page_cache

        try:
            generation = _read(page_cache(), [GENERATION_KEY])[0]
            # No generation yet (a fresh cache): ask again on the next request.
            checked_at = None if generation is None else now
        except Exception:  # the cache server is down: Django renders
            logger.warning("Page cache unavailable: worker's copy dropped")
            generation, checked_at = None, now
        with self.lock:
            self.checked_at = checked_at
            if generation != self.generation or generation is None:
                self.entries.clear()
                self.size = 0
            self.generation = generation

    def _keep(self, key, entry):
        size = len(entry[3])
        with self.lock:
            if entry[0] != self.generation or self.generation is None:
                return
            if size > settings.PAGE_CACHE_LOCAL_BYTES:
                return
            previous = self.entries.pop(key, None)
            if previous is not None:
                self.size -= len(previous[3])
            self.entries[key] = entry
            self.size += size
            while (
                len(self.entries) > settings.PAGE_CACHE_LOCAL_ENTRIES
                or self.size > settings.PAGE_CACHE_LOCAL_BYTES
            ):
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])

    # -- through Django ---------------------------------------------------------------

    def _through_django(self, key, environ, start_response):
        answer = {}

        def remember_start(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, remember_start)
        generation = environ.get(GENERATION_ENVIRON_KEY)
        if generation is None or environ["REQUEST_METHOD"] != "GET":
            return result
        headers = answer.get("headers", [])
        if not _everybodys(answer.get("status", ""), headers):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self._keep(key, (generation, answer["status"], _as_hit(headers, body), body))
        return [body]


def _interval():
    return settings.PAGE_CACHE_LOCAL_SECONDS


def _private(cookie_header):
    if not cookie_header:
        return False
    names = {
        settings.SESSION_COOKIE_NAME,
        CookieStorage.cookie_name,
        *settings.PAGE_CACHE_PRIVATE_COOKIES,
    }
    return any(name in parse_cookie(cookie_header) for name in names)


def _everybodys(status, headers):
    """A response the page cache marked as everybody's: a public 200, no cookie."""
    if not status.startswith("200"):
        return False
    found = {name.lower(): value for name, value in headers}
    if "set-cookie" in found or any(n.lower() == "set-cookie" for n, _v in headers):
        return False
    if found.get("x-page-cache") not in SERVED_STATUSES:
        return False
    return "public" in found.get("cache-control", "")


def _as_hit(headers, body):
    kept = [
        (name, value)
        for name, value in headers
        if name.lower() not in {"x-page-cache", "content-length"}
    ]
    return [*kept, ("Content-Length", str(len(body))), ("X-Page-Cache", "hit")]
