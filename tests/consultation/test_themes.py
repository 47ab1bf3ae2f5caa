"""Free-text themes group French and English answers about the same subject under
one shared theme (issue 23): a bilingual lexicon, accents folded, light stemming
per language."""

import pytest
from django.utils import translation

from consultation import demo
from consultation.models import Answer, Question, Survey
from consultation.themes import find_themes, stem_en, stem_fr
from tests.factories import OrganizationFactory, UserFactory

ANSWERS = [
    (1, "Les délais de traitement sont trop longs."),
    (2, "Processing delays are far too long."),
    (3, "Trop d’attente au téléphone."),
    (4, "Waiting on the phone takes forever."),
    (5, "Le formulaire plante sur mon cellulaire."),
    (6, "The form crashes on my smartphone."),
    (7, "La securite de mes renseignements m’inquiete."),  # typed without accents
    (8, "Sécurité : qui lit mes renseignements?"),
]


def _themes(rows):
    return {theme.term: theme for theme in find_themes(rows)}


def test_french_and_english_answers_land_in_the_same_theme():
    found = _themes(ANSWERS)
    assert found["delays"].answer_ids == [1, 2, 3, 4]
    assert found["mobile"].answer_ids == [3, 4, 5, 6]
    assert found["forms"].answer_ids == [5, 6]
    # Accents folded: "securite" typed without them is "sécurité".
    assert found["security"].answer_ids == [7, 8]
    assert all(found[key].is_shared for key in ("delays", "mobile", "forms"))


@pytest.mark.parametrize(
    ("language", "name"),
    [("fr", "Délais et attente"), ("en", "Delays and waiting")],
)
def test_a_shared_theme_is_named_in_the_readers_language(language, name):
    with translation.override(language):
        assert _themes(ANSWERS)["delays"].label == name


def test_each_language_is_stemmed_by_its_own_rules():
    assert stem_fr("délais") == stem_fr("délai")
    assert stem_fr("formulaires") == stem_fr("formulaire")
    assert stem_en("waiting") == stem_en("wait") == stem_en("waits")
    assert stem_en("delays") == stem_en("delay")
    assert stem_en("accessibilities")  # no error on any ending


def test_words_outside_the_lexicon_still_make_themes():
    found = _themes([(1, "Horaires du bureau"), (2, "horaire du bureau")])
    assert found["horaire"].answer_ids == [1, 2]
    assert found["horaire"].label == "horaire"
    assert found["horaire"].phrases == [("horaire bureau", 2)]


def test_the_demo_shows_at_least_five_bilingual_themes(client, site_tree):
    OrganizationFactory(slug="sct", name="Secrétariat du Conseil du trésor")
    demo.seed()
    survey = Survey.objects.get(title="Les services en ligne")
    question = survey.questions.get(kind=Question.Kind.LONG_TEXT)
    rows = Answer.objects.filter(question=question).exclude(text="")
    assert rows.count() > 400
    found = find_themes(rows.values_list("pk", "text").iterator())
    shared = [theme for theme in found if theme.is_shared]
    assert len(shared) >= 5
    for theme in shared:
        languages = set(
            Answer.objects.filter(pk__in=theme.answer_ids).values_list(
                "response__language", flat=True
            )
        )
        assert languages == {"fr", "en"}, theme.term  # French and English together
    # The analyst reads them in the report, named in the admin's language.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(
        f"/admin/consultation/results/{survey.pk}/text/{question.pk}/",
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert page.status_code == 200
    for theme in shared[:5]:
        with translation.override("fr"):
            assert f"<strong>{theme.label}</strong>" in page.text
