"""The reminders API for organizations: JSON, bearer key, described in OpenAPI."""

import json

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from home.cleaning import has_control_characters

from . import reminders
from .models import Message
from .openapi import DOCUMENT

# RFC 9457 problem details: every error of the API is JSON of this media type,
# in the language of Accept-Language (else the path's), with a 4xx status.
PROBLEM_TYPE = "urn:numeriqc:notifications:problem:"
MAX_BODY_BYTES = 64 * 1024
MAX_DEPTH = 4


def _language(request):
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header[:200]):
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return translation.get_language()


def _problem(request, status, kind, title, detail="", **extensions):
    """A problem details response; `title` and `detail` are lazy strings."""
    with translation.override(_language(request)):
        body = {
            "type": PROBLEM_TYPE + kind,
            "title": str(title),
            "status": status,
            **({"detail": str(detail)} if detail else {}),
            **{name: _translated(value) for name, value in extensions.items()},
        }
        language = translation.get_language()
    response = JsonResponse(body, status=status, content_type=PROBLEM_JSON)
    response["Content-Language"] = language
    return response


def _translated(value):
    if isinstance(value, dict):
        return {key: _translated(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_translated(item) for item in value]
    return value if isinstance(value, int | bool | type(None)) else str(value)


PROBLEM_JSON = "application/problem+json"


def _api_view(*methods):
    """Only `methods`, bearer key only (no cookie, so no CSRF token), and any
    refusal as a problem: wrong method, no key, a body too large."""

    def decorate(view):
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                response = _problem(
                    request, 405, "method-not-allowed", _("Method not allowed.")
                )
                response["Allow"] = ", ".join(methods)
                return response
            key = reminders.authenticate(request.headers.get("Authorization"))
            if key is None:
                response = _problem(
                    request, 401, "unauthorized", _("A valid API key is required.")
                )
                response["WWW-Authenticate"] = 'Bearer realm="numeriqc-notifications"'
                return response
            with translation.override(_language(request)):
                return view(request, key.organization, *args, **kwargs)

        return csrf_exempt(wrapped)

    return decorate


def _read_json(request):
    """The request's JSON, or a problem response."""
    size = int(request.headers.get("Content-Length") or 0)
    if size > MAX_BODY_BYTES:
        return None, _problem(
            request, 413, "too-large", _("The body is larger than 64 KB.")
        )
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, _problem(
            request, 400, "invalid-json", _("The body is not valid JSON.")
        )
    if _depth(data) > MAX_DEPTH:
        return None, _problem(
            request, 400, "invalid-json", _("The JSON is nested too deeply.")
        )
    return data, None


def _depth(value, level=1):
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return max((_depth(item, level + 1) for item in value), default=level)
    return level


@_api_view("POST")
def schedule(request, organization):
    data, problem = _read_json(request)
    if problem is not None:
        return problem
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > 100 or has_control_characters(key):
        return _problem(
            request,
            400,
            "invalid-idempotency-key",
            _("The Idempotency-Key must be at most 100 printable characters."),
        )
    existing = reminders.existing_for_key(organization, key)
    if existing is None:
        wait = reminders.check_limits(organization)
        if wait is not None:
            response = _problem(
                request,
                429,
                "sending-limit",
                _("Sending limit reached."),
                _("Try again in %(seconds)s seconds.") % {"seconds": wait},
                retry_after=wait,
            )
            response["Retry-After"] = str(wait)
            return response
    try:
        message, created = reminders.schedule(organization, data, key)
    except ValidationError as error:
        return _problem(
            request,
            400,
            "invalid-reminder",
            _("The reminder was not scheduled."),
            _("See the errors of each field."),
            fields=error.message_dict,
        )
    except reminders.Conflict:
        return _problem(
            request,
            409,
            "idempotency-conflict",
            _("This Idempotency-Key was used for a different request."),
        )
    response = JsonResponse(reminders.as_json(message), status=201 if created else 200)
    if not created:
        response["Idempotent-Replayed"] = "true"
    return response


def _own_message(organization, pk):
    return (
        Message.objects.filter(
            pk=pk, organization=organization, kind=Message.Kind.REMINDER
        )
        .select_related("template")
        .first()
    )


def _no_such_reminder(request):
    return _problem(request, 404, "not-found", _("No such reminder."))


@_api_view("GET", "HEAD")
def reminder(request, organization, pk):
    message = _own_message(organization, pk)
    if message is None:
        return _no_such_reminder(request)
    return JsonResponse(reminders.as_json(message))


@_api_view("POST")
def cancel(request, organization, pk):
    message = _own_message(organization, pk)
    if message is None:
        return _no_such_reminder(request)
    if not reminders.cancel(message):
        return _problem(
            request,
            409,
            "too-late",
            _("Too late: this reminder is not waiting any more."),
        )
    return JsonResponse(reminders.as_json(message))


@require_GET
def openapi(request):
    return JsonResponse(DOCUMENT)
