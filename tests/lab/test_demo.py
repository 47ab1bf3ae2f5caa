"""The demo content: about 200 members, two studies, one report in both languages."""

from django.core.management import call_command

from consultation.lab.models import (
    LabReportPage,
    PanelMember,
    Study,
    StudyQuota,
    StudySlot,
)


def test_seed_demo_adds_the_lab_and_is_idempotent(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
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
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        PanelMember.objects.count(),
        Study.objects.count(),
        LabReportPage.objects.live().count(),
    )
    french = client.get("/fr/laboratoire/", HTTP_HOST="localhost")
    assert "Formulaire de demande d’aide financière" in french.text
    english = client.get("/en/lab/", HTTP_HOST="localhost")
    assert "Financial aid application form" in english.text
