"""Text messages: a small backend interface, a file backend and an HTTP adapter.

A backend has one method, `send(to, body, reference) -> provider id`, raising
TransientError or PermanentError. `NOTIFICATIONS_SMS_BACKEND` picks it.
"""

import json
import threading
from pathlib import Path

from django.utils import timezone
from django.utils.module_loading import import_string

from .. import conf
from . import PermanentError, TransientError

outbox = []  # filled by LocmemBackend, like django.core.mail.outbox


def get_backend():
    return import_string(conf.sms_backend())()


def send(delivery):
    return get_backend().send(delivery.to, delivery.body, f"delivery-{delivery.pk}")


class FileBackend:
    """Development: appends one JSON line per text message to a file."""

    _lock = threading.Lock()

    def send(self, to, body, reference):
        path = Path(conf.sms_file_path())
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(
            {
                "at": timezone.now().isoformat(),
                "to": to,
                "body": body,
                "ref": reference,
            },
            ensure_ascii=False,
        )
        with self._lock, path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
        return reference


class LocmemBackend:
    """Tests: keeps the messages in `notifications.channels.sms.outbox`."""

    def send(self, to, body, reference):
        outbox.append({"to": to, "body": body, "ref": reference})
        return reference


class HttpBackend:
    """A provider's HTTP API: POST {url}/messages with a bearer token.

    2xx: accepted (the JSON answer's "id" is kept); 429 and 5xx: try again later
    (Retry-After honoured); other 4xx: refused for good; timeouts and refused
    connections: try again later.
    """

    def send(self, to, body, reference):
        import urllib.error
        import urllib.request

        base = conf.sms_http_url().rstrip("/")
        if not base:
            raise PermanentError("NOTIFICATIONS_SMS_HTTP_URL is not set")
        request = urllib.request.Request(  # noqa: S310 (the URL comes from settings)
            f"{base}/messages",
            data=json.dumps({"to": to, "body": body, "reference": reference}).encode(),
            headers={
                "Authorization": f"Bearer {conf.sms_http_token()}",
                "Content-Type": "application/json",
                "Idempotency-Key": reference,
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(  # noqa: S310
                request, timeout=conf.sms_http_timeout()
            ) as response:
                answer = _json(response.read())
                return str(answer.get("id", ""))[:100]
        except urllib.error.HTTPError as error:
            raise _classify(error) from error
        except (TimeoutError, OSError) as error:
            raise TransientError(f"provider unreachable: {error}") from error


def _json(raw):
    try:
        value = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _classify(error):
    detail = _json(error.read()).get("error", "") or error.reason
    if error.code == 429 or error.code >= 500:
        retry_after = error.headers.get("Retry-After")
        seconds = int(retry_after) if (retry_after or "").isdigit() else None
        return TransientError(f"provider {error.code}: {detail}", seconds)
    return PermanentError(f"provider {error.code}: {detail}")
