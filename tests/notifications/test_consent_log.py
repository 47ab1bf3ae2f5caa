"""The consent log in the admin: privacy officers read it; nobody changes it."""

import pytest
from django.contrib.auth.models import Group

from home.roles import EDITORS
from notifications import consent
from notifications.consent_log import PRIVACY_OFFICERS
from notifications.models import Consent, Subscriber, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOG = "/admin/consent_log/"


@pytest.fixture
def entry():
    consent.subscribe("lea@example.org", "", "fr", [Topic.CONSULTATION_OPENED], [])
    return Consent.objects.get(subscriber__email="lea@example.org")


def test_the_role_exists_with_read_access_only():
    group = Group.objects.get(name=PRIVACY_OFFICERS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "view_consent"}


def test_a_privacy_officer_reads_the_log_and_the_accepted_wording(client, entry):
    client.force_login(UserFactory(groups=[PRIVACY_OFFICERS]))
    listing = client.get(LOG)
    assert listing.status_code == 200
    assert "lea@example.org" in listing.text
    search = client.get(LOG, {"q": "nobody@example.org"})
    assert search.status_code == 200 and "lea@example.org" not in search.text
    detail = client.get(f"{LOG}inspect/{entry.pk}/")
    assert detail.status_code == 200
    assert entry.wording[:40] in detail.text.replace("&#x27;", "'")


@pytest.mark.parametrize("role", ["officer", "superuser"])
def test_nobody_adds_changes_or_deletes_a_consent_from_the_admin(client, entry, role):
    if role == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory(groups=[PRIVACY_OFFICERS])
    client.force_login(user)
    for url in [f"{LOG}new/", f"{LOG}edit/{entry.pk}/", f"{LOG}delete/{entry.pk}/"]:
        assert client.get(url).status_code in (302, 403), url
        client.post(url, {"action": "withdrawn"})
    entry.refresh_from_db()
    assert entry.action == Consent.Action.GIVEN
    assert Consent.objects.count() == 1 and Subscriber.objects.count() == 1


def test_an_editor_does_not_see_the_log(client, entry):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(LOG)
    assert response.status_code in (302, 403)
    assert "lea@example.org" not in response.text
