"""The panel invitation other apps show after a feedback or at the end of a
survey, when the organization wants it.

From a template: `{% load lab_tags %}{% lab_panel_invitation organization "feedback" %}`
(or "survey"). From Python: `panel_invitation(organization, "survey")` returns the
context of "consultation/lab/includes/panel_invitation.html", or None.
"""

from django.utils import translation

from numeriqc import sharedcache

from .models import LabIndexPage, OrganizationLabSettings

PLACES = {
    "feedback": "invite_after_feedback",
    "survey": "invite_after_survey",
}


INVITATIONS_VERSION_KEY = "lab:invitations:version"


def invalidate_invitations(**kwargs):
    """Connected to OrganizationLabSettings saves and deletes (consultation.apps)."""
    sharedcache.bump_now_and_after_commit(INVITATIONS_VERSION_KEY)


def organization_invites(organization, place):
    """Cached: every feedback's thanks asks it (a query saved per post)."""
    flag = PLACES.get(place)
    if organization is None or flag is None:
        return False
    return sharedcache.get(
        f"lab:invites:{organization.translation_key}:{place}",
        INVITATIONS_VERSION_KEY,
        lambda: OrganizationLabSettings.objects.filter(
            organization__translation_key=organization.translation_key,
            **{flag: True},
        ).exists(),
    )


def lab_page(language=None):
    language = language or translation.get_language()
    pages = LabIndexPage.objects.live().public()
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(alias_of__isnull=True).first()
    )


def panel_invitation(organization, place):
    if not organization_invites(organization, place):
        return None
    page = lab_page()
    if page is None:
        return None
    return {"lab_invitation": {"url": page.url, "page": page}}
