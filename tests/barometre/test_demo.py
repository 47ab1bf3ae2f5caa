"""The demo: one seed builds the bilingual Baromètre; a second changes nothing."""

from barometre.demo import INDICATORS, QUARTERS
from barometre.models import BarometrePage, Edition, Indicator, Measurement
from tests.seeding import seed_demo_of


def counts():
    return {
        "pages": BarometrePage.objects.count(),
        "indicators": Indicator.objects.count(),
        "measurements": Measurement.objects.count(),
        "editions": Edition.objects.count(),
    }


def test_seed_demo_builds_the_barometre_in_both_languages_once(client, db):
    seed_demo_of("barometre")
    first = counts()
    assert first["pages"] == 2
    assert Indicator.objects.filter(locale__language_code="fr").count() == 10
    assert Indicator.objects.filter(locale__language_code="en").count() == 10
    # Two years of quarterly measurements, plus today's computed snapshots maybe.
    assert first["measurements"] >= len(INDICATORS) * QUARTERS
    assert first["editions"] == 1

    french = client.get("/fr/barometre/", HTTP_HOST="localhost")
    english = client.get("/en/barometre/", HTTP_HOST="localhost")
    assert french.status_code == english.status_code == 200
    assert "Satisfaction moyenne envers les services publics" in french.text
    assert "Average satisfaction with public services" in english.text
    assert "Progression globale" in french.text and "Overall progress" in english.text
    home = client.get("/en/", HTTP_HOST="localhost", follow=True)
    assert "Where the strategy stands" in home.text

    seed_demo_of("barometre")
    assert counts() == first
