import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Theme
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
    translate_page,
    translate_snippet,
)
from vitrine.models import ProjectImage, ProjectPage

from .factories import ProjectPageFactory


def _titles(response):
    return [project.title for project in response.context["projects"]]


@pytest.fixture
def catalogue(vitrine):
    """Three projects that differ by organization, theme, axis, phase and year."""
    cqen = OrganizationFactory(name="Centre d’excellence", slug="cqen")
    translate_snippet(cqen, name="Centre of Excellence")
    sct = OrganizationFactory(name="Secrétariat", slug="sct")
    data = ThemeFactory(name="Données", slug="donnees")
    translate_snippet(data, name="Data")
    axis = ThemeFactory(name="Innovation", slug="innovation", kind=Theme.Kind.AXIS)
    strategy = StrategyPageFactory(parent=vitrine.fr)
    measure = MeasurePageFactory(parent=strategy, axis=axis, number=5)
    alpha = ProjectPageFactory(
        parent=vitrine.vitrine_fr,
        title="Alpha laboratoire",
        phase="live",
        started_on=date(2024, 5, 1),
        measure=measure,
    )
    alpha.organizations.set([cqen])
    alpha.themes.set([data])
    alpha.save_revision().publish()
    beta = ProjectPageFactory(
        parent=vitrine.vitrine_fr,
        title="Beta portail",
        phase="building",
        started_on=date(2025, 2, 1),
    )
    beta.organizations.set([sct, cqen])
    beta.save_revision().publish()
    gamma = ProjectPageFactory(
        parent=vitrine.vitrine_fr,
        title="Gamma données",
        phase="idea",
        started_on=date(2025, 9, 1),
    )
    gamma.organizations.set([sct])
    gamma.themes.set([axis])
    gamma.save_revision().publish()
    vitrine.projects = (alpha, beta, gamma)
    return vitrine


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Alpha laboratoire", "Beta portail", "Gamma données"}),
        ("organization=cqen", {"Alpha laboratoire", "Beta portail"}),
        ("organization=sct", {"Beta portail", "Gamma données"}),
        ("theme=donnees", {"Alpha laboratoire"}),
        ("axis=innovation", {"Alpha laboratoire", "Gamma données"}),
        ("phase=building", {"Beta portail"}),
        ("year=2025", {"Beta portail", "Gamma données"}),
        ("q=portail", {"Beta portail"}),
        ("q=GAMMA+données", {"Gamma données"}),
        ("organization=cqen&year=2025", {"Beta portail"}),
        ("organization=sct&axis=innovation&phase=idea", {"Gamma données"}),
        ("organization=cqen&phase=idea", set()),
        ("phase=unknown&organization=nobody&year=abc&page=zz", None),
    ],
)
def test_filters_and_their_combinations(client, catalogue, query, expected):
    response = client.get(f"/fr/vitrine/?{query}")
    assert response.status_code == 200
    if expected is not None:
        assert set(_titles(response)) == expected
    if expected == set():
        assert "Aucun projet ne correspond" in response.content.decode()


def test_sorting_newest_updated_and_a_to_z(client, catalogue):
    alpha, beta, gamma = catalogue.projects
    ProjectPage.objects.filter(pk=beta.pk).update(
        first_published_at=timezone.now() - timedelta(days=30),
        last_published_at=timezone.now() + timedelta(minutes=5),
    )
    newest = _titles(client.get("/fr/vitrine/"))
    assert newest == ["Gamma données", "Alpha laboratoire", "Beta portail"]
    updated = _titles(client.get("/fr/vitrine/?sort=updated"))
    assert updated[0] == "Beta portail"
    assert _titles(client.get("/fr/vitrine/?sort=title")) == [
        "Alpha laboratoire",
        "Beta portail",
        "Gamma données",
    ]


