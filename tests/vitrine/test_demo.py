from django.db.models import Count

from home import demo as home_demo
from vitrine import demo
from vitrine.models import (
    BenefitMeasurement,
    CallForProjectsPage,
    ExpectedBenefit,
    ProjectPage,
)


def _counts():
    return (
        ProjectPage.objects.count(),
        ExpectedBenefit.objects.count(),
        BenefitMeasurement.objects.count(),
        CallForProjectsPage.objects.count(),
    )


def test_seed_adds_bilingual_projects_with_benefits_and_is_idempotent(client, db):
    home_demo.seed()
    demo.seed()
    first = _counts()
    per_language = dict(
        ProjectPage.objects.filter(alias_of__isnull=True)
        .order_by()
        .values_list("locale__language_code")
        .annotate(total=Count("pk"))
    )
    assert per_language == {"fr": 20, "en": 20}
    assert first[2] > 40  # measured values over time
    assert first[3] == 2  # the call, in French and English
    assert all(
        page.measure is not None for page in ProjectPage.objects.filter(phase="live")
    )
    demo.seed()
    assert _counts() == first

    response = client.get("/en/showcase/?q=tell+once")
    assert response.status_code == 200
    assert "Tell us once" in response.content.decode()
    response = client.get("/fr/vitrine/dites-le-nous-une-fois/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Formulaires supprimés" in body
    assert "<svg" in body
    response = client.get("/en/showcase/open-data-challenge/")
    assert response.status_code == 200
    assert "First prize" in response.content.decode()
    home = client.get("/fr/")
    assert "Standard des pratiques numériques" in home.content.decode()
