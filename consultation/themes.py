"""Recurring themes in free-text answers, in French and in English.

Frequent terms and two-word phrases, without stop words, grouped under the term
they share; each theme keeps the ids of the answers behind it. Words of a
bilingual lexicon (LEXICON) are grouped under a shared theme key, whatever the
language they were written in: "délais d’attente" and "waiting times" are one
theme. The texts are read row by row (`.iterator()`): the counting of terms
cannot be done by the database portably, but nothing else is loaded.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import get_language

from home.folding import fold

STOP_WORDS = frozenset(
    """
    a à afin ai aie aient ainsi alors au aucun aussi autre aux avec avoir avons ayant
    bien c ça car ce ceci cela celle celles celui ces cet cette ceux chaque chez ci
    comme comment d dans de des donc dont du elle elles en encore entre est et été
    être eu eux fait faire faut fois font il ils j je jusqu l la le les leur leurs
    lui m ma mais me même mes moi moins mon n ne ni non nos notre nous on ont ou où
    par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels
    qui quoi s sa sans se ses si sien son sont sous sur t ta te tes toi ton tous tout
    toute toutes très trop tu un une unes uns vos votre vous y déjà sera serait devrait
    the and or of to in for on with at by from as is are was were be been being it
    its this that these those i me my we our you your he she they them their what
    which who whom how why when where there here not no yes do does did done have has
    had having can could should would will just than then so such too very
    much many more most
    other some any all each few only own same also into about over after before
    again further once an if but because until while up down out off
    """.split()  # noqa: SIM905 - a readable block of words
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
MIN_LENGTH = 3


# Shared theme key: ((French name, English name), French words, English words).
# Words are written as people write them; they are folded and stemmed like the
# answers (stem_fr, stem_en), so that each listed word stands for its inflections.
LEXICON = {
    "delays": (
        ("Délais et attente", "Delays and waiting"),
        "délai délais attente attendre attendu lent lente lenteur traitement",
        "delay delays wait waiting waited slow slowly processing",
    ),
    "forms": (
        ("Formulaires", "Forms"),
        "formulaire formulaires",
        "form forms",
    ),
    "mobile": (
        ("Téléphone et mobile", "Phone and mobile"),
        "téléphone cellulaire mobile application appli",
        "phone smartphone mobile app application",
    ),
    "account": (
        ("Compte unique et connexion", "Single account and sign-in"),
        "compte comptes connexion identifiant identifiants",
        "account accounts login sign-in signin password",
    ),
    "clarity": (
        ("Clarté des messages", "Clear messages"),
        "clarté clair claire clairs compréhensible message messages erreur erreurs",
        "clear clarity understandable confusing message messages error errors",
    ),
    "accessibility": (
        ("Accessibilité", "Accessibility"),
        "accessibilité accessible handicap malvoyant",
        "accessibility accessible disability disabled blind",
    ),
    "security": (
        ("Sécurité et vie privée", "Security and privacy"),
        "sécurité sécuritaire confidentialité renseignements piratage",
        "security secure privacy confidential hacking",
    ),
    "help": (
        ("Aide d’une personne", "Help from a person"),
        "aide aider soutien agent humain personne",
        "help support agent human person",
    ),
}


@dataclass
class Theme:
    term: str  # the theme's key: a LEXICON key or the (stemmed) term itself
    count: int
    phrases: list = field(default_factory=list)  # (phrase, count)
    answer_ids: list = field(default_factory=list)

    @property
    def label(self):
        """The theme's name in the reader's language (a lexicon theme), else its
        term."""
        entry = LEXICON.get(self.term)
        if entry is None:
            return self.term
        french, english = entry[0]
        return french if (get_language() or "fr").startswith("fr") else english

    @property
    def is_shared(self):
        """Grouped through the bilingual lexicon (both languages together)."""
        return self.term in LEXICON


def _words(text):
    """Content words of a text: lower case, without accents, no stop words."""
    words = []
    for match in WORD.finditer(text):
        word = match.group().casefold()
        word = re.sub(r"^(?:l|d|j|qu|n|s|c|m|t)['’]", "", word)
        if len(word) < MIN_LENGTH or word in STOP_WORDS:
            continue
        words.append(fold(word))
    return words


def terms_of(text):
    """The words of a text, their plurals made singular."""
    return [_stem(word) for word in _words(text)]


# Light stemmers: the endings of inflection and of a few derivations, longest
# first, removed while the stem keeps at least STEM_LENGTH letters.
STEM_LENGTH = 4
FRENCH_ENDINGS = [
    "issements",
    "issement",
    "ements",
    "ement",
    "ations",
    "ation",
    "ateurs",
    "ateur",
    "atrices",
    "atrice",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ites",
    "ite",
    "iques",
    "ique",
    "ables",
    "able",
    "ibles",
    "ible",
    "aires",
    "aire",
    "ees",
    "ee",
    "es",
    "er",
    "ez",
    "re",
    "e",
    "s",
    "x",
]
ENGLISH_ENDINGS = ["ingly", "ing", "edly", "ed", "ies", "es", "s", "ly"]


def _strip(word, endings):
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_LENGTH:
            return word[: -len(ending)]
    return word


def stem_fr(word):
    """ "délais" -> "delai", "attente" -> "attent", "formulaires" -> "formulair"."""
    word = fold(word)
    if word.endswith("aux") and len(word) > 6:
        return word[:-3] + "al"
    return _strip(_strip(word, ("s", "x")), FRENCH_ENDINGS)


def stem_en(word):
    """ "waiting" -> "wait", "delays" -> "delay", "forms" -> "form"."""
    word = fold(word)
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    return _strip(word, ENGLISH_ENDINGS)


def _index(lexicon):
    """{("fr" or "en", stem): theme key} of every word of the lexicon."""
    index = {}
    for key, (_names, french, english) in lexicon.items():
        for word in french.split():
            index[("fr", stem_fr(word))] = key
        for word in english.split():
            index[("en", stem_en(word))] = key
    return index


LEXICON_INDEX = _index(LEXICON)


def theme_key(word):
    """The shared theme of a (folded) word, read as French then as English;
    else its own singular form."""
    return (
        LEXICON_INDEX.get(("fr", stem_fr(word)))
        or LEXICON_INDEX.get(("en", stem_en(word)))
        or _stem(word)
    )


def _stem(word):
    """Plural endings only: "services" and "service" are one term."""
    for suffix in ("aux", "s", "x"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + ("al" if suffix == "aux" else "")
    return word


def find_themes(rows, limit=12, min_count=2, answers_per_theme=50):
    """Themes from (answer id, text) rows, most frequent first."""
    term_counts, phrase_counts = Counter(), Counter()
    keys_of = {}  # term -> theme key
    answers_of = defaultdict(list)
    phrases_of = defaultdict(Counter)
    for answer_id, text in rows:
        folded = _words(text)
        words = [_stem(word) for word in folded]
        keys_of.update(zip(words, (theme_key(word) for word in folded), strict=True))
        # In reading order: stable ties. One count per answer and theme.
        unique_terms = list(dict.fromkeys(keys_of[word] for word in words))
        term_counts.update(unique_terms)
        for term in unique_terms:
            if len(answers_of[term]) < answers_per_theme:
                answers_of[term].append(answer_id)
        pairs = dict.fromkeys(
            f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != b
        )
        phrase_counts.update(list(pairs))
        for pair in pairs:
            for key in dict.fromkeys(keys_of[term] for term in pair.split()):
                phrases_of[key][pair] += 1
    themes, covered = [], set()
    for term, count in term_counts.most_common():
        if count < min_count or len(themes) >= limit:
            break
        if term in covered:
            continue
        phrases = [
            (phrase, n)
            for phrase, n in phrases_of[term].most_common(3)
            if n >= min_count
        ]
        # A frequent phrase absorbs its other term, so the map has no duplicates
        # (a lexicon theme stays: it gathers more than that phrase).
        for phrase, _n in phrases:
            covered.update(
                keys_of[word] for word in phrase.split() if keys_of[word] not in LEXICON
            )
        themes.append(Theme(term, count, phrases, answers_of[term]))
    return themes
