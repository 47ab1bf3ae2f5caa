"""Words that need a person's attention (threats, self-harm) and words to mask.

Matching ignores case and accents ("Tabarnak", "tabárnak") and works on whole
words, so that "constater" is not taken for "con", nor "Scunthorpe" for anything.
The lists are short on purpose: they flag an entry for a person to read, they do
not judge it. Organizations see urgent entries first and in their digest.
"""

import functools
import re
import unicodedata

# Phrases that announce harm to oneself (French and English).
SELF_HARM = [
    r"me suicider",
    r"suicid\w*",
    r"me tuer",
    r"m'enlever la vie",
    r"mettre fin a mes jours",
    r"en finir avec la vie",
    r"je veux mourir",
    r"envie de mourir",
    r"me faire du mal",
    r"me pendre",
    r"kill myself",
    r"end my life",
    r"take my own life",
    r"want to die",
    r"hurt myself",
    r"self[- ]harm",
]

# Phrases that announce harm to others (French and English).
THREAT = [
    r"(?:vous|te|les|le|la) tuer",
    r"(?:vais|va|allons) (?:tout )?(?:faire sauter|tirer sur)",
    r"faire sauter (?:le|la|les|vos|votre) \w+",
    r"une bombe",
    r"mon (?:fusil|arme)",
    r"vous allez (?:le )?payer",
    r"kill (?:you|them|him|her|everyone)",
    r"blow (?:up|it up)",
    r"a bomb",
    r"shoot (?:you|them|up|everyone)",
    r"my (?:gun|rifle)",
    r"you(?:'ll| will) pay for (?:this|it)",
]

# Profanity (French, Québec French and English), masked in what is stored.
PROFANITY = [
    r"tabarn\w*",
    r"tabernak\w*",
    r"cr[iy]ss\w*",
    r"cal[iy]ss\w*",
    r"ostie?s?",
    r"hostie?s?",
    r"esti",
    r"ciboire",
    r"sacrament",
    r"viarge",
    r"calvaire",
    r"putain",
    r"merde\w*",
    r"connard\w*",
    r"connasse\w*",
    r"salope\w*",
    r"encul\w*",
    r"fuck\w*",
    r"motherfuck\w*",
    r"shit\w*",
    r"bullshit",
    r"bitch\w*",
    r"asshole\w*",
    r"bastard\w*",
    r"dickhead\w*",
]


def _alternatives(phrases):
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


SELF_HARM_PATTERN = _alternatives(SELF_HARM)
THREAT_PATTERN = _alternatives(THREAT)
PROFANITY_PATTERN = _alternatives(PROFANITY)


def fold(text):
    """Lower-case, accents removed, one character for one: positions are kept."""
    text = text.replace("’", "'")
    if text.isascii():  # most comments: nothing to strip, one C call
        return text.lower()
    return "".join(map(_fold_character, text))


@functools.lru_cache(maxsize=4096)
def _fold_character(char):
    return unicodedata.normalize("NFD", char.lower())[0]


def urgency_of(*texts):
    """ "self_harm", "threat" or "" for the texts a citizen wrote."""
    folded = " ".join(fold(text) for text in texts if text)
    if SELF_HARM_PATTERN.search(folded):
        return "self_harm"
    if THREAT_PATTERN.search(folded):
        return "threat"
    return ""


def mask_profanity(text):
    """Each profane word keeps its first letter: "t******"."""
    folded = fold(text)
    pieces, position = [], 0
    for match in PROFANITY_PATTERN.finditer(folded):
        start, end = match.span()
        pieces.append(text[position:start])
        pieces.append(text[start] + "*" * (end - start - 1))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
