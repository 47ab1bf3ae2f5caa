"""Personal information is masked before anything is stored, ordinary numbers kept."""

import pytest
from django.utils import translation

from feedback.masking import luhn_valid, mask_personal_data


def masked(text, language="fr"):
    with translation.override(language):
        return mask_personal_data(text)


@pytest.mark.parametrize(
    ("text", "kind", "hidden"),
    [
        ("Écrivez-moi à julie.tremblay@example.org svp", "email", "julie.tremblay"),
        ("My email is j.smith+gov@mail.example.ca", "email", "j.smith"),
        ("Appelez-moi au (514) 555-1234 poste 22.", "phone", "555-1234"),
        ("Mon cell : 418.643.1234", "phone", "643.1234"),
        ("Call me at +1 819 555 9876 ext. 5", "phone", "555 9876"),
        ("Toll free 1-800-555-0199", "phone", "555-0199"),
        ("Mon NAS est le 046 454 286.", "sin", "454 286"),
        ("My SIN: 046-454-286", "sin", "454-286"),
        ("NAS 046454286", "sin", "046454286"),
        ("Ma carte d’assurance maladie TREM 8503 1512 est expirée", "health", "8503"),
        ("My health card is GAGM56121512", "health", "GAGM"),
        ("J’habite à Montréal, H2X 1Y4.", "postal_code", "1Y4"),
        ("Postal code: k1a0b1", "postal_code", "k1a0b1"),
        ("Payé avec la carte 4111 1111 1111 1111 hier", "card", "1111 1111"),
        ("Card 5500-0000-0000-0004 was charged", "card", "0000-0004"),
        (
            "J’habite au 1234, rue Sainte-Catherine Est, app. 3",
            "address",
            "Sainte-Catherine",
        ),
        ("au 45 boulevard de la Montagne depuis dix ans", "address", "Montagne"),
        ("I live at 456 Elm Street West, apt 12.", "address", "Elm Street"),
        ("Send it to 78 King St. W please", "address", "King"),
    ],
)
def test_each_kind_of_personal_information_is_masked(text, kind, hidden):
    result = masked(text)
    assert kind in result.kinds
    assert hidden not in result.text


def test_the_placeholder_is_in_the_citizens_language():
    assert masked("julie@example.org", "fr").text == "[courriel masqué]"
    assert masked("julie@example.org", "en").text == "[email removed]"


def test_the_rest_of_the_sentence_is_kept():
    result = masked("J’habite au 45 rue de la Montagne depuis dix ans")
    assert result.text == "J’habite au [adresse masquée] depuis dix ans"


@pytest.mark.parametrize(
    "text",
    [
        "En 2023, j’ai payé 125,50 $ pour le permis (voir la page 12).",
        "Entre 2019 et 2024, le budget était de 450 000 $.",
        "In 2023 I paid $1,299.99, see page 45 and p. 12.",
        "Le projet coûte 123 456 782 $ selon le rapport.",
        "Mon dossier porte le numéro 123 456 789.",
        "Il y avait 3 places et 2 cours gratuits le 15 mars 2024.",
        "J’ai attendu 45 minutes, de 9 h 30 à 10 h 15.",
        "Section 4.2, pages 118 à 134 du rapport 2022-2023.",
    ],
)
def test_ordinary_numbers_are_not_masked(text):
    result = masked(text)
    assert result.text == text
    assert result.kinds == set()


def test_luhn():
    assert luhn_valid("046454286") and luhn_valid("4111111111111111")
    assert not luhn_valid("123456789")
