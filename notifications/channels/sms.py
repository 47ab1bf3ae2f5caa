"""Text messages: a small backend interface, a file backend and an HTTP adapter.

A backend has one method, `send(to, body, reference) -> provider id`, raising
TransientError or PermanentError. `NOTIFICATIONS_SMS_BACKEND` picks it.
"""

import http.client
import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from . import PermanentError, TransientError

outbox = []  # filled by LocmemBackend, like django.core.mail.outbox


def get_backend():
    return import_string(settings.NOTIFICATIONS_SMS_BACKEND)()


def send(delivery):
    return get_backend().send(delivery.to, delivery.body, f"delivery-{delivery.pk}")


class FileBackend:
    """Development: appends one JSON line per text message to a file."""

    _lock = threading.Lock()

    def send(self, to, body, reference):
        path = Path(settings.NOTIFICATIONS_SMS_FILE_PATH)
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
    connections: try again later. The connection is kept open between messages
    (one per worker thread): a new TCP connection per message cost as much as
    the rest of the request.
    """

    def send(self, to, body, reference):
        base = settings.NOTIFICATIONS_SMS_HTTP_URL.rstrip("/")
        if not base:
            raise PermanentError("NOTIFICATIONS_SMS_HTTP_URL is not set")
        status, reason, retry_after, raw = _post(
            urlsplit(base),
            json.dumps({"to": to, "body": body, "reference": reference}).encode(),
            {
                "Authorization": f"Bearer {settings.NOTIFICATIONS_SMS_HTTP_TOKEN}",
                "Content-Type": "application/json",
                "Idempotency-Key": reference,
            },
            settings.NOTIFICATIONS_SMS_HTTP_TIMEOUT,
        )
        if 200 <= status < 300:
            return str(_json(raw).get("id", ""))[:100]
        raise _classify(status, reason, retry_after, raw)


_open = threading.local()  # {(scheme, host, timeout): HTTPConnection} per thread


def _post(parts, payload, headers, timeout):
    """(status, reason, Retry-After, body) of one POST on a kept-alive connection.

    A provider may close an idle connection at any time: the first failure on a
    reused connection is tried once more on a new one (the Idempotency-Key lets
    the provider drop a copy it did receive).
    """
    key = (parts.scheme, parts.netloc, timeout)
    path = parts.path.rstrip("/") + "/messages"
    for attempt in (1, 2):
        connection, reused = _connection(key)
        try:
            connection.request("POST", path, body=payload, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            _forget(key)
            if reused and attempt == 1:
                continue
            raise TransientError("provider unreachable: connection closed") from None
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            _forget(key)
            raise TransientError(f"provider unreachable: {error}") from error
        if response.will_close:
            _forget(key)
        return response.status, response.reason, response.getheader("Retry-After"), raw
    raise TransientError("provider unreachable")  # not reached: the loop returns


def _connection(key):
    connections = _open.__dict__.setdefault("connections", {})
    if key in connections:
        return connections[key], True
    scheme, netloc, timeout = key
    kind = (
        http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    )
    connections[key] = kind(netloc, timeout=timeout)
    return connections[key], False


def _forget(key):
    connection = _open.__dict__.get("connections", {}).pop(key, None)
    if connection is not None:
        connection.close()


def _json(raw):
    try:
        value = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _classify(status, reason, retry_after, raw):
    detail = _json(raw).get("error", "") or reason
    if status == 429 or status >= 500:
        seconds = int(retry_after) if (retry_after or "").isdigit() else None
        return TransientError(f"provider {status}: {detail}", seconds)
    return PermanentError(f"provider {status}: {detail}")
