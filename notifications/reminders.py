"""Organizations' reminders: keys, scheduling with idempotency, limits, cancelling."""

import hashlib
import json
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.cleaning import has_control_characters
from home.ratelimit import hit

from . import links
from .consent import normalise_phone
from .models import (
    ApiKey,
    Channel,
    Delivery,
    Message,
    MessageTemplate,
    Priority,
    SendingLimit,
)
from .quiet_hours import MONTREAL
from .services import is_suppressed, new_delivery, queue_after_commit, with_opt_out
from .text import MissingPlaceholders, render, sms_segments

KEY_PREFIX = "nqc_"


def hash_key(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def create_api_key(organization, name):
    """Returns (ApiKey, the key in clear: shown once, never stored)."""
    secret = secrets.token_urlsafe(32)
    raw = f"{KEY_PREFIX}{secret}"
    key = ApiKey.objects.create(
        organization=organization, name=name, prefix=raw[:10], key_hash=hash_key(raw)
    )
    return key, raw


def authenticate(header):
    """The active ApiKey for an "Authorization: Bearer …" header, or None."""
    scheme, _space, raw = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not raw.startswith(KEY_PREFIX):
        return None
    key = (
        ApiKey.objects.select_related("organization")
        .filter(key_hash=hash_key(raw.strip()), revoked_at__isnull=True)
        .first()
    )
    if key is not None:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


def revoke(api_key_id):
    return ApiKey.objects.filter(pk=api_key_id, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def limits_for(organization):
    limit = SendingLimit.objects.filter(organization=organization).first()
    if limit is None:
        return settings.NOTIFICATIONS_API_PER_MINUTE, settings.NOTIFICATIONS_API_PER_DAY
    return limit.per_minute, limit.per_day


def check_limits(organization):
    """None when allowed, else the seconds to wait (for Retry-After)."""
    per_minute, per_day = limits_for(organization)
    start = timezone.localtime(timezone.now(), MONTREAL).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    today = Message.objects.filter(
        organization=organization, kind=Message.Kind.REMINDER, created_at__gte=start
    ).count()
    if today >= per_day:
        tomorrow = start + timedelta(days=1)
        return max(1, int((tomorrow - timezone.now()).total_seconds()))
    allowed, retry_after = hit("notifications-api", organization.pk, per_minute, 60)
    return None if allowed else max(1, retry_after)


def fingerprint(data):
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, default=str).encode()
    ).hexdigest()


def existing_for_key(organization, idempotency_key):
    if not idempotency_key:
        return None
    return Message.objects.filter(
        organization=organization, idempotency_key=idempotency_key
    ).first()


class Conflict(Exception):
    """The Idempotency-Key was already used for a different request."""


def schedule(organization, data, idempotency_key=""):
    """Validate and store one reminder. Returns (message, created).

    Raises ValidationError (field -> messages) on bad input, Conflict when the
    Idempotency-Key was used for another request. The key is UNIQUE in the
    database: two identical requests at once store one reminder.
    """
    print_ = fingerprint(data)
    existing = existing_for_key(organization, idempotency_key)
    if existing is not None:
        return _replay(existing, print_)
    plan = _validated(organization, data)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                kind=Message.Kind.REMINDER,
                organization=organization,
                template=plan["template"],
                priority=plan["priority"],
                send_at=plan["send_at"],
                idempotency_key=idempotency_key,
                request_fingerprint=print_,
            )
            delivery = new_delivery(
                message,
                plan["channel"],
                plan["to"],
                plan["language"],
                plan["subject"],
                plan["body"],
                personalisation=plan["values"],
                unsubscribe_url=plan["unsubscribe_url"],
            )
            delivery.save()
            queue_after_commit([delivery])
    except IntegrityError:
        return _replay(existing_for_key(organization, idempotency_key), print_)
    return message, True


def _replay(message, print_):
    if message.request_fingerprint != print_:
        raise Conflict
    return message, False


# What a caller may send: a few short values, a message of reasonable size.
MAX_VALUES = 30
MAX_NAME_LENGTH = 40
MAX_VALUE_LENGTH = 500
MAX_BODY_LENGTH = 10_000
TEXT_FIELDS = ("template", "language", "priority", "email", "phone", "send_at")


