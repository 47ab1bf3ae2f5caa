"""Figures of the lab, counted in SQL, for the Baromètre."""

from django.utils import timezone

from .models import LabReportPage, PanelMember, Study


def panel_size():
    """Members who confirmed how to reach them."""
    return PanelMember.objects.filter(email_confirmed_at__isnull=False).count()


def studies_run():
    """Studies that have started, whatever their organization."""
    return Study.objects.filter(starts_on__lte=timezone.localdate()).count()


def reports_published():
    """Public reports, counted once whatever the number of translations."""
    return (
        LabReportPage.objects.live()
        .public()
        .values("translation_key")
        .distinct()
        .count()
    )
