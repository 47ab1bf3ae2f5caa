"""Urgent entries are flagged (threats, self-harm) and profanity is masked."""

import unicodedata

import pytest

from feedback.screening import fold, mask_profanity, urgency_of


@pytest.mark.parametrize(
    "text",
    [
        "Je n’en peux plus, je veux mourir.",
        "J’ai pensé à me suicider cette semaine.",
        "Honestly I want to kill myself after this.",
        "I might hurt myself",
    ],
)
def test_self_harm_is_urgent(text):
    assert urgency_of(text) == "self_harm"


@pytest.mark.parametrize(
    "text",
    [
        "Je vais vous tuer si ça continue.",
        "Il y a une bombe dans votre bureau.",
        "I will kill you all.",
        "You'll pay for this, I have my gun.",
    ],
)
def test_threats_are_urgent(text):
    assert urgency_of(text) == "threat"


@pytest.mark.parametrize(
    "text",
    [
        "Le service est excellent, merci.",
        "The form killed my afternoon.",
        "Je constate que le lien est brisé.",
    ],
)
def test_ordinary_comments_are_not_urgent(text):
    assert urgency_of(text) == ""


def test_urgency_is_read_in_the_suggestion_too():
    assert urgency_of("", "Je vais me tuer") == "self_harm"


def test_profanity_is_masked_whatever_the_accents_or_case():
    assert (
        mask_profanity("C’est du TABARNAK de niaisage")
        == "C’est du T******* de niaisage"
    )
    assert mask_profanity("Câlisse, ça marche pas") == "C******, ça marche pas"
    assert mask_profanity("This is bullshit.") == "This is b*******."


def test_words_that_contain_profanity_are_kept():
    text = "Je constate que la classe passe à l’Escale, Scunthorpe."
    assert mask_profanity(text) == text


@pytest.mark.parametrize(
    "text",
    ["Élève À l’École", "ÇA VA ? İstanbul, Œuvre, straße", "Plain ASCII text!", ""],
)
def test_folding_keeps_one_character_for_one(text):
    """The fast path for plain text folds as the per-character one does."""
    expected = "".join(
        unicodedata.normalize("NFD", char.lower())[0] for char in text.replace("’", "'")
    )
    assert fold(text) == expected and len(fold(text)) == len(text)
