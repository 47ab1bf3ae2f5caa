"""Message text: ((placeholders)), optional text, and SMS segment counting."""

import re

NAME = r"[A-Za-z_][\w\-]*"
SIMPLE = re.compile(rf"\(\(({NAME})\)\)")
# ((name??text)): the text may hold single parentheses and ((other)) placeholders.
OPTIONAL = re.compile(
    rf"\(\(({NAME})\?\?((?:\(\({NAME}\)\)|[^()]|\((?!\()|\)(?!\)))*)\)\)"
)


class MissingPlaceholders(ValueError):
    def __init__(self, names):
        self.names = sorted(names)
        super().__init__(", ".join(self.names))


def placeholders(*texts):
    """Names a template needs: plain ((name)) only; ((name??text)) is optional."""
    names = set()
    for text in texts:
        names |= set(SIMPLE.findall(OPTIONAL.sub("", text or "")))
    return names


def render(text, values):
    """Fill ((name)); ((name??text)) shows text only when name has a value."""
    present = {k for k, v in values.items() if _present(v)}
    missing = placeholders(text) - present
    if missing:
        raise MissingPlaceholders(missing)

    def optional(match):
        name, shown = match.groups()
        return shown if name in present else ""

    def simple(match):
        name = match.group(1)
        return str(values[name]) if name in present else ""

    return SIMPLE.sub(simple, OPTIONAL.sub(optional, text or ""))


def preview(text, values):
    """Like render, but a missing value shows as its ((name)) (for the admin)."""
    filled = dict(values)
    for name in placeholders(text):
        if not _present(filled.get(name)):
            filled[name] = f"(({name}))"
    return render(text, filled)


def syntax_errors(text):
    """Double parentheses that are not a placeholder (a typo such as ((name)."""
    rest = SIMPLE.sub("", OPTIONAL.sub("", text or ""))
    return "((" in rest or "))" in rest


def _present(value):
    return value is not None and str(value).strip() != ""


# GSM 03.38: the basic character set, and the extension table (two septets each).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")


def sms_encoding(text):
    """ "GSM-7" when every character fits the GSM alphabet, else "UCS-2"."""
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        return "GSM-7"
    return "UCS-2"


def sms_segments(text):
    """How many SMS segments `text` takes (160/153 septets, or 70/67 UTF-16 units)."""
    if not text:
        return 0
    if sms_encoding(text) == "GSM-7":
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, multi = 160, 153
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi = 70, 67
    if units <= single:
        return 1
    return -(-units // multi)
