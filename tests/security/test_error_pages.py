"""Error pages: branded, in the language of the path, with a way back, and never
a 500 where a 400, 403 or 503 is the truth."""

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from numeriqc import views
from tests.factories import UserFactory


def _lang(response):
    return response.content.decode().split('<html lang="', 1)[1][:2]


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/fr/nexiste-pas/", "fr", "Page introuvable"),
        ("/en/missing/", "en", "Page not found"),
    ],
)
def test_404_in_the_language_of_the_path(client, site_tree, path, language, title):
    response = client.get(path)
    assert response.status_code == 404
    assert _lang(response) == language
    assert title in response.text
    assert f'href="/{language}/"' in response.text


def test_admin_404_stays_a_404(client, db):
    client.force_login(UserFactory(is_superuser=True))
    for path in ("/admin/snippets/consultation/survey/edit/999999/", "/admin/nowhere/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Location" not in response


@pytest.mark.parametrize(
    ("path", "language", "title", "back"),
    [
        ("/fr/recherche/", "fr", "Le formulaire a expiré", "Retour au formulaire"),
        ("/en/search/", "en", "The form has expired", "Back to the form"),
    ],
)
def test_a_form_sent_without_its_token_says_what_to_do(
    site_tree, path, language, title, back
):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(path, {"q": "impôts"})
    assert response.status_code == 403
    assert _lang(response) == language
    assert title in response.text
    assert f'<a href="{path}">{back}</a>' in response.text
    assert f'href="/{language}/"' in response.text
    other = "en" if language == "fr" else "fr"
    assert f'lang="{other}"' in response.text  # the other language's summary


def test_an_undecodable_form_is_a_400_not_a_500(site_tree):
    """A csrftoken cookie and a body in a charset Django cannot parse."""
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.cookies["csrftoken"] = "a" * 32
    response = browser.post(
        "/fr/recherche/",
        "q=x&csrfmiddlewaretoken=" + "a" * 32,
        content_type="application/x-www-form-urlencoded; charset=utf-16",
    )
    assert response.status_code in (400, 403)
    assert _lang(response) == "fr"
    assert 'href="/fr/"' in response.text


def test_400_page_reads_nothing_from_a_forged_host(db):
    browser = Client(raise_request_exception=False)
    response = browser.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert _lang(response) == "en"
    assert "Request not understood" in response.text
    assert "evil.example" not in response.text


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/fr/x/", "fr", "Une erreur est survenue"),
        ("/en/x/", "en", "An error occurred"),
    ],
)
def test_500_page_in_the_language_of_the_path(db, path, language, title):
    response = views.server_error(RequestFactory().get(path))
    assert response.status_code == 500
    assert _lang(response) == language
    assert title in response.content.decode()


def _database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/fr/", "fr", "Service temporairement indisponible"),
        ("/en/", "en", "Service temporarily unavailable"),
    ],
)
def test_database_outage_is_a_503_with_retry_after(site_tree, path, language, title):
    browser = Client(raise_request_exception=False)
    with connection.execute_wrapper(_database_down):
        response = browser.get(path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert _lang(response) == language
    assert title in response.text
