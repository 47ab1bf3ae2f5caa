"""The reminders API for organizations: JSON, bearer key, described in OpenAPI."""

import json

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import reminders
from .models import Message
from .openapi import DOCUMENT


def _error(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def _authenticated(view):
    """Bearer key only (no cookie), so no CSRF token is involved."""

    def wrapped(request, *args, **kwargs):
        key = reminders.authenticate(request.headers.get("Authorization"))
        if key is None:
            response = _error(401, "A valid API key is required.")
            response["WWW-Authenticate"] = 'Bearer realm="numeriqc-notifications"'
            return response
        return view(request, key.organization, *args, **kwargs)

    return csrf_exempt(wrapped)


@require_POST
@_authenticated
def schedule(request, organization):
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return _error(400, "The body is not valid JSON.")
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > 100:
        return _error(400, "The Idempotency-Key is longer than 100 characters.")
    existing = reminders.existing_for_key(organization, key)
    if existing is None:
        wait = reminders.check_limits(organization)
        if wait is not None:
            response = _error(429, "Sending limit reached.", retry_after=wait)
            response["Retry-After"] = str(wait)
            return response
    try:
        message, created = reminders.schedule(organization, data, key)
    except ValidationError as error:
        return _error(400, "The reminder was not scheduled.", fields=error.message_dict)
    except reminders.Conflict:
        return _error(409, "This Idempotency-Key was used for a different request.")
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


@require_GET
@_authenticated
def reminder(request, organization, pk):
    message = _own_message(organization, pk)
    if message is None:
        return _error(404, "No such reminder.")
    return JsonResponse(reminders.as_json(message))


@require_http_methods(["POST"])
@_authenticated
def cancel(request, organization, pk):
    message = _own_message(organization, pk)
    if message is None:
        return _error(404, "No such reminder.")
    if not reminders.cancel(message):
        return _error(409, "Too late: this reminder is not waiting any more.")
    return JsonResponse(reminders.as_json(message))


@require_GET
def openapi(request):
    return JsonResponse(DOCUMENT)
