"""Container health check: exits 0 when /healthz/ answers 200.

Run as `python -m numeriqc.healthcheck`.

The request carries the first allowed host, since Django refuses any other.
"""

import os
import sys
import urllib.error
import urllib.request


def main():
    host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
    port = os.environ.get("PORT", "8000")
    request = urllib.request.Request(  # noqa: S310 - a fixed loopback http URL
        f"http://127.0.0.1:{port}/healthz/", headers={"Host": host}
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError):
        return 1


if __name__ == "__main__":
    sys.exit(main())
