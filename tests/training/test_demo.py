"""The demo training offer: seeded once, twice changes nothing."""

import pytest

from tests.seeding import seed_demo_of
from training.models import CoursePage, LearningPathPage, Session


@pytest.mark.django_db
def test_seed_demo_builds_the_offer_and_is_idempotent(client):
    seed_demo_of("training")
    counts = (
        CoursePage.objects.filter(locale__language_code="fr").count(),
        CoursePage.objects.filter(
            locale__language_code="en", alias_of__isnull=True
        ).count(),
        Session.objects.count(),
        LearningPathPage.objects.count(),
    )
    assert counts[0] >= 30 and counts[1] == counts[0]
    assert counts[3] == 4  # two paths, in two languages
    french = client.get("/fr/formation/?q=essentiels")
    assert "Les essentiels de la culture numérique" in french.text
    english = client.get("/en/training/?q=essentials")
    assert "Digital culture essentials" in english.text
    path = client.get("/en/training/digital-transformation-manager/")
    assert path.status_code == 200
    assert "Digital governance for managers" in path.text
    seed_demo_of("training")
    assert counts == (
        CoursePage.objects.filter(locale__language_code="fr").count(),
        CoursePage.objects.filter(
            locale__language_code="en", alias_of__isnull=True
        ).count(),
        Session.objects.count(),
        LearningPathPage.objects.count(),
    )