def _validated(organization, data):
    errors = {}
    if not isinstance(data, dict):
        raise ValidationError({"body": [_("Send a JSON object.")]})
    _check_text_fields(data, errors)
    if errors:
        raise ValidationError(errors)
    channel, to = _recipient(data, errors)
    language = data.get("language", "fr")
    if language not in ("fr", "en"):
        errors["language"] = [_('Use "fr" or "en".')]
    priority = data.get("priority", Priority.NORMAL)
    if priority not in Priority.values:
        errors["priority"] = [_('Use "normal" or "bulk".')]
    values = _personalisation(data.get("personalisation") or {}, errors)
    send_at = _send_at(data.get("send_at"), errors)
    template = None
    if channel and not errors.get("language"):
        template = _template(organization, data.get("template", ""), language, channel)
        if template is None:
            errors["template"] = [
                _("No template %(slug)s in %(language)s for %(channel)s.")
                % {
                    "slug": repr(str(data.get("template", ""))[:60]),
                    "language": language,
                    "channel": channel,
                }
            ]
    if errors:
        raise ValidationError(errors)
    if is_suppressed(channel, to, organization.pk):
        raise ValidationError({"recipient": [_("This recipient has opted out.")]})
    subject, body = _rendered(template, values)
    if len(subject) + len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            {
                "personalisation": [
                    _("The message would be longer than %(limit)s characters.")
                    % {"limit": MAX_BODY_LENGTH}
                ]
            }
        )
    unsubscribe_url = ""
    if channel == Channel.SMS:
        body = with_opt_out(body, language)
        if sms_segments(body) > template.max_segments:
            raise ValidationError(
                {
                    "personalisation": [
                        _(
                            "The text message would take %(segments)s segments; "
                            "this template allows %(limit)s."
                        )
                        % {
                            "segments": sms_segments(body),
                            "limit": template.max_segments,
                        }
                    ]
                }
            )
    else:
        token = links.reminder_unsubscribe_token(organization.pk, channel, to)
        unsubscribe_url = links.unsubscribe_url(language, token)
        # Also in the text: not every mail client shows List-Unsubscribe.
        with override(language):
            body += "\n\n" + _("To stop receiving these messages: %(url)s") % {
                "url": unsubscribe_url
            }
    return {
        "channel": channel,
        "to": to,
        "language": language,
        "priority": priority,
        "values": values,
        "send_at": send_at,
        "template": template,
        "subject": subject,
        "body": body,
        "unsubscribe_url": unsubscribe_url,
    }


def _check_text_fields(data, errors):
    """Each text field: a string (or absent), printable, of a sane length."""
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            errors[name] = [_("Send a string.")]
        elif len(value) > 254:
            errors[name] = [_("At most 254 characters.")]
        elif has_control_characters(value):
            errors[name] = [_("Remove the control characters.")]


def _personalisation(values, errors):
    """Names and values as strings; numbers are written out, nothing nested."""
    if not isinstance(values, dict):
        errors["personalisation"] = [_("Send an object of names and values.")]
        return {}
    problems = []
    if len(values) > MAX_VALUES:
        problems.append(_("At most %(count)s values.") % {"count": MAX_VALUES})
    clean = {}
    for name, value in list(values.items())[:MAX_VALUES]:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.append(_("%(name)s: send a string.") % {"name": name[:40]})
            continue
        text = str(value)
        if len(name) > MAX_NAME_LENGTH or has_control_characters(name):
            problems.append(_("A name is too long or not printable."))
        elif len(text) > MAX_VALUE_LENGTH:
            problems.append(
                _("%(name)s: at most %(limit)s characters.")
                % {"name": name, "limit": MAX_VALUE_LENGTH}
            )
        elif has_control_characters(text.replace("\n", "")):
            problems.append(
                _("%(name)s: remove the control characters.") % {"name": name}
            )
        else:
            clean[name] = text
    if problems:
        errors["personalisation"] = problems
    return clean


def _template(organization, slug, language, channel):
    return MessageTemplate.objects.filter(
        organization=organization,
        slug=str(slug)[:60],
        language=language,
        channel=channel,
    ).first()


def _recipient(data, errors):
    email, phone = data.get("email"), data.get("phone")
    if bool(email) == bool(phone):
        errors["recipient"] = [_('Give either "email" or "phone".')]
        return None, None
    if email:
        try:
            validate_email(str(email))
        except ValidationError:
            errors["email"] = [_("Enter a valid email address.")]
            return None, None
        return Channel.EMAIL, str(email).strip().lower()
    number = normalise_phone(str(phone))
    if number is None:
        errors["phone"] = [_("Enter a valid mobile number.")]
        return None, None
    return Channel.SMS, number


def _send_at(value, errors):
    if value in (None, ""):
        return timezone.now()
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:  # well formed, but no such day (30 February)
        moment = None
    if moment is None:
        errors["send_at"] = [_("Use an ISO 8601 date and time that exists.")]
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=MONTREAL)
    if moment > timezone.now() + timedelta(days=366):
        errors["send_at"] = [_("At most one year ahead.")]
    return max(moment, timezone.now())


def _rendered(template, values):
    try:
        return render(template.subject, values), render(template.body, values)
    except MissingPlaceholders as missing:
        raise ValidationError(
            {
                "personalisation": [
                    _("Missing values for: %(names)s.")
                    % {"names": ", ".join(missing.names)}
                ]
            }
        ) from missing


def cancel(message):
    """Cancel what is not sent yet. Returns how many deliveries were cancelled."""
    with transaction.atomic():
        cancelled = Delivery.objects.filter(
            message=message, status=Delivery.Status.CREATED
        ).update(status=Delivery.Status.CANCELLED, failure_reason="cancelled by API")
        if cancelled:
            Message.objects.filter(pk=message.pk).update(cancelled_at=timezone.now())
    return cancelled


def as_json(message):
    delivery = message.deliveries.first()
    return {
        "id": message.pk,
        "status": delivery.status if delivery else "cancelled",
        "channel": delivery.channel if delivery else None,
        "priority": message.priority,
        "send_at": message.send_at.isoformat(),
        "sent_at": delivery.sent_at.isoformat()
        if delivery and delivery.sent_at
        else None,
        "failure_reason": delivery.failure_reason if delivery else "",
        "template": message.template.slug if message.template_id else None,
    }
