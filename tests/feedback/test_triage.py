"""The triage queue, exports and dashboards: an organization sees only its own."""

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from feedback.models import FeedbackEntry
from home.roles import ANALYSTS, EDITORS
from tests.factories import OrganizationFactory, UserFactory

from .factories import FeedbackEntryFactory, ServiceFactory

QUEUE = "/admin/snippets/feedback/feedbackentry/"


@pytest.fixture
def two_organizations(db):
    ours, theirs = OrganizationFactory(name="Nôtre"), OrganizationFactory(name="Autre")
    editor = UserFactory(groups=[EDITORS], organizations=[ours])
    FeedbackEntryFactory(organization=ours, comment="Commentaire de chez nous")
    FeedbackEntryFactory(organization=theirs, comment="Commentaire d’ailleurs")
    FeedbackEntryFactory(organization=None, comment="Commentaire sans organisation")
    return ours, theirs, editor


def test_the_queue_lists_only_the_users_organizations(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "Commentaire de chez nous" in response.text
    assert "Commentaire d’ailleurs" not in response.text
    assert "Commentaire sans organisation" not in response.text


def test_an_entry_of_another_organization_cannot_be_opened(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    foreign = FeedbackEntry.objects.get(organization=theirs)
    refused = client.get(f"{QUEUE}edit/{foreign.pk}/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.get(f"{QUEUE}inspect/{foreign.pk}/").status_code == 302
    own = FeedbackEntry.objects.get(organization=ours)
    assert client.get(f"{QUEUE}edit/{own.pk}/").status_code == 200


def test_triage_assigns_tags_and_notes(client, two_organizations):
    ours, theirs, editor = two_organizations
    colleague = UserFactory(groups=[ANALYSTS], organizations=[ours])
    outsider = UserFactory(groups=[EDITORS], organizations=[theirs])
    client.force_login(editor)
    entry = FeedbackEntry.objects.get(organization=ours)
    data = {
        "status": "in_progress",
        "assignee": colleague.pk,
        "tags": "formulaire, mobile",
        "internal_note": "À voir avec l’équipe web.",
        "improvement": "",
    }
    response = client.post(f"{QUEUE}edit/{entry.pk}/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "in_progress" and entry.assignee == colleague
    assert sorted(entry.tags.names()) == ["formulaire", "mobile"]
    assert entry.internal_note == "À voir avec l’équipe web."
    assert entry.comment == "Commentaire de chez nous"  # what the citizen said stays
    refused = client.post(f"{QUEUE}edit/{entry.pk}/", {**data, "assignee": outsider.pk})
    assert refused.status_code == 200  # the form comes back with an error
    entry.refresh_from_db()
    assert entry.assignee == colleague


def test_filters_narrow_the_queue(client, two_organizations):
    ours, theirs, editor = two_organizations
    FeedbackEntryFactory(
        organization=ours, found=False, comment="Rien trouvé", rating=1
    )
    client.force_login(editor)
    html = client.get(QUEUE, {"found": "false"}).text
    assert "Rien trouvé" in html and "Commentaire de chez nous" not in html
    html = client.get(QUEUE, {"rating": ["4"], "has_comment": "true"}).text
    assert "Commentaire de chez nous" in html and "Rien trouvé" not in html


def test_the_queue_query_count_does_not_grow(
    client,
    two_organizations,
):
    ours, theirs, editor = two_organizations
    service = ServiceFactory(organization=ours)
    client.force_login(editor)
    FeedbackEntryFactory.create_batch(4, organization=ours, service=service)
    client.get(QUEUE)  # warm the caches of the session and permissions
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE)
    FeedbackEntryFactory.create_batch(45, organization=ours, service=service)
    with CaptureQueriesContext(connection) as many:
        client.get(QUEUE)
    assert len(many) == len(few)


def test_bulk_status_change_stays_within_the_organization(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    own = FeedbackEntry.objects.get(organization=ours)
    foreign = FeedbackEntry.objects.get(organization=theirs)
    url = "/admin/bulk/feedback/feedbackentry/change_status/"
    query = f"?id={own.pk}&id={foreign.pk}&next={QUEUE}"
    page = client.get(url + query)
    assert page.status_code == 200
    response = client.post(url + query, {"status": "closed"})
    assert response.status_code == 302
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.status == "closed" and foreign.status == "new"


def test_exports_hold_only_the_users_entries(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    response = client.get("/admin/feedback/export/csv/")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert "Commentaire de chez nous" in body and "Commentaire d’ailleurs" not in body
    assert body.splitlines()[0].startswith("\ufeffReçu le")
    excel = client.get("/admin/feedback/export/xlsx/", {"found": "true"})
    rows = list(load_workbook(BytesIO(b"".join(excel.streaming_content))).active.values)
    assert len(rows) == 2 and "Commentaire de chez nous" in rows[1]


def test_exports_follow_the_filters(client, two_organizations):
    ours, theirs, editor = two_organizations
    FeedbackEntryFactory(organization=ours, found=False, comment="=HYPERLINK(1)")
    client.force_login(editor)
    response = client.get("/admin/feedback/export/csv/", {"found": "false"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "'=HYPERLINK(1)" in body and "Commentaire de chez nous" not in body


def test_a_user_without_feedback_permission_cannot_export(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(UserFactory(organizations=[ours]))
    assert client.get("/admin/feedback/export/csv/").status_code in (302, 403)


def test_dashboards_are_scoped(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    index = client.get("/admin/feedback/dashboards/")
    assert index.status_code == 200
    assert "Nôtre" in index.text and "Autre" not in index.text
    own = client.get(f"/admin/feedback/dashboards/organization/{ours.pk}/")
    assert own.status_code == 200
    assert "Satisfaction moyenne par semaine (sur 5)" in own.text
    assert 'role="img"' in own.text and "<table" in own.text
    foreign = client.get(f"/admin/feedback/dashboards/organization/{theirs.pk}/")
    assert foreign.status_code == 302 and foreign["Location"] == "/admin/"
    service = ServiceFactory(organization=theirs)
    refused = client.get(f"/admin/feedback/dashboards/service/{service.pk}/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_the_dashboard_counts_what_the_organization_received(client, two_organizations):
    ours, theirs, editor = two_organizations
    FeedbackEntryFactory(organization=ours, found=False, rating=2)
    FeedbackEntryFactory(organization=ours, found=False, rating=None, status="spam")
    FeedbackEntryFactory(organization=theirs, found=False, rating=1)
    client.force_login(editor)
    response = client.get(f"/admin/feedback/dashboards/organization/{ours.pk}/")
    summary = response.context["totals"]
    assert (summary["answers"], summary["yes"], summary["ratings"]) == (2, 1, 2)
    assert summary["average_satisfaction"] == 3.0 and summary["yes_rate"] == 50.0


def test_an_editor_opts_in_to_publish_results(client, two_organizations):
    ours, theirs, editor = two_organizations
    client.force_login(editor)
    url = f"/admin/feedback/dashboards/organization/{ours.pk}/"
    client.post(url, {"publish_results": "on"})
    from feedback.models import OrganizationFeedbackSettings

    assert OrganizationFeedbackSettings.publishes_results(ours)
    client.post(url, {})
    assert not OrganizationFeedbackSettings.publishes_results(ours)


def test_the_overview_and_the_organizations_page_say_the_same_hand_count(
    client, two_organizations
):
    """The overview once said "1" for an organization whose page said 192: one
    source for both. Hand count for "Nôtre" over 12 weeks: the fixture's entry and
    four more, two of them "Yes"; a spam entry and an entry of five months ago
    do not count."""
    from datetime import timedelta

    from django.utils import timezone

    ours, theirs, editor = two_organizations
    for found, rating in [(True, 5), (False, 2), (False, 1), (True, None)]:
        FeedbackEntryFactory(organization=ours, found=found, rating=rating)
    FeedbackEntryFactory(organization=ours, status="spam")
    old = FeedbackEntryFactory(organization=ours)
    FeedbackEntry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(weeks=20)
    )
    client.force_login(editor)
    for weeks in (4, 12):
        overview = client.get("/admin/feedback/dashboards/", {"weeks": weeks})
        [(organization, figures)] = overview.context["organizations"]
        page = client.get(
            f"/admin/feedback/dashboards/organization/{ours.pk}/", {"weeks": weeks}
        )
        assert organization == ours
        assert figures["answers"] == page.context["totals"]["answers"] == 5
        assert figures["yes"] == page.context["totals"]["yes"]
        assert (
            figures["average_satisfaction"]
            == page.context["totals"]["average_satisfaction"]
        )
    year = client.get("/admin/feedback/dashboards/", {"weeks": 52})
    assert year.context["organizations"][0][1]["answers"] == 6
