"""OpenAPI 3.1 description of the reminders API, served at .../api/v1/openapi.json."""

_ERROR = {"$ref": "#/components/schemas/Error"}
_REMINDER = {"$ref": "#/components/schemas/Reminder"}


def _json(schema, description):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "numériQc notifications — reminders API",
        "version": "1.0.0",
        "description": (
            "Schedule email and SMS reminders from an organization's templates. "
            "Authenticate with `Authorization: Bearer <key>` (one key per "
            "organization, created and revoked in the admin). Paths are served "
            "under /fr/notifications/ and /en/notifications/."
        ),
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "NewReminder": {
                "type": "object",
                "required": ["template"],
                "properties": {
                    "template": {
                        "type": "string",
                        "description": "Template identifier",
                    },
                    "language": {
                        "type": "string",
                        "enum": ["fr", "en"],
                        "default": "fr",
                    },
                    "email": {"type": "string", "format": "email"},
                    "phone": {"type": "string", "example": "+15145550123"},
                    "personalisation": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                    },
                    "send_at": {"type": "string", "format": "date-time"},
                    "priority": {
                        "type": "string",
                        "enum": ["normal", "bulk"],
                        "default": "normal",
                    },
                },
                "description": "Give exactly one of email or phone.",
            },
            "Reminder": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "status": {
                        "type": "string",
                        "enum": [
                            "created",
                            "sending",
                            "sent",
                            "delivered",
                            "failed",
                            "cancelled",
                        ],
                    },
                    "channel": {"type": "string", "enum": ["email", "sms"]},
                    "priority": {"type": "string"},
                    "send_at": {"type": "string", "format": "date-time"},
                    "sent_at": {"type": ["string", "null"], "format": "date-time"},
                    "failure_reason": {"type": "string"},
                    "template": {"type": ["string", "null"]},
                },
            },
            "Error": {
                "type": "object",
                "properties": {
                    "error": {"type": "string"},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "array",
                            "items": {"type": "string"},
                        },
                    },
                    "retry_after": {"type": "integer"},
                },
            },
        },
    },
    "security": [{"bearer": []}],
    "paths": {
        "/fr/notifications/api/v1/reminders/": {
            "post": {
                "summary": "Schedule a reminder",
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "schema": {"type": "string", "maxLength": 100},
                        "description": (
                            "Repeat the request with the same key: the first result "
                            "is returned (200) instead of a second reminder."
                        ),
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/NewReminder"}
                        }
                    },
                },
                "responses": {
                    "201": _json(_REMINDER, "Scheduled"),
                    "200": _json(_REMINDER, "Replay of an Idempotency-Key"),
                    "400": _json(_ERROR, "Invalid (missing placeholders, too long…)"),
                    "401": _json(_ERROR, "No valid key"),
                    "409": _json(_ERROR, "Idempotency-Key used for another request"),
                    "429": {
                        "description": "Per-minute or per-day limit reached",
                        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                    },
                },
            }
        },
        "/fr/notifications/api/v1/reminders/{id}/": {
            "get": {
                "summary": "A reminder's status",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": _json(_REMINDER, "The reminder"),
                    "404": _json(_ERROR, "Not one of yours"),
                },
            }
        },
        "/fr/notifications/api/v1/reminders/{id}/cancel/": {
            "post": {
                "summary": "Cancel a reminder not sent yet",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": _json(_REMINDER, "Cancelled"),
                    "404": _json(_ERROR, "Not one of yours"),
                    "409": _json(_ERROR, "Already sent or sending"),
                },
            }
        },
    },
}
