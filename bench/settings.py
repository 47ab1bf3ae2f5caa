"""Production settings plus the benchmark's bare view (bench/urls.py)."""

from numeriqc.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# A request carrying this cookie is rendered, never served from or stored in the
# page cache (a private cookie), and nothing reads it: the uncached figures
# render exactly the bytes the cached ones serve.
UNCACHED_COOKIE = "bench_uncached"
PAGE_CACHE_PRIVATE_COOKIES = [*PAGE_CACHE_PRIVATE_COOKIES, UNCACHED_COOKIE]  # noqa: F405
