"""Personal information is masked out of citizens' text before anything is written.

Citizens are told not to write personal information, and some do anyway. What is
stored is the masked text: the original never reaches the database, a log or an
email. Each pattern errs towards masking, except where an ordinary number would be
lost: nine-digit and card numbers are masked only when their Luhn check passes,
so that a file number, a year, a price or a page number survives.

    masked = mask_personal_data("Écrivez-moi à julie@example.org")
    masked.text   -> "Écrivez-moi à [courriel masqué]" (in the active language)
    masked.kinds  -> {"email"}
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# What replaces each kind of information. Shown to staff in the triage queue.
PLACEHOLDERS = {
    "email": _("[email removed]"),
    "card": _("[card number removed]"),
    "health": _("[health insurance number removed]"),
    "sin": _("[social insurance number removed]"),
    "phone": _("[telephone number removed]"),
    "postal_code": _("[postal code removed]"),
    "address": _("[address removed]"),
}

# A number followed by a currency or a percentage is an amount, never an identifier.
_NOT_AN_AMOUNT = r"(?!\s?(?:\$|\u00a0\$|%|dollars?\b|CAD\b|\$))"
_NO_DIGIT_BEFORE = r"(?<![\d$])"
_NO_DIGIT_AFTER = r"(?![\d])"

EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+\s?(?:@|\(at\)|\[at\])\s?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
    re.IGNORECASE,
)

# 13 to 19 digits, in groups separated by spaces or hyphens (checked with Luhn).
CARD = re.compile(
    _NO_DIGIT_BEFORE + r"(?:\d[ \-]?){12,18}\d" + _NO_DIGIT_AFTER + _NOT_AN_AMOUNT
)

# Québec health insurance number (RAMQ): four letters, then the birth date as
# YYMMDD (month + 50 for women) and two digits: "TREM 8503 1512".
HEALTH_NUMBER = re.compile(
    r"\b[A-Z]{3}[A-Z]\s?-?\s?\d{2}(?P<month>[0-6]\d)\s?-?\s?(?P<day>[0-3]\d)\d{2}\b",
    re.IGNORECASE,
)

# Social insurance number: nine digits, alone or as 3-3-3 (checked with Luhn).
SIN = re.compile(
    _NO_DIGIT_BEFORE
    + r"\d{3}(?P<sep>[ \-.]?)\d{3}(?P=sep)\d{3}"
    + _NO_DIGIT_AFTER
    + _NOT_AN_AMOUNT
)

# North American numbering plan: area code and exchange never start with 0 or 1.
PHONE = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?:\+?1[\s.\-]?)?"
    + r"(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.\-]?[2-9]\d{2}[\s.\-]?\d{4}"
    + _NO_DIGIT_AFTER
    + r"(?:\s*(?:,\s*)?(?:poste|post\.|ext\.?|extension|x)\s*\d{1,6})?",
    re.IGNORECASE,
)

# Canadian postal code (the first letter is never D, F, I, O, Q, U, W or Z).
POSTAL_CODE = re.compile(
    r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]?\d[ABCEGHJ-NPRSTV-Z]\d\b",
    re.IGNORECASE,
)

_FRENCH_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|boul\.?|bd|chemin|ch\.|route|rte|rang|place|pl\."
    r"|côte|cote|montée|montee|allée|allee|impasse|croissant|promenade|terrasse"
    r"|carré|carre|cours|ruelle|voie|autoroute|square|sentier|parc"
)
_ENGLISH_STREET_TYPES = (
    r"street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|ln\.?"
    r"|way|court|ct\.?|crescent|cres\.?|place|pl\.?|terrace|highway|hwy\.?|circle"
    r"|parkway|pkwy\.?|square|sq\.?"
)
# A civic number, optionally with a unit ("12-345") or a letter ("345A").
_CIVIC = r"\b(?:\d{1,5}\s?-\s?)?\d{1,6}[A-Za-z]?,?\s+"
_ORDINAL = r"(?:\d{1,3}(?:e|er|re|ième|th|st|nd|rd)\s+)?"
# A street's name: capitalised words, possibly after particles ("de la", "l'").
_PARTICLES = r"(?:(?:de|du|des|la|le|les|of|the)\s+|[dl]['’])*"
_NAME_WORD = _PARTICLES + r"[A-ZÀ-Ý0-9][\w'’\-]*\.?"
_DIRECTION = r"(?:\s+(?:Est|Ouest|Nord|Sud|East|West|North|South|[ENOSW]\.?)(?!\w))?"
_UNIT = (
    r"(?:,?\s+(?i:app\.?|appartement|apt\.?|apartment|unit|suite|bureau|local)"
    r"\s*\d+[A-Za-z]?)?"
)

FRENCH_ADDRESS = re.compile(
    _CIVIC
    + _ORDINAL
    + rf"(?i:{_FRENCH_STREET_TYPES})\s+"
    + rf"{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,4}}"
    + _DIRECTION
    + _UNIT
)
ENGLISH_ADDRESS = re.compile(
    _CIVIC
    + r"(?:[A-ZÀ-Ý0-9][\w'’\-]*\.?\s+){1,4}"
    + rf"(?i:{_ENGLISH_STREET_TYPES})(?!\w)"
    + _DIRECTION
    + _UNIT
)


def luhn_valid(digits):
    """The Luhn checksum used by social insurance and card numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _digits(text):
    return re.sub(r"\D", "", text)


def _is_card(match):
    digits = _digits(match.group())
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


def _is_sin(match):
    return luhn_valid(_digits(match.group()))


def _is_health_number(match):
    month, day = int(match.group("month")), int(match.group("day"))
    return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31


# In order: longer and more specific patterns first, so that a card number is not
# taken for a telephone number, nor a health insurance number for a postal code.
RULES = [
    ("email", EMAIL, None),
    ("card", CARD, _is_card),
    ("health", HEALTH_NUMBER, _is_health_number),
    ("sin", SIN, _is_sin),
    ("phone", PHONE, None),
    ("postal_code", POSTAL_CODE, None),
    ("address", FRENCH_ADDRESS, None),
    ("address", ENGLISH_ADDRESS, None),
]


@dataclass
class MaskedText:
    text: str
    kinds: set = field(default_factory=set)


def mask_personal_data(text):
    """The text with every piece of personal information replaced by a placeholder.

    Placeholders are in the active language: call it inside
    `translation.override(language)` with the language the citizen wrote in.
    """
    result = MaskedText(text or "")
    for kind, pattern, accept in RULES:
        result.text = _replace(result, kind, pattern, accept)
    return result


def _replace(result, kind, pattern, accept):
    def substitute(match):
        if accept is not None and not accept(match):
            return match.group()
        result.kinds.add(kind)
        return str(PLACEHOLDERS[kind])

    return pattern.sub(substitute, result.text)
