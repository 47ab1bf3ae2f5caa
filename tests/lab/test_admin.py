"""Researchers: their organization's studies only, and only the panel fields needed."""

import pytest
from wagtail.users.models import UserProfile

from consultation.lab.models import Invitation, Study, StudySlot
from tests.factories import OrganizationFactory, UserFactory

from .factories import PanelMemberFactory, StudyFactory


@pytest.fixture
def organizations(db):
    return OrganizationFactory(name="Ministère A"), OrganizationFactory(
        name="Ministère B"
    )


@pytest.fixture
def researcher(client, organizations):
    user = UserFactory(groups=["Editors"], organizations=[organizations[0]])
    client.force_login(user)
    return user


def test_a_researcher_lists_only_their_organization_studies(
    client, researcher, organizations
):
    StudyFactory(organization=organizations[0], title="Étude de A")
    StudyFactory(organization=organizations[1], title="Étude de B")
    response = client.get("/admin/snippets/consultation/study/")
    assert response.status_code == 200
    assert "Étude de A" in response.text
    assert "Étude de B" not in response.text


def test_another_organization_study_cannot_be_opened(client, researcher, organizations):
    other = StudyFactory(organization=organizations[1])
    edit = client.get(f"/admin/snippets/consultation/study/edit/{other.pk}/")
    assert edit.status_code in (302, 403)
    recruit = client.get(f"/admin/lab/studies/{other.pk}/recruit/", follow=True)
    assert recruit.status_code == 404
    client.post(
        f"/admin/lab/studies/{other.pk}/recruit/", {"member": [PanelMemberFactory().pk]}
    )
    assert not Invitation.objects.exists()


def test_a_researcher_creates_a_study_with_criteria(client, researcher, organizations):
    data = {
        "organization": organizations[0].pk,
        "title": "Essai du formulaire",
        "service_tested": "Formulaire",
        "method": "moderated",
        "description": "Essayer le formulaire.",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-15",
        "mode": "remote",
        "duration_minutes": "45",
        "participants_wanted": "5",
        "criteria_region": ["03", "06"],
        "criteria_assistive": ["screen_reader"],
        "balance": ["language"],
        "slots-TOTAL_FORMS": "0",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
        "quotas-TOTAL_FORMS": "1",
        "quotas-INITIAL_FORMS": "0",
        "quotas-MIN_NUM_FORMS": "0",
        "quotas-MAX_NUM_FORMS": "1000",
        "quotas-0-profile": "language:en",
        "quotas-0-minimum": "2",
        "quotas-0-ORDER": "1",
    }
    response = client.post("/admin/snippets/consultation/study/add/", data)
    assert response.status_code == 302, response.context["form"].errors
    study = Study.objects.get()
    assert study.criteria == {"region": ["03", "06"], "assistive": ["screen_reader"]}
    assert study.balance_on == ["language"]
    assert study.quotas.get().profile == "language:en"
    assert study.created_by == researcher


def test_a_researcher_cannot_create_a_study_for_another_organization(
    client, researcher, organizations
):
    data = {
        "organization": organizations[1].pk,
        "title": "Intrusion",
        "service_tested": "X",
        "method": "survey",
        "description": "X",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-15",
        "mode": "remote",
        "duration_minutes": "45",
        "participants_wanted": "5",
        **{
            f"{prefix}-{key}": value
            for prefix in ("slots", "quotas")
            for key, value in {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            }.items()
        },
    }
    response = client.post("/admin/snippets/consultation/study/add/", data)
    assert response.status_code == 200
    assert not Study.objects.exists()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Membres proposés"), ("en", "Members proposed")],
)
def test_the_recruit_page_shows_only_the_needed_fields(
    client, researcher, organizations, language, heading
):
    profile = UserProfile.get_for_user(researcher)
    profile.preferred_language = language
    profile.save()
    study = StudyFactory(
        organization=organizations[0],
        criteria={"region": ["06"]},
        balance_on=["language"],
    )
    member = PanelMemberFactory(
        first_name="Gabrielle",
        email="gabrielle@example.org",
        mobile="+15145550101",
        age_range="35-49",
        uses_screen_reader=True,
    )
    response = client.get(f"/admin/lab/studies/{study.pk}/recruit/")
    assert response.status_code == 200
    text = response.text
    assert heading in text
    assert member.pseudonym in text and "Montréal" in text
    for hidden in [
        "gabrielle@example.org",
        "5550101",
        "Gabrielle",
        "35 à 49",
        "35 to 49",
    ]:
        assert hidden not in text


def test_the_researcher_invites_the_selection(client, researcher, organizations):
    study = StudyFactory(organization=organizations[0])
    chosen, other = PanelMemberFactory(), PanelMemberFactory()
    response = client.post(
        f"/admin/lab/studies/{study.pk}/recruit/", {"member": [chosen.pk, "x"]}
    )
    assert response.status_code == 302
    assert list(Invitation.objects.values_list("member", flat=True)) == [chosen.pk]
    page = client.get(response["Location"])
    assert "1 membre invité." in page.text or "1 member invited." in page.text
    assert other.pseudonym in page.text  # still proposed


def test_an_analyst_cannot_recruit(client, organizations):
    analyst = UserFactory(groups=["Analysts"], organizations=[organizations[0]])
    client.force_login(analyst)
    study = StudyFactory(organization=organizations[0])
    PanelMemberFactory()
    refused = client.get(f"/admin/lab/studies/{study.pk}/recruit/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    listing = client.get("/admin/snippets/consultation/study/")
    assert listing.status_code == 200 and study.title in listing.text


def test_places_already_taken_cannot_be_removed(client, researcher, organizations):
    study = StudyFactory(organization=organizations[0], participants_wanted=3)
    slot = StudySlot.objects.create(
        study=study, starts_at="2026-12-02T15:00:00Z", capacity=2
    )
    Study.objects.filter(pk=study.pk).update(accepted_count=2)
    StudySlot.objects.filter(pk=slot.pk).update(booked=2)
    data = {
        "organization": organizations[0].pk,
        "title": study.title,
        "service_tested": "Formulaire",
        "method": "moderated",
        "description": "Essayer.",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-15",
        "mode": "remote",
        "duration_minutes": "45",
        "participants_wanted": "1",
        "slots-TOTAL_FORMS": "1",
        "slots-INITIAL_FORMS": "1",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
        "slots-0-id": slot.pk,
        "slots-0-starts_at": "2026-12-02 10:00",
        "slots-0-capacity": "1",
        "slots-0-ORDER": "1",
        "quotas-TOTAL_FORMS": "0",
        "quotas-INITIAL_FORMS": "0",
        "quotas-MIN_NUM_FORMS": "0",
        "quotas-MAX_NUM_FORMS": "1000",
    }
    response = client.post(f"/admin/snippets/consultation/study/edit/{study.pk}/", data)
    assert response.status_code == 200
    assert "ont déjà accepté" in response.text
    assert "l’ont déjà réservée" in response.text
    study.refresh_from_db()
    assert study.participants_wanted == 3
