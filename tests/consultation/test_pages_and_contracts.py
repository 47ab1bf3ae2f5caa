"""The consultation listing, announcements, the Baromètre source and open data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from barometre.sources import all_sources
from consultation.models import ConsultationPage
from notifications.models import Event, Topic
from opendata.datasets import all_datasets
from tests.factories import OrganizationFactory, ThemeFactory

from .factories import ConsultationPageFactory
from .helpers import respond

NOW = timezone.now()


def make_pages(index, count, **fields):
    return [
        ConsultationPageFactory(parent=index, title=f"Consultation {n}", **fields)
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [5, 50])
def test_the_listing_query_count_does_not_grow(
    client, consultation, count, django_assert_max_num_queries
):
    make_pages(consultation.index, count, organization=consultation.organization)
    with django_assert_max_num_queries(40):
        response = client.get(consultation.index.url)
    assert response.status_code == 200
    assert "Ministère de la Cybersécurité" in response.text


def test_page_type_rules():
    from consultation.models import ConsultationIndexPage

    assert ConsultationIndexPage.parent_page_types == ["home.HomePage"]
    assert ConsultationIndexPage.subpage_types == ["consultation.ConsultationPage"]
    assert ConsultationIndexPage.max_count == 2
    assert ConsultationPage.parent_page_types == ["consultation.ConsultationIndexPage"]
    assert ConsultationPage.subpage_types == []


def test_the_listing_filters_by_status_theme_and_organization(client, consultation):
    theme = ThemeFactory(name="Santé numérique")
    other = OrganizationFactory(name="Autre organisme")
    upcoming = ConsultationPageFactory(
        parent=consultation.index,
        title="Bientôt",
        opens_at=NOW + timedelta(days=5),
        closes_at=NOW + timedelta(days=9),
        organization=other,
    )
    upcoming.themes.add(theme)
    upcoming.save_revision().publish()
    ConsultationPageFactory(
        parent=consultation.index,
        title="Terminée",
        opens_at=NOW - timedelta(days=9),
        closes_at=NOW - timedelta(days=5),
        results_published=True,
    )
    listing = client.get(consultation.index.url)
    assert "Bientôt" in listing.text and "Terminée" in listing.text
    assert "À venir" in listing.text and "Résultats publiés" in listing.text
    only = client.get(consultation.index.url, {"status": "upcoming"})
    assert "Bientôt" in only.text and "Terminée" not in only.text
    by_theme = client.get(consultation.index.url, {"theme": theme.pk})
    assert "Bientôt" in by_theme.text
    assert "Consultation sur les services" not in by_theme.text
    by_org = client.get(consultation.index.url, {"organization": other.pk})
    assert "Bientôt" in by_org.text and "Terminée" not in by_org.text
    english = client.get(consultation.index_en.url, {"status": "open"})
    assert "Consultation on services" in english.text and "Open" in english.text


def test_the_page_says_what_we_heard_and_what_we_will_do_after_closing(
    client, consultation
):
    page = consultation.page
    page.what_we_heard = "<p>Vous voulez des délais plus courts.</p>"
    page.what_we_will_do = "<p>Nous publierons les délais.</p>"
    page.save_revision().publish()
    assert "Ce que nous ferons" not in client.get(page.url).text
    page.closes_at = NOW - timedelta(hours=1)
    page.opens_at = NOW - timedelta(days=3)
    page.save_revision().publish()
    shown = client.get(page.url)
    assert "Ce que nous avons entendu" in shown.text
    assert "Nous publierons les délais." in shown.text


def test_opening_closing_and_results_are_announced_once(consultation):
    from consultation.announcements import announce, announce_due

    page = ConsultationPage.objects.get(pk=consultation.page.pk)
    assert Topic.CONSULTATION_OPENED in announce(page)
    announce_due()
    assert Event.objects.filter(topic=Topic.CONSULTATION_OPENED).count() == 1
    page.closes_at = NOW + timedelta(hours=20)
    page.save_revision().publish()
    assert Event.objects.filter(topic=Topic.CONSULTATION_CLOSING).count() == 1
    page.opens_at, page.closes_at = NOW - timedelta(days=3), NOW - timedelta(hours=1)
    page.results_published = True
    page.save_revision().publish()
    announce_due()
    assert Event.objects.filter(topic=Topic.CONSULTATION_RESULTS).count() == 1
    # The English translation does not announce the same consultation again.
    consultation.page_en.results_published = True
    consultation.page_en.save_revision().publish()
    assert Event.objects.filter(topic=Topic.CONSULTATION_RESULTS).count() == 1


def test_the_barometre_counts_consultations_and_responses(consultation):
    respond(consultation)
    respond(consultation, "en")
    sources = all_sources()
    assert sources["consultation.held"].compute() == 1
    assert sources["consultation.responses"].compute() == 2


def test_the_open_dataset_holds_only_published_counts_above_the_minimum(consultation):
    for _ in range(5):
        respond(consultation, region="Montréal", comment="Nom Prénom")
    respond(consultation, region="Québec")
    dataset = all_datasets()["consultation-results"]
    assert list(dataset.rows()) == []
    page = consultation.page
    page.opens_at, page.closes_at = NOW - timedelta(days=3), NOW - timedelta(hours=1)
    page.results_published = True
    page.save_revision().publish()
    rows = list(dataset.rows())
    assert rows and all(list(row) == dataset.field_names for row in rows)
    answers = {(row["question"], row["answer"]): row["count"] for row in rows}
    assert answers[("Votre région", "Montréal")] == 5
    assert ("Votre région", "Québec") not in answers
    assert not any("Nom" in str(row["answer"]) for row in rows)
    assert dataset.last_modified() is not None
