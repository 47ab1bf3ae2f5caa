"""Admin: templates with preview, message log, statistics, resend, API keys."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.roles import EDITORS
from notifications import services
from notifications.models import ApiKey, Channel, Delivery, Message, MessageTemplate
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = "/admin/snippets/notifications/messagetemplate/"


@pytest.fixture
def ours():
    return OrganizationFactory(name="Nôtre")


@pytest.fixture
def theirs():
    return OrganizationFactory(name="Autre")


@pytest.fixture
def editor(client, ours):
    user = UserFactory(groups=[EDITORS], organizations=[ours])
    client.force_login(user)
    return user


def deliveries(organization, count, status=Delivery.Status.SENT, reason=""):
    message = Message.objects.create(
        kind=Message.Kind.REMINDER, organization=organization
    )
    rows = [
        Delivery(
            message=message,
            channel=Channel.EMAIL,
            language="fr",
            to=f"p{n}-{organization.pk}@example.org",
            subject="Objet",
            body="Corps",
            status=status,
            failure_reason=reason,
        )
        for n in range(count)
    ]
    return Delivery.objects.bulk_create(rows)


def template_data(organization, **overrides):
    data = {
        "organization": organization.pk,
        "slug": "rendez-vous",
        "language": "fr",
        "channel": "sms",
        "subject": "",
        "body": "Rappel : ((date)).((lieu?? À ((lieu)).))",
        "max_segments": 1,
        "sample_values": '{"date": "2 décembre", "lieu": "Québec"}',
    }
    data.update(overrides)
    return data


def test_editor_writes_a_template_for_their_organization_only(
    client, editor, ours, theirs
):
    add = client.get(f"{TEMPLATES}add/")
    assert add.status_code == 200
    assert "Nôtre" in add.text and "Autre" not in add.text
    refused = client.post(f"{TEMPLATES}add/", template_data(theirs))
    assert refused.status_code == 200
    assert not MessageTemplate.objects.exists()
    client.post(f"{TEMPLATES}add/", template_data(ours))
    template = MessageTemplate.objects.get()
    assert template.organization == ours
    MessageTemplate.objects.create(
        organization=theirs, slug="autre", language="fr", channel="email", body="x"
    )
    listing = client.get(TEMPLATES)
    assert "rendez-vous" in listing.text and "autre" not in listing.text
    other = MessageTemplate.objects.get(slug="autre")
    refused = client.get(f"{TEMPLATES}edit/{other.pk}/")
    assert refused.status_code in (302, 403)
    assert refused.status_code == 403 or refused["Location"] == "/admin/"


def test_template_refuses_bad_placeholders_and_too_long_sms(client, editor, ours):
    typo = client.post(f"{TEMPLATES}add/", template_data(ours, body="Rappel : ((date)"))
    assert (
        "((nom??texte facultatif))" in typo.text
        or "((name??optional text))" in typo.text
    )
    long = client.post(f"{TEMPLATES}add/", template_data(ours, body="ê" * 80))
    assert "segments SMS" in long.text
    assert not MessageTemplate.objects.exists()


def test_template_preview_with_sample_values(client, editor, ours):
    template = MessageTemplate.objects.create(
        organization=ours,
        slug="rdv",
        language="fr",
        channel="sms",
        body="Rappel : ((date)).((lieu?? À ((lieu)).)) ((heure))",
        sample_values={"date": "2 décembre", "lieu": "Québec"},
    )
    preview = template.preview()
    assert preview["body"].startswith("Rappel : 2 décembre. À Québec. ((heure))")
    assert preview["body"].endswith("ARRET pour vous désabonner")
    assert preview["segments"] == 1
    url = f"{TEMPLATES}preview/{template.pk}/"
    data = template_data(ours, slug="rdv", body=template.body, max_segments=3)
    assert client.post(url, data).json()["is_valid"] is True
    html = client.get(url).text
    assert "Rappel : 2 décembre. À Québec." in html


def test_message_log_is_scoped_and_flat(
    client, editor, ours, theirs, django_assert_max_num_queries
):
    deliveries(theirs, 3)
    for count in (5, 50):
        Delivery.objects.filter(message__organization=ours).delete()
        deliveries(ours, count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/notifications/log/")
        assert response.status_code == 200
        assert response.text.count(f"-{ours.pk}@example.org") == count
        assert f"-{theirs.pk}@example.org" not in response.text
        if count == 5:
            few = len(queries)
        else:
            assert len(queries) == few


def test_statistics_and_failures_with_reason(client, editor, ours, theirs):
    deliveries(ours, 4)
    deliveries(ours, 2, Delivery.Status.FAILED, "provider 400: invalid number")
    deliveries(theirs, 7, Delivery.Status.FAILED, "secret reason")
    html = client.get("/admin/notifications/statistics/").text
    assert "Nôtre" in html and "Autre" not in html
    assert "provider 400: invalid number" in html
    assert "secret reason" not in html
    assert "<td>6</td>" in html  # total


def test_resend_a_failed_delivery(client, editor, ours, theirs, commit):
    [failed] = deliveries(ours, 1, Delivery.Status.FAILED, "timeout")
    [foreign] = deliveries(theirs, 1, Delivery.Status.FAILED, "timeout")
    with commit():
        response = client.post(f"/admin/notifications/deliveries/{failed.pk}/resend/")
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT
    client.post(f"/admin/notifications/deliveries/{foreign.pk}/resend/")  # not ours
    foreign.refresh_from_db()
    assert foreign.status == Delivery.Status.FAILED
    resend = f"/admin/notifications/deliveries/{failed.pk}/resend/"
    assert client.get(resend).status_code == 405


def test_api_keys_created_once_and_revoked(client, editor, ours, theirs):
    page = client.get("/admin/notifications/api-keys/")
    assert page.status_code == 200
    refused = client.post(
        "/admin/notifications/api-keys/", {"name": "x", "organization": theirs.pk}
    )
    assert not ApiKey.objects.exists() and refused.status_code == 200
    created = client.post(
        "/admin/notifications/api-keys/",
        {"name": "Rendez-vous", "organization": ours.pk},
    )
    key = ApiKey.objects.get()
    raw = created.context["new_key"]
    assert raw in created.text
    assert raw not in client.get("/admin/notifications/api-keys/").text
    client.post("/admin/notifications/api-keys/", {"revoke": key.pk})
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_analysts_read_the_log_but_not_the_keys(client, ours):
    from home.roles import ANALYSTS

    client.force_login(UserFactory(groups=[ANALYSTS], organizations=[ours]))
    assert client.get("/admin/notifications/log/").status_code == 200
    assert client.get("/admin/notifications/api-keys/").status_code in (302, 403)


def test_services_resend_only_failed():
    assert services.resend(0) is False


def test_demo_templates_are_seeded_once(ours):
    import io

    from notifications.demo import seed

    seed(io.StringIO())
    seed(io.StringIO())
    assert MessageTemplate.objects.filter(organization=ours).count() == 4
    sms = MessageTemplate.objects.get(language="fr", channel="sms")
    assert sms.preview()["segments"] == 1
