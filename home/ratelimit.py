"""Rate limits and request-origin checks for public POST endpoints.

A public page must stay cacheable, so some endpoints (feedback) cannot rely on a
per-visitor CSRF token: they check where the request comes from instead, and
limit how often one client address may post.
"""

import hashlib
import math
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from numeriqc import sharedcache
from numeriqc.sharedcache import redis_client


def client_address(request):
    """The visitor's address. Behind a proxy, the last hop it appended wins.

    `TRUSTED_PROXY_COUNT` (default 0) says how many proxies append to
    X-Forwarded-For in front of the site; a client cannot forge the entries they add.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def hit(scope, identity, limit, window_seconds, prefetch=()):
    """Count one attempt; return (allowed, seconds until the window resets).

    Fixed windows in the cache: Redis in production (atomic INCR), local memory
    on one process. The identity is hashed: no address is stored in clear.
    `prefetch`: (entry key, version key) pairs of `numeriqc.sharedcache` that the
    answer will read, fetched in the same round trip.
    """
    if not settings.RATELIMIT_ENABLED:
        sharedcache.prefetch(prefetch)
        return True, 0
    now = time.time()
    window = int(now // window_seconds)
    key = _window_key(scope, identity, window)
    count = _count(key, window_seconds + 1, sharedcache.unread(prefetch))
    retry_after = math.ceil((window + 1) * window_seconds - now)
    return count <= limit, retry_after


def exceeded(scope, identity, limit, window_seconds):
    """Whether `hit` already counted more than `limit` in this window, without
    counting one more; return (exceeded, seconds until the window resets).

    For limits on failures only (admin sign-in): check first, count on failure.
    """
    if not settings.RATELIMIT_ENABLED:
        return False, 0
    now = time.time()
    window = int(now // window_seconds)
    count = cache.get(_window_key(scope, identity, window), 0)
    return count >= limit, math.ceil((window + 1) * window_seconds - now)


def _window_key(scope, identity, window):
    digest = hashlib.sha256(f"{identity}".encode()).hexdigest()[:24]
    return f"ratelimit:{scope}:{digest}:{window}"


def comes_from_this_site(request):
    """True when the browser says the request was sent by one of our pages.

    Modern browsers send Sec-Fetch-Site; all send Origin on a cross-site POST.
    A request with neither (a script, an old client) is refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return fetch_site == "same-origin"
    return _is_our_origin(origin, request)


def _is_our_origin(origin, request):
    parts = urlsplit(origin)
    if f"{parts.scheme}://{parts.netloc}" == f"{request.scheme}://{request.get_host()}":
        return True
    return origin in settings.CSRF_TRUSTED_ORIGINS


def _count(key, seconds, reads):
    """Increment the window's counter; one round trip on Redis.

    `INCR` creates the counter at 1, `EXPIRE … NX` gives it its lifetime only if
    it has none yet: both in one pipeline, without the `add` that preceded, and
    with an `MGET` of the shared entries `reads` (kept for the request).
    """
    client = redis_client(cache)
    if client is not None:
        full_key = cache.make_and_validate_key(key)
        pipeline = client.pipeline(transaction=False)
        pipeline.incr(full_key)
        pipeline.expire(full_key, seconds, nx=True)
        if reads:
            pipeline.mget([cache.make_and_validate_key(name) for name in reads])
        count, _expiry_set, *values = pipeline.execute()
        if reads:
            loads = cache._cache._serializer.loads
            found = zip(reads, values[0], strict=True)
            sharedcache.remember(
                {name: None if raw is None else loads(raw) for name, raw in found}
            )
        return count
    sharedcache.prefetch([(name, name) for name in reads])
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1
