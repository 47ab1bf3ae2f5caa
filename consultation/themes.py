"""Recurring themes in free-text answers, in French and in English.

Frequent terms and two-word phrases, without stop words, grouped under the term
they share; each theme keeps the ids of the answers behind it. The texts are read
row by row (`.iterator()`): the counting of terms cannot be done by the database
portably, but nothing else is loaded.
"""

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

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


@dataclass
class Theme:
    term: str
    count: int
    phrases: list = field(default_factory=list)  # (phrase, count)
    answer_ids: list = field(default_factory=list)


def _fold(word):
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def terms_of(text):
    """Content words of a text: lower case, without accents, no stop words."""
    words = []
    for match in WORD.finditer(text):
        word = match.group().casefold()
        word = re.sub(r"^(?:l|d|j|qu|n|s|c|m|t)['’]", "", word)
        if len(word) < MIN_LENGTH or word in STOP_WORDS:
            continue
        words.append(_stem(_fold(word)))
    return words


def _stem(word):
    """Plural endings only: "services" and "service" are one term."""
    for suffix in ("aux", "s", "x"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + ("al" if suffix == "aux" else "")
    return word


def find_themes(rows, limit=12, min_count=2, answers_per_theme=50):
    """Themes from (answer id, text) rows, most frequent first."""
    term_counts, phrase_counts = Counter(), Counter()
    answers_of = defaultdict(list)
    phrases_of = defaultdict(Counter)
    for answer_id, text in rows:
        words = terms_of(text)
        unique_terms = list(dict.fromkeys(words))  # in reading order: stable ties
        term_counts.update(unique_terms)
        for term in unique_terms:
            if len(answers_of[term]) < answers_per_theme:
                answers_of[term].append(answer_id)
        pairs = dict.fromkeys(
            f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != b
        )
        phrase_counts.update(list(pairs))
        for pair in pairs:
            for term in pair.split():
                phrases_of[term][pair] += 1
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
        # A frequent phrase absorbs its other term, so the map has no duplicates.
        for phrase, _n in phrases:
            covered.update(phrase.split())
        themes.append(Theme(term, count, phrases, answers_of[term]))
    return themes
