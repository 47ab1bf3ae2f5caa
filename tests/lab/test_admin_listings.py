"""Admin listings of the lab keep a flat query count as they grow."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultation.lab.models import Study
from consultation.lab.services import invite
from tests.factories import OrganizationFactory, UserFactory

from .factories import PanelMemberFactory, StudyFactory


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_the_studies_listing_with_5_and_50_studies(client, db):
    organization = OrganizationFactory()
    client.force_login(UserFactory(groups=["Editors"], organizations=[organization]))
    for _ in range(5):
        StudyFactory(organization=organization)
    url = "/admin/snippets/consultation/study/"
    few, _response = queries(client, url)
    for _ in range(45):
        StudyFactory(organization=organization)
    many, response = queries(client, url)
    assert many <= few
    titles = Study.objects.values_list("title", flat=True)
    assert all(f">{title}<" in response.text for title in titles)


def test_the_recruit_page_with_5_and_50_members(client, db):
    organization = OrganizationFactory()
    client.force_login(UserFactory(groups=["Editors"], organizations=[organization]))
    study = StudyFactory(
        organization=organization, balance_on=["region"], participants_wanted=100
    )
    invite(study, [PanelMemberFactory().pk for _ in range(5)])
    for _ in range(5):
        PanelMemberFactory()
    url = f"/admin/lab/studies/{study.pk}/recruit/?count=200"
    few, _response = queries(client, url)
    invite(study, [PanelMemberFactory().pk for _ in range(45)])
    for _ in range(45):
        PanelMemberFactory()
    many, response = queries(client, url)
    assert many <= few
    assert response.text.count('name="member"') == 50
