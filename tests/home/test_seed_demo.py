from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import HomePage, MeasurePage, Organization, Theme
from home.strategy_data import MEASURES


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "organizations": Organization.objects.count(),
        "themes": Theme.objects.count(),
        "titles": sorted(Page.objects.values_list("title", flat=True)),
    }


def test_seed_demo_builds_the_bilingual_strategy_and_is_idempotent(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = snapshot()
    assert HomePage.objects.filter(live=True).count() == 2
    assert (
        MeasurePage.objects.filter(locale__language_code="fr", live=True).count()
        == len(MEASURES)
        == 16
    )
    assert (
        MeasurePage.objects.filter(locale__language_code="en", live=True).count() == 16
    )
    assert Organization.objects.filter(locale__language_code="fr").count() == 5
    assert Organization.objects.filter(locale__language_code="en").count() == 5
    assert Theme.objects.filter(kind="axis", locale__language_code="en").count() == 6

    french = client.get("/fr/strategie/", HTTP_HOST="localhost")
    english = client.get("/en/strategy/", HTTP_HOST="localhost")
    assert french.status_code == english.status_code == 200
    assert "Lancer le Baromètre numériQc" in french.text
    assert "Digital performance" in english.text
    assert "Launch the cloud adoption program" in english.text

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == first