def test_filters_are_links_that_keep_the_other_filters(client, catalogue):
    body = client.get("/fr/vitrine/?organization=cqen&sort=title").content.decode()
    assert 'href="?organization=cqen&amp;sort=title&amp;phase=live"' in body
    assert 'href="?organization=cqen&amp;sort=title&amp;axis=innovation"' in body
    assert '<form method="get" class="filters"' in body
    assert 'aria-current="true">A à Z</a>' in body


def test_the_listing_in_english_names_organizations_in_english(client, catalogue):
    for project in catalogue.projects:
        translate_page(project, slug=project.slug + "-en")
    response = client.get("/en/showcase/?organization=cqen")
    body = response.content.decode()
    assert response.status_code == 200
    assert set(_titles(response)) == {"Alpha laboratoire", "Beta portail"}
    assert "Centre of Excellence" in body
    assert "2 projects" in body
    assert "Sort by:" in body


def test_pagination_keeps_the_filters(client, vitrine):
    for number in range(15):
        ProjectPageFactory(parent=vitrine.vitrine_fr, title=f"Projet {number:02d}")
    first = client.get("/fr/vitrine/?sort=title")
    assert len(first.context["projects"]) == 12
    assert "?sort=title&amp;page=2" in first.content.decode()
    second = client.get("/fr/vitrine/?sort=title&page=2")
    assert _titles(second) == ["Projet 12", "Projet 13", "Projet 14"]
    assert client.get("/fr/vitrine/?page=99").status_code == 200


def _listing_queries(client, vitrine, count):
    organization = OrganizationFactory()
    theme = ThemeFactory()
    for _number in range(count):
        project = ProjectPageFactory(parent=vitrine.vitrine_fr)
        project.organizations.set([organization])
        project.themes.set([theme])
        ProjectImage.objects.create(
            page=project,
            image=wagtail_factories.ImageFactory(),
            alt_text="Capture d’écran",
        )
        project.save_revision().publish()
    client.get("/fr/vitrine/")  # renditions are made once, then reused
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/vitrine/?organization=" + organization.slug)
    assert response.status_code == 200
    assert response.content.decode().count('alt="Capture d’écran"') == min(count, 12)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_projects(client, vitrine):
    with_five = _listing_queries(client, vitrine, 5)
    ProjectPage.objects.all().delete()
    with_fifty = _listing_queries(client, vitrine, 50)
    assert with_fifty == with_five
    assert with_fifty <= 40  # 30 measured: 15 for the listing, the rest base.html


def test_what_next_links_to_a_live_consultation_only(client, vitrine):
    index = vitrine.vitrine_fr
    index.next_actions_text = "Revenez bientôt."
    index.save_revision().publish()
    assert "Revenez bientôt." in client.get("/fr/vitrine/").content.decode()

    consultation = StandardPageFactory(parent=vitrine.fr, title="Que faire ensuite ?")
    index.next_actions_page = consultation
    index.save_revision().publish()
    body = client.get("/fr/vitrine/").content.decode()
    assert "Que faire ensuite ?" in body
    assert "Revenez bientôt." not in body

    consultation.unpublish()
    body = client.get("/fr/vitrine/").content.decode()
    assert "Que faire ensuite ?" not in body
    assert "Revenez bientôt." in body
    english = client.get("/en/showcase/").content.decode()
    assert "What next?" in english


def test_feeds_list_new_projects_per_language(client, catalogue):
    alpha, _beta, _gamma = catalogue.projects
    translate_page(alpha, title="Alpha lab", slug="alpha-lab")
    rss = client.get("/fr/vitrine/rss/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 - our feed
    assert channel.findtext("language") == "fr"
    titles = {item.findtext("title") for item in channel.findall("item")}
    assert titles == {"Alpha laboratoire", "Beta portail", "Gamma données"}

    atom = client.get("/en/showcase/atom/")
    assert atom.status_code == 200
    feed = ET.fromstring(atom.content)  # noqa: S314 - our own feed
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", namespace)
    assert [entry.findtext("a:title", namespaces=namespace) for entry in entries] == [
        "Alpha lab"
    ]
    link = entries[0].find("a:link", namespace).get("href")
    assert link.endswith("/en/showcase/alpha-lab/")
