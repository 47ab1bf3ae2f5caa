"""A feedback post costs the service's row and the entry's INSERT, nothing more.

The widget posts from every page; during a wave its cost is the site's. The
source rows (service, organization) are read with their locales, so finding
their default-language row asks no `Locale`; whether the organization invites to
its testing panel is cached (and follows its settings at once).
"""

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from redis.connection import AbstractConnection

from consultation.lab.models import OrganizationLabSettings
from feedback.models import FeedbackEntry
from tests.factories import OrganizationFactory
from tests.lab.factories import LabIndexPageFactory

from .factories import ServiceFactory

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
JSON = {"HTTP_ACCEPT": "application/json", **SAME_SITE}
TRANSACTION = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")


def post(service, comment="Lent."):
    with CaptureQueriesContext(connection) as queries:
        response = Client().post(
            "/fr/retroaction/envoyer/",
            {"service": service.pk, "found": "no", "rating": "2", "comment": comment},
            **JSON,
        )
    assert response.status_code == 200, response.content[:300]
    sql = [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(TRANSACTION)
    ]
    return response.json(), sql


def test_a_feedback_post_costs_two_queries(site_tree):
    service = ServiceFactory(organization=OrganizationFactory(name="Ministère"))
    post(service)  # the organization's invitation setting is cached from now on
    # Another text: the same one within the minute is a duplicate, stored once.
    answer, sql = post(service, comment="La page de paiement est lente.")
    assert answer["status"] == "ok"
    assert len(sql) <= 2, "\n".join(sql)
    assert not any('FROM "wagtailcore_locale"' in query for query in sql)
    assert FeedbackEntry.objects.filter(service=service).count() == 2


def test_the_thanks_follow_the_organizations_panel_settings(site_tree):
    LabIndexPageFactory(parent=site_tree.fr)
    organization = OrganizationFactory(name="Ministère")
    service = ServiceFactory(organization=organization)
    assert '#join"' not in post(service)[0]["html"]
    settings = OrganizationLabSettings.objects.create(
        organization=organization, invite_after_feedback=True
    )
    assert '#join"' in post(service)[0]["html"]
    settings.invite_after_feedback = False
    settings.save()
    assert '#join"' not in post(service)[0]["html"]


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="counts Redis round trips")
def test_a_feedback_post_costs_one_redis_trip(site_tree, monkeypatch):
    """The rate limit's count and the thanks' cached invitation: one pipeline."""
    service = ServiceFactory(organization=OrganizationFactory(name="Ministère"))
    post(service)  # the invitation entry and its version exist from now on
    trips = []
    send = AbstractConnection.send_packed_command

    def counted(connection, command, *args, **kwargs):
        trips.append(command)
        return send(connection, command, *args, **kwargs)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    answer, _sql = post(service, comment="Le formulaire refuse mon code postal.")
    assert answer["status"] == "ok"
    assert len(trips) == 1, trips
