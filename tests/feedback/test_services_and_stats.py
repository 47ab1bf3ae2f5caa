"""Service feedback pages, QR codes, "You said, we did", and the figures for others."""

from datetime import timedelta

import pytest
from django.utils import timezone

from feedback import stats
from feedback.models import FeedbackEntry, Improvement, Service
from feedback.services import set_results_publication
from tests.factories import StandardPageFactory, translate_page, translate_snippet
from tests.seeding import seed_demo_of

from .factories import FeedbackEntryFactory, ImprovementFactory, ServiceFactory


@pytest.fixture
def service(site_tree):
    service = ServiceFactory(
        name="Permis de pêche", slug="permis-de-peche", description="Obtenir un permis."
    )
    translate_snippet(service, name="Fishing licence", description="Get a licence.")
    return service


def test_a_service_has_its_own_feedback_page_in_both_languages(client, service):
    french = client.get("/fr/retroaction/services/permis-de-peche/")
    assert french.status_code == 200
    assert "<h1>Votre avis sur le service Permis de pêche</h1>" in french.text
    assert "Avez-vous obtenu ce dont vous aviez besoin de ce service ?" in french.text
    assert f'name="service" value="{service.pk}"' in french.text
    assert french.text.count('id="feedback"') == 1
    english = client.get("/en/feedback/services/permis-de-peche/")
    assert "Your opinion of Fishing licence" in english.text
    assert not english.cookies


def test_an_unknown_service_is_not_found(client, site_tree):
    assert client.get("/fr/retroaction/services/inconnu/").status_code == 404


def test_the_qr_code_is_drawn_here_and_leads_to_the_feedback_page(client, service):
    response = client.get("/fr/retroaction/services/permis-de-peche/code-qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<?xml") and "<svg" in svg and "<title>" in svg
    assert "http://testserver/fr/retroaction/services/permis-de-peche/" in svg
    download = client.get(
        "/en/feedback/services/permis-de-peche/qr-code.svg?download=1"
    )
    assert "attachment" in download["Content-Disposition"]
    assert (
        "http://testserver/en/feedback/services/permis-de-peche/"
        in download.content.decode()
    )


def test_results_are_public_only_when_the_organization_opts_in(client, service):
    url = "/fr/retroaction/services/permis-de-peche/resultats/"
    assert client.get(url).status_code == 404
    set_results_publication(service.organization, True)
    assert client.get(url).status_code == 200
    assert "Permis de pêche" in client.get("/fr/retroaction/services/").text


def test_the_results_page_shows_satisfaction_and_improvements(client, service):
    set_results_publication(service.organization, True)
    for rating in (5, 4, 2):
        FeedbackEntryFactory(
            service=service, organization=service.organization, rating=rating
        )
    FeedbackEntryFactory(service=service, rating=1, status="spam")
    FeedbackEntryFactory(
        service=service, rating=1, created_at=timezone.now() - timedelta(days=400)
    )
    improvement = ImprovementFactory(service=service, title="Formulaire raccourci")
    translate_snippet(
        improvement, title="Shorter form", note="Two steps instead of four."
    )
    french = client.get("/fr/retroaction/services/permis-de-peche/resultats/").text
    assert "<strong>67 %</strong>" in french
    assert "<strong>3,7 / 5</strong>" in french
    assert "3</strong> évaluations" in french
    assert "Formulaire raccourci" in french
    english = client.get("/en/feedback/services/permis-de-peche/results/").text
    assert "Shorter form" in english and "Two steps instead of four." in english
    assert "Formulaire raccourci" not in english


def test_an_improvement_links_to_a_live_project_page(client, service, site_tree):
    set_results_publication(service.organization, True)
    project = StandardPageFactory(
        parent=site_tree.fr, title="Projet Permis", slug="projet"
    )
    translate_page(project, title="Licence project", slug="project")
    ImprovementFactory(service=service, note="", project_page=project)
    french = client.get("/fr/retroaction/services/permis-de-peche/resultats/").text
    assert 'href="/fr/projet/"' in french
    english = client.get("/en/feedback/services/permis-de-peche/results/").text
    assert 'href="/en/project/"' in english


