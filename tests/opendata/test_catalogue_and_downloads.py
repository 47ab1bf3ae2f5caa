"""The open-data catalogue, its downloads (CSV, JSON, 304), the DCAT document."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.http import http_date

from feedback.dataset import MINIMUM_ANSWERS, SLUG
from feedback.models import OrganizationFeedbackSettings
from opendata import services
from opendata.datasets import all_datasets
from tests.feedback.factories import FeedbackEntryFactory, ServiceFactory

pytestmark = pytest.mark.django_db

COLUMNS = [
    "month",
    "service",
    "service_name",
    "organization",
    "answers",
    "yes_rate",
    "ratings",
    "satisfaction_rate",
    "average_satisfaction",
]


@pytest.fixture
def published_service(site_tree):
    service = ServiceFactory(name="Permis de pêche", slug="permis-peche")
    OrganizationFeedbackSettings.objects.create(
        organization=service.organization, publish_results=True
    )
    for rating in [5, 4, 4, 2, 5, 3]:
        FeedbackEntryFactory(
            service=service,
            organization=service.organization,
            rating=rating,
            comment="Mon courriel est jean@example.org",
        )
    return service


def body(response):
    return b"".join(response.streaming_content)


def test_catalogue_lists_datasets_with_licence_and_fields_in_french(client, site_tree):
    response = client.get("/fr/donnees-ouvertes/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Données ouvertes</h1>" in text
    assert "Rétroaction sur les services publics, par service et par mois" in text
    assert "CC BY 4.0" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert "Fréquence de mise à jour" in text and "Quotidienne" in text
    assert (
        "Dictionnaire des champs" in text and "<code>satisfaction_rate</code>" in text
    )
    assert f"/fr/donnees-ouvertes/{SLUG}.csv" in text
    assert f"/fr/donnees-ouvertes/{SLUG}.json" in text
    # Every part of the platform declares its datasets: each is listed, none is
    # announced as coming any more.
    assert "Bientôt" not in text
    with translation.override("fr"):
        for dataset in all_datasets().values():
            assert escape(str(dataset.title)) in text


def test_catalogue_in_english(client, site_tree):
    response = client.get("/en/open-data/")

    assert response.status_code == 200
    assert "<h1>Open data</h1>" in response.text
    assert "Feedback on public services, per service and month" in response.text
    assert "Update frequency" in response.text and "Daily" in response.text
    assert "Coming soon" not in response.text
    with translation.override("en"):
        for dataset in all_datasets().values():
            assert escape(str(dataset.title)) in response.text


def test_feedback_dataset_csv_has_its_columns_and_no_comment(client, published_service):
    response = client.get(f"/fr/donnees-ouvertes/{SLUG}.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = body(response)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    assert len(rows) == 2
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["service"] == "permis-peche"
    assert row["answers"] == "6"
    assert row["average_satisfaction"] == "3.83"
    assert "jean@example.org" not in content.decode()
    assert "courriel" not in content.decode()


def test_feedback_dataset_json(client, published_service):
    response = client.get(f"/en/open-data/{SLUG}.json")

    data = json.loads(body(response))
    assert data["dataset"] == SLUG
    assert data["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["fields"] == COLUMNS
    assert list(data["data"][0]) == COLUMNS
    assert data["data"][0]["satisfaction_rate"] == pytest.approx(66.7)
    assert "comment" not in json.dumps(data)


def test_services_below_the_minimum_or_unpublished_are_left_out(
    client, published_service
):
    quiet = ServiceFactory(organization=published_service.organization)
    for _ in range(MINIMUM_ANSWERS - 1):
        FeedbackEntryFactory(service=quiet, organization=quiet.organization)
    private = ServiceFactory()
    for _ in range(MINIMUM_ANSWERS + 2):
        FeedbackEntryFactory(service=private, organization=private.organization)

    rows = list(services.rows_as_dicts(all_datasets()[SLUG]))

    assert [row["service"] for row in rows] == ["permis-peche"]


def test_downloads_answer_304_when_unchanged(client, published_service):
    url = f"/fr/donnees-ouvertes/{SLUG}.csv"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    FeedbackEntryFactory(
        service=published_service,
        organization=published_service.organization,
        created_at=timezone.now() + timedelta(seconds=5),
    )
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert by_etag.status_code == 304
    assert by_date.status_code == 304
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_downloads_are_streamed_and_open_to_other_sites(client, published_service):
    response = client.get(f"/fr/donnees-ouvertes/{SLUG}.json")
    preflight = client.options(f"/fr/donnees-ouvertes/{SLUG}.json")

    assert response.streaming
    assert response["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_unknown_dataset_or_format_is_not_found(client, site_tree):
    assert client.get("/fr/donnees-ouvertes/inconnu.csv").status_code == 404
    assert client.get(f"/fr/donnees-ouvertes/{SLUG}.xlsx").status_code == 404
    assert client.post(f"/fr/donnees-ouvertes/{SLUG}.csv").status_code == 405


def test_empty_dataset_still_downloads(client, site_tree):
    response = client.get(f"/fr/donnees-ouvertes/{SLUG}.csv")

    assert response.status_code == 200
    assert body(response).decode("utf-8-sig").splitlines() == [",".join(COLUMNS)]
    assert "Last-Modified" not in response


def test_dcat_catalogue(client, published_service):
    response = client.get("/en/open-data/catalogue.jsonld")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["@type"] == "dcat:Catalog"
    assert document["dct:license"] == "https://creativecommons.org/licenses/by/4.0/"
    dataset = next(
        item for item in document["dcat:dataset"] if item["dct:identifier"] == SLUG
    )
    assert dataset["dct:title"] == "Feedback on public services, per service and month"
    assert dataset["dct:accrualPeriodicity"] == {
        "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY"
    }
    assert dataset["dct:modified"]
    urls = {
        d["dct:format"]: d["dcat:downloadURL"] for d in dataset["dcat:distribution"]
    }
    assert urls == {
        "CSV": f"http://testserver/en/open-data/{SLUG}.csv",
        "JSON": f"http://testserver/en/open-data/{SLUG}.json",
    }
    assert [field["name"] for field in dataset["dct:conformsTo"]] == COLUMNS


def test_a_future_if_modified_since_never_fails(client, published_service):
    future = http_date((timezone.now() + timedelta(days=3)).timestamp())

    response = client.get(
        f"/fr/donnees-ouvertes/{SLUG}.csv", HTTP_IF_MODIFIED_SINCE=future
    )

    assert response.status_code in (200, 304)
