"""gunicorn's settings in the production image, from the environment.

Used as `gunicorn --config python:numeriqc.gunicorn_conf numeriqc.wsgi:application`
(the Dockerfile's CMD). PORT and WEB_CONCURRENCY are the usual container
variables; GUNICORN_THREADS the threads of each worker.

Several worker processes without REDIS_URL would each keep their own page cache and
rate-limit counters: a publish would purge one process's copy only, and the others
would serve the old page for PAGE_CACHE_SECONDS. So that setup is refused, with a
sentence saying what to do, before any worker starts.
"""

import os
import sys

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 - inside a container
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
accesslog = "-"
# Only the TLS-terminating proxy reaches the container.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
# Requests that would take longer than this are a bug, not a slow client.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))


def several_workers_without_redis(environ):
    """The sentence that refuses the setup, or None when it is sound."""
    count = int(environ.get("WEB_CONCURRENCY", "1"))
    if count > 1 and not environ.get("REDIS_URL"):
        return (
            f"numériQc will not start {count} gunicorn workers without REDIS_URL: "
            "each would keep its own page cache and rate limits, and serve stale "
            "pages after a publish. Set REDIS_URL, or WEB_CONCURRENCY=1 (one "
            "process, GUNICORN_THREADS threads)."
        )
    return None


_refusal = several_workers_without_redis(os.environ)
if _refusal:
    sys.stderr.write(_refusal + "\n")
    sys.exit(2)
