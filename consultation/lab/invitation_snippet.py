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
# One entry for every organization, so that its key is known before the post is
# read: the feedback post fetches it in the rate limit's round trip.
INVITATIONS_KEY = "lab:inviting"


def invalidate_invitations(**kwargs):
    """Connected to OrganizationLabSettings saves and deletes (consultation.apps)."""
    sharedcache.bump_now_and_after_commit(INVITATIONS_VERSION_KEY)


def invitation_pairs():
    """The cache entry every thanks reads, for `sharedcache`'s one-trip prefetch."""
    return [(INVITATIONS_KEY, INVITATIONS_VERSION_KEY)]


def _inviting_organizations():
    """{place: translation keys of the organizations inviting there}."""
    rows = OrganizationLabSettings.objects.values_list(
        "organization__translation_key", *PLACES.values()
    )
    return {
        place: frozenset(row[0] for row in rows if row[1 + index])
        for index, place in enumerate(PLACES)
    }


def organization_invites(organization, place):
    """Cached: every feedback's thanks asks it (a query saved per post)."""
    if organization is None or place not in PLACES:
        return False
    inviting = sharedcache.get(
        INVITATIONS_KEY, INVITATIONS_VERSION_KEY, _inviting_organizations
    )
    return organization.translation_key in inviting[place]


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
