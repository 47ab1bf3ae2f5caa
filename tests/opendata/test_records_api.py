"""The read API serves each dataset's records: chosen fields, filters, pages."""

import pytest

from feedback.dataset import SLUG
from feedback.models import OrganizationFeedbackSettings
from tests.feedback.factories import FeedbackEntryFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_services(site_tree):
    for name, slug in [("Permis de pêche", "permis-peche"), ("Passeport", "passeport")]:
        service = ServiceFactory(name=name, slug=slug)
        OrganizationFeedbackSettings.objects.create(
            organization=service.organization, publish_results=True
        )
        for rating in [5, 4, 4, 2, 5, 3]:
            FeedbackEntryFactory(
                service=service, organization=service.organization, rating=rating
            )


def url(language="fr"):
    prefix = "donnees-ouvertes" if language == "fr" else "open-data"
    return f"/{language}/{prefix}/api/datasets/{SLUG}/records/"


def test_records_with_their_fields(client, two_services):
    body = client.get(url()).json()
    assert body["dataset"] == SLUG and body["count"] == 2
    assert {r["service"] for r in body["records"]} == {"permis-peche", "passeport"}
    assert body["records"][0]["answers"] == 6 and body["next"] is None


def test_fields_filters_and_pages(client, two_services):
    only = client.get(url(), {"fields": "service,answers", "service": "passeport"})
    assert only.json()["records"] == [{"service": "passeport", "answers": 6}]
    first = client.get(url("en"), {"limit": "1", "fields": "service"}).json()
    assert first["count"] == 2 and len(first["records"]) == 1
    assert "offset=1" in first["next"]
    second = client.get(first["next"]).json()
    assert second["records"] != first["records"] and second["next"] is None


@pytest.mark.parametrize(
    ("params", "french"),
    [
        ({"fields": "service,secret"}, "Champ inconnu : secret"),
        ({"comment": "x"}, "Champ inconnu : comment"),
        ({"limit": "-1"}, "limit doit être un nombre entier"),
        ({"offset": "abc"}, "offset doit être un nombre entier"),
    ],
)
def test_bad_parameters_are_a_400_that_says_why(client, two_services, params, french):
    response = client.get(url(), params)
    assert response.status_code == 400
    assert french in response.json()["error"]


def test_an_unknown_dataset_is_a_404(client, site_tree):
    assert (
        client.get("/fr/donnees-ouvertes/api/datasets/inconnu/records/").status_code
        == 404
    )
