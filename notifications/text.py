"""Message text: ((placeholders)), optional text, and SMS segment counting."""

import re

PLACEHOLDER = re.compile(r"\(\(([A-Za-z_][\w\-]*)(\?\?(.*?))?\)\)", re.DOTALL)


class MissingPlaceholders(ValueError):
    def __init__(self, names):
        self.names = sorted(names)
        super().__init__(", ".join(self.names))


def placeholders(*texts):
    """Names a template needs: plain ((name)) only; ((name??text)) is optional."""
    names = set()
    for text in texts:
        for match in PLACEHOLDER.finditer(text or ""):
            if match.group(2) is None:
                names.add(match.group(1))
    return names


def render(text, values):
    """Fill ((name)); ((name??text)) shows text only when name has a value."""
    missing = placeholders(text) - {k for k, v in values.items() if _present(v)}
    if missing:
        raise MissingPlaceholders(missing)

    def substitute(match):
        name, optional, shown = match.groups()
        if optional is None:
            return str(values[name])
        return render(shown, values) if _present(values.get(name)) else ""

    return PLACEHOLDER.sub(substitute, text or "")


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
