from datetime import date

import pytest

from tests.factories import OrganizationFactory, UserFactory, translate_page
from vitrine.models import BenefitMeasurement

from .factories import ProjectPageFactory, add_benefit, measure


def test_featured_projects_appear_on_the_home_page_in_both_languages(client, vitrine):
    featured = ProjectPageFactory(
        parent=vitrine.vitrine_fr, title="Projet vedette", featured=True
    )
    ProjectPageFactory(parent=vitrine.vitrine_fr, title="Projet discret")
    translate_page(featured, title="Featured project", slug="featured")
    french = client.get("/fr/").content.decode()
    assert "Projets en vedette" in french
    assert "Projet vedette" in french
    assert "Projet discret" not in french
    english = client.get("/en/").content.decode()
    assert "Featured projects" in english
    assert "Featured project" in english
    assert "/en/showcase/featured/" in english


def test_no_featured_project_no_home_section(client, vitrine):
    assert "Projets en vedette" not in client.get("/fr/").content.decode()


@pytest.fixture
def measured(vitrine):
    ours = OrganizationFactory(name="Notre organisme")
    theirs = OrganizationFactory(name="Autre organisme")
    mine = ProjectPageFactory(parent=vitrine.vitrine_fr, title="Notre projet")
    mine.organizations.set([ours])
    mine.save_revision().publish()
    other = ProjectPageFactory(parent=vitrine.vitrine_fr, title="Leur projet")
    other.organizations.set([theirs])
    other.save_revision().publish()
    vitrine.ours, vitrine.mine_benefit = (
        ours,
        add_benefit(mine, indicator="Notre délai"),
    )
    vitrine.their_benefit = add_benefit(other, indicator="Leur délai")
    measure(vitrine.their_benefit, date(2025, 1, 31), 3, source="Leur rapport")
    return vitrine


def test_editors_enter_measured_values_of_their_projects_only(client, measured):
    client.force_login(UserFactory(groups=["Editors"], organizations=[measured.ours]))
    listing = client.get("/admin/snippets/vitrine/benefitmeasurement/")
    assert listing.status_code == 200
    assert "Leur délai" not in listing.content.decode()
    form = client.get("/admin/snippets/vitrine/benefitmeasurement/add/")
    assert "Notre projet — Notre délai" in form.content.decode()
    assert "Leur délai" not in form.content.decode()
    response = client.post(
        "/admin/snippets/vitrine/benefitmeasurement/add/",
        {
            "benefit": measured.their_benefit.pk,
            "measured_on": "2025-03-31",
            "value": "5",
            "source": "Sondage",
        },
    )
    assert response.status_code == 200  # the form refuses a benefit out of scope
    response = client.post(
        "/admin/snippets/vitrine/benefitmeasurement/add/",
        {
            "benefit": measured.mine_benefit.pk,
            "measured_on": "2025-03-31",
            "value": "5",
            "source": "Sondage",
        },
    )
    assert response.status_code == 302
    assert BenefitMeasurement.objects.filter(benefit=measured.mine_benefit).count() == 1
    assert BenefitMeasurement.objects.count() == 2


def test_the_admin_forms_of_every_page_type_open(client, vitrine):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = vitrine.vitrine_fr
    for model in ("projectpage", "callforprojectspage"):
        response = client.get(f"/admin/pages/add/vitrine/{model}/{index.pk}/")
        assert response.status_code == 200, model
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200


def test_page_type_rules():
    from vitrine.models import CallForProjectsPage, ProjectPage, VitrineIndexPage

    assert VitrineIndexPage.max_count == 2
    assert VitrineIndexPage.parent_page_types == ["home.HomePage"]
    assert ProjectPage.subpage_types == []
    assert CallForProjectsPage.subpage_types == []
    assert ProjectPage.parent_page_types == ["vitrine.VitrineIndexPage"]


def test_an_editor_gives_a_new_project_only_their_organizations(client, measured):
    client.force_login(UserFactory(groups=["Editors"], organizations=[measured.ours]))
    index = measured.vitrine_fr
    response = client.get(f"/admin/pages/add/vitrine/projectpage/{index.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Notre organisme" in body
    assert "Autre organisme" not in body
