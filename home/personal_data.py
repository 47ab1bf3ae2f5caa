"""Everything the platform holds about one person (Loi 25: access, portability,
erasure), found by their email address.

The kernel knows no feature app: each app answers for its own rows through two
hooks registered in its `wagtail_hooks.py`:

- "numeriqc_personal_data": fn(email) -> [Section, ...]
- "numeriqc_erase_personal_data": fn(email) -> number of records removed

The person reaches the result through a signed link sent to that address, so
only whoever reads the mailbox sees or deletes what is held about it.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail import hooks

SALT = "home.personal_data"
# Long enough to open the message, short enough that a forwarded link dies.
TOKEN_MAX_AGE = 24 * 3600


@dataclass
class Section:
    """One kind of record: `key` is stable (JSON), `title` is translated."""

    key: str
    title: str
    records: list = field(default_factory=list)  # [[(name, label, value), ...]]


def fields_of(instance, names):
    """[(name, label, value)] of a model instance, choices shown by their label.

    A name is a field with a translated verbose name, or (name, label) for a field
    that has none."""
    result = []
    for item in names:
        name, label = item if isinstance(item, tuple) else (item, None)
        model_field = instance._meta.get_field(name)
        value = getattr(instance, name)
        if model_field.choices and value not in (None, ""):
            value = str(getattr(instance, f"get_{name}_display")())
        result.append((name, str(label or model_field.verbose_name), value))
    return result


def normalise(email):
    return (email or "").strip().casefold()


def token_for(email):
    return signing.dumps(normalise(email), salt=SALT)


def email_from_token(token):
    """The address a link was made for, or None when forged, altered or too old."""
    try:
        email = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return email if isinstance(email, str) and email else None


def collect(email):
    """Every section held about `email`, in the order the apps registered them."""
    email = normalise(email)
    sections = []
    for hook in hooks.get_hooks("numeriqc_personal_data"):
        sections.extend(section for section in hook(email) if section.records)
    return sections


@transaction.atomic
def erase(email):
    """Delete everything held about `email`; the number of records removed."""
    email = normalise(email)
    return sum(hook(email) for hook in hooks.get_hooks("numeriqc_erase_personal_data"))


def as_json(email, sections):
    document = {
        "email": normalise(email),
        "generated_at": timezone.now(),
        "sections": {
            section.key: {
                "title": section.title,
                "records": [
                    {name: value for name, _label, value in record}
                    for record in section.records
                ],
            }
            for section in sections
        },
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def readable(value):
    """A value as a person reads it, in the active language."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, list | tuple):
        return "; ".join(readable(item) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {readable(item)}" for key, item in value.items())
    return str(value)


def as_text(email, sections):
    lines = [
        _("What numériQc holds about %(email)s") % {"email": normalise(email)},
        _("Prepared on %(date)s")
        % {"date": formats.date_format(timezone.localtime(), "DATETIME_FORMAT")},
        "",
    ]
    if not sections:
        lines.append(_("We hold nothing about this address."))
    for section in sections:
        lines.extend([section.title, "=" * len(section.title)])
        for record in section.records:
            lines.extend(f"{label}: {readable(value)}" for _n, label, value in record)
            lines.append("")
    return "\n".join(lines) + "\n"


def for_display(sections):
    """[(title, [[(label, text), ...], ...])] for a page, in the active language."""
    return [
        (
            section.title,
            [
                [(label, readable(value)) for _n, label, value in record]
                for record in section.records
            ],
        )
        for section in sections
    ]