def test_entries_about_a_translated_service_count_on_the_original(service):
    english = Service.objects.get(
        translation_key=service.translation_key, locale__language_code="en"
    )
    improvement = Improvement(
        service=english, title="x", note="y", locale=service.locale
    )
    improvement.save()
    assert improvement.service == service


def test_stats_count_by_service_and_organization(service):
    other = ServiceFactory()
    FeedbackEntryFactory(
        service=service, organization=service.organization, found=True, rating=5
    )
    FeedbackEntryFactory(
        service=service, organization=service.organization, found=False, rating=2
    )
    FeedbackEntryFactory(
        service=service, organization=service.organization, found=False, status="spam"
    )
    FeedbackEntryFactory(
        service=other, organization=other.organization, found=True, rating=None
    )
    rows = {row["service__slug"]: row for row in stats.by_service()}
    assert rows["permis-de-peche"]["answers"] == 2
    assert rows["permis-de-peche"]["yes_rate"] == 50.0
    assert rows["permis-de-peche"]["average_satisfaction"] == 3.5
    assert rows[other.slug]["average_satisfaction"] is None
    organizations = {row["organization_id"]: row for row in stats.by_organization()}
    assert organizations[service.organization_id]["answers"] == 2
    assert stats.yes_rate() == pytest.approx(66.7)
    assert stats.average_satisfaction() == 3.5
    monthly = list(stats.monthly_by_service())
    assert {"comment", "suggestion"}.isdisjoint(monthly[0])


def test_stats_count_in_the_database(service, django_assert_num_queries):
    FeedbackEntryFactory.create_batch(
        30, service=service, organization=service.organization
    )
    with django_assert_num_queries(1):
        stats.by_service()
    with django_assert_num_queries(1):
        stats.average_satisfaction()


def test_seed_demo_adds_services_and_feedback_and_is_idempotent(db):
    seed_demo_of("feedback")
    entries = FeedbackEntry.objects.count()
    assert Service.objects.filter(locale__language_code="fr").count() == 3
    assert Service.objects.filter(locale__language_code="en").count() == 3
    assert entries >= 300
    assert FeedbackEntry.objects.filter(language="en").exclude(comment="").exists()
    assert FeedbackEntry.objects.filter(language="fr").exclude(comment="").exists()
    oldest = FeedbackEntry.objects.order_by("created_at").first().created_at
    assert timezone.now() - oldest > timedelta(days=150)
    assert not FeedbackEntry.objects.filter(comment__contains="@example.com").exists()
    seed_demo_of("feedback")
    assert FeedbackEntry.objects.count() == entries
    assert Service.objects.count() == 6


def test_the_results_index_shows_untranslated_services_in_their_language(
    client, service
):
    untranslated = ServiceFactory(
        name="Service non traduit", organization=service.organization
    )
    set_results_publication(service.organization, True)
    english = client.get("/en/feedback/services/").text
    assert "Fishing licence" in english and "Permis de pêche" not in english
    assert 'lang="fr"' in english and untranslated.name in english


@pytest.mark.parametrize("count", [5, 40])
def test_the_results_index_query_count_is_flat(
    client, site_tree, count, django_assert_num_queries
):
    services = ServiceFactory.create_batch(count)
    for item in services:
        set_results_publication(item.organization, True)
    client.get("/fr/retroaction/services/")  # warm the menu, footer, reasons caches
    # The same count with 5 or 40 services: organizations are fetched together,
    # the site and its locale come from the shared cache (numeriqc/sharedcache.py).
    with django_assert_num_queries(2):
        client.get("/fr/retroaction/services/")


def test_a_preview_has_no_widget(rf, site_tree):
    from django.template import Context, Template

    request = rf.get("/fr/")
    request.is_preview = True
    html = Template("{% load feedback_tags %}{% feedback_widget %}").render(
        Context({"request": request, "page": site_tree.fr})
    )
    assert html == ""
