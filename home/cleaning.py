"""Text as it arrives from outside: control characters out, limits enforced.

A control character (ESC, NUL, a form feed…) is never something a person meant to
type; stored, it breaks exports (XLSX refuses it), PostgreSQL (NUL) or terminals.
Tabs and line breaks are kept. Lone surrogates (from a forged JSON "\\ud800") cannot
be encoded at all, so they go too.
"""

import re

from django import forms

_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_control_characters(text):
    if not isinstance(text, str):
        return text
    return _UNWANTED.sub("", text)


def has_control_characters(text):
    return isinstance(text, str) and _UNWANTED.search(text) is not None


def _stripping(to_python):
    def cleaned(value):
        return strip_control_characters(to_python(value))

    return cleaned


class CleanTextFormMixin:
    """Every text field of the form: control characters stripped, and its
    max_length enforced even when it was set after the field was built."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.to_python = _stripping(field.to_python)
                _enforce_max_length(field)


def _enforce_max_length(field):
    from django.core.validators import MaxLengthValidator

    if field.max_length is None:
        return
    if not any(isinstance(v, MaxLengthValidator) for v in field.validators):
        field.validators.append(MaxLengthValidator(field.max_length))
    field.widget.attrs.setdefault("maxlength", str(field.max_length))


_ID = re.compile(r"[0-9]{1,18}")


def as_id(value, max_digits=18):
    """A positive integer id from outside, or None.

    `str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads
    differently: only ASCII digits are an id.
    """
    text = str(value if value is not None else "").strip()
    if len(text) > max_digits or not _ID.fullmatch(text):
        return None
    return int(text)
