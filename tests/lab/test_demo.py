"""The demo content: about 200 members, two studies, one report in both languages."""

from consultation.lab.models import (
    LabReportPage,
    PanelMember,
    Study,
    StudyQuota,
    StudySlot,
)
from tests.seeding import seed_demo_of


def test_seed_demo_adds_the_lab_and_is_idempotent(db, client):
    seed_demo_of("consultation.lab")
    counts = (
        PanelMember.objects.count(),
        Study.objects.count(),
        LabReportPage.objects.live().count(),
    )
    assert counts == (200, 2, 2)
    assert StudySlot.objects.count() == 5 and StudyQuota.objects.count() == 3
    assert PanelMember.objects.filter(uses_screen_reader=True).count() >= 5
    assert PanelMember.objects.values("region").distinct().count() >= 10
    assert PanelMember.objects.filter(language="en").count() >= 20
    seed_demo_of("consultation.lab")
    assert counts == (
        PanelMember.objects.count(),
        Study.objects.count(),
        LabReportPage.objects.live().count(),
    )
    french = client.get("/fr/laboratoire/", HTTP_HOST="localhost")
    assert "Formulaire de demande d’aide financière" in french.text
    english = client.get("/en/lab/", HTTP_HOST="localhost")
    assert "Financial aid application form" in english.text
