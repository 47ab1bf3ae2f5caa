from datetime import date
from decimal import Decimal

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError

from barometre.sources import all_sources
from notifications.models import Event, Topic
from opendata.datasets import all_datasets
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StrategyPageFactory,
    ThemeFactory,
    UserFactory,
    translate_page,
    translate_snippet,
)
from vitrine import benefits, stats
from vitrine.models import Milestone, ProjectImage, ProjectPage

from .factories import ProjectPageFactory, add_benefit, measure


@pytest.fixture
def project(vitrine):
    organization = OrganizationFactory(name="Centre d’excellence", slug="cqen")
    translate_snippet(organization, name="Centre of Excellence")
    theme = ThemeFactory(name="Données", slug="donnees")
    translate_snippet(theme, name="Data")
    strategy = StrategyPageFactory(parent=vitrine.fr)
    page = ProjectPageFactory(
        parent=vitrine.vitrine_fr,
        title="Dites-le-nous une fois",
        slug="dites-le-nous",
        phase="live",
        measure=MeasurePageFactory(parent=strategy, number=1, title="Cadre légal"),
        service_name="Mon dossier",
        service_url="https://www.quebec.ca/mon-dossier",
        source_code_url="https://github.com/cqen/dites-le-nous",
        open_data_url="https://www.donneesquebec.ca/dites",
        accessibility_status="partial",
        accessibility_audit_date=date(2025, 10, 2),
        contact_name="Équipe numériQc",
        contact_email="numeriqc@example.org",
    )
    page.organizations.set([organization])
    page.themes.set([theme])
    Milestone.objects.create(page=page, date=date(2024, 2, 1), title="Idée retenue")
    Milestone.objects.create(
        page=page, date=date(2099, 1, 1), title="Deuxième version", phase="live"
    )
    ProjectImage.objects.create(
        page=page, image=wagtail_factories.ImageFactory(), alt_text="Le formulaire"
    )
    benefit = add_benefit(page, estimated_value=10)
    measure(benefit, date(2025, 3, 31), 4, source="Rapport T1")
    measure(benefit, date(2025, 6, 30), 12, source="Rapport T2")
    add_benefit(page, indicator="Formulaires supprimés", unit="formulaires")
    page.save_revision().publish()
    vitrine.project = ProjectPage.objects.get(pk=page.pk)
    vitrine.benefit = benefit
    return vitrine


def test_the_project_page_shows_every_field_in_french(client, project):
    response = client.get("/fr/vitrine/dites-le-nous/")
    body = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Centre d’excellence",
        "Données",
        "Cadre légal",
        "En service",
        "https://www.quebec.ca/mon-dossier",
        "https://github.com/cqen/dites-le-nous",
        "https://www.donneesquebec.ca/dites",
        "Partiellement conforme",
        "dernier audit le",
        "Idée retenue",
        "prévu",
        'alt="Le formulaire"',
        "Bénéfices : estimés et mesurés",
        "Rapport T2",
        "Pas encore mesuré",
        "120&nbsp;%",
        "atteint",
        "numeriqc@example.org",
    ]:
        assert text in body, text
    assert body.count("<h1") == 1
    assert '<svg class="chart"' in body
    assert "<table" in body


def test_the_english_page_shows_translated_names_and_the_same_measures(client, project):
    english = translate_page(project.project, title="Tell us once", slug="tell-us")
    assert english.benefits.count() == 2
    response = client.get("/en/showcase/tell-us/")
    body = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Tell us once",
        "Centre of Excellence",
        "Data",
        "Partially compliant",
        "Benefits: estimated and measured",
        "Rapport T2",
        "Not measured yet",
        "achieved",
    ]:
        assert text in body, text


def test_an_audited_status_needs_its_audit_date(project):
    page = project.project
    page.accessibility_audit_date = None
    with pytest.raises(ValidationError):
        page.full_clean()


def test_benefits_roll_up_in_sql(project, django_assert_max_num_queries):
    other = ProjectPageFactory(parent=project.vitrine_fr, phase="building")
    missed = add_benefit(other, estimated_value=20)
    measure(missed, date(2025, 6, 30), 5)
    with django_assert_max_num_queries(1):
        totals = benefits.benefit_totals()
    assert totals["benefits"] == 3
    assert totals["projects"] == 2
    assert totals["measured"] == 2
    assert totals["achieved"] == 1
    assert totals["measured_share"] == Decimal("66.7")
    rows = {row["unit"]: row for row in benefits.benefits_by_unit()}
    assert rows["jours"]["benefits"] == 2
    assert rows["jours"]["estimated"] == Decimal("30")
    assert rows["jours"]["measured"] == Decimal("17")
    assert rows["formulaires"]["measured"] is None


def test_english_translations_are_not_counted_twice(project):
    translate_page(project.project, title="Tell us once", slug="tell-us")
    assert benefits.benefit_totals()["benefits"] == 2
    assert stats.published_projects() == 1


def test_barometre_sources_count_projects(project):
    ProjectPageFactory(parent=project.vitrine_fr, phase="live")
    sources = all_sources()
    assert sources["vitrine.projects_live"].compute() == 2
    assert sources["vitrine.projects_building"].compute() == 0
    assert sources["vitrine.projects_published"].compute() == 2
    assert sources["vitrine.accessible_live_share"].compute() == 0
    assert sources["vitrine.benefits_achieved_share"].compute() == Decimal("50.0")
    assert stats.projects_per_phase()["live"] == 2


def test_no_project_yet_gives_no_share(vitrine):
    assert stats.accessible_live_share() is None
    assert benefits.benefit_totals()["achieved_share"] is None


def test_the_open_dataset_lists_benefits_with_their_latest_measure(project):
    dataset = all_datasets()["vitrine-project-benefits"]
    rows = list(dataset.rows())
    assert [list(row) for row in rows] == [dataset.field_names] * 2
    first = rows[0]
    assert first["project"] == "Dites-le-nous une fois"
    assert first["organization"] == "Centre d’excellence"
    assert first["measure_number"] == 1
    assert first["latest_measured_value"] == Decimal("12")
    assert first["latest_measurement_source"] == "Rapport T2"
    assert dataset.last_modified() is not None


def test_a_project_is_announced_once_when_first_published(vitrine):
    page = ProjectPageFactory(parent=vitrine.vitrine_fr, live=False)
    assert not Event.objects.filter(topic=Topic.VITRINE_PROJECT).exists()
    page.save_revision().publish()
    page.save_revision().publish()
    translate_page(page, slug="in-english")
    events = Event.objects.filter(topic=Topic.VITRINE_PROJECT)
    assert [event.object_id for event in events] == [str(page.pk)]


def test_an_editor_of_another_organization_cannot_edit_the_project(project):
    outsider = UserFactory(groups=["Editors"], organizations=[OrganizationFactory()])
    insider = UserFactory(
        groups=["Editors"], organizations=[project.project.organizations.first()]
    )
    assert not project.project.permissions_for_user(outsider).can_edit()
    assert project.project.permissions_for_user(insider).in_scope
