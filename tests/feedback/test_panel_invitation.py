"""The lab's panel invitation after a feedback, only where the organization wants it."""

import pytest
from django.test import Client

from consultation.lab.models import OrganizationLabSettings
from tests.factories import OrganizationFactory, StandardPageFactory, translate_page
from tests.lab.factories import LabIndexPageFactory

from .factories import ServiceFactory

FR_TITLE = "Aidez-nous à tester les services publics"
EN_TITLE = "Help us test public services"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def organization(site_tree):
    lab = LabIndexPageFactory(parent=site_tree.fr)
    translate_page(lab, title="User experience lab", slug="lab")
    return OrganizationFactory()


def opt_in(organization):
    OrganizationLabSettings.objects.create(
        organization=organization, invite_after_feedback=True
    )


@pytest.fixture
def page(site_tree, organization):
    french = StandardPageFactory(
        parent=site_tree.fr, slug="permis", title="Permis", organization=organization
    )
    translate_page(french, title="Licences", slug="licences")
    return french


@pytest.mark.parametrize(
    ("url", "title", "link"),
    [
        ("/fr/permis/?feedback=thanks", FR_TITLE, 'href="/fr/laboratoire/#join"'),
        ("/en/licences/?feedback=thanks", EN_TITLE, 'href="/en/lab/#join"'),
    ],
)
def test_shown_after_the_thanks_when_the_organization_opted_in(
    client, organization, page, url, title, link
):
    assert title not in client.get(url).text
    opt_in(organization)
    html = client.get(url).text
    assert title in html and link in html
    assert title not in client.get(url.split("?")[0]).text  # not before a feedback


def test_the_thanks_page_is_the_same_for_every_visitor(organization, page):
    opt_in(organization)
    first, second = Client(), Client(HTTP_USER_AGENT="Another browser")
    one = first.get("/fr/permis/?feedback=thanks")
    two = second.get("/fr/permis/?feedback=thanks")
    assert FR_TITLE in one.text
    assert one.content == two.content and not one.cookies


def test_shown_in_the_json_thanks_after_a_post_with_javascript(
    client, organization, page
):
    opt_in(organization)
    for language, title in (("fr", FR_TITLE), ("en", EN_TITLE)):
        answer = client.post(
            f"/{language}/{'retroaction' if language == 'fr' else 'feedback'}/"
            f"{'envoyer' if language == 'fr' else 'send'}/",
            {"page": page.pk, "path": "/fr/permis/", "found": "yes"},
            HTTP_ACCEPT="application/json",
            **SAME_SITE,
        )
        assert answer.status_code == 200, answer.content
        assert title in answer.json()["html"]


@pytest.mark.parametrize(
    ("language", "path", "title"),
    [
        ("fr", "/fr/retroaction/services/", FR_TITLE),
        ("en", "/en/feedback/services/", EN_TITLE),
    ],
)
def test_shown_on_a_service_page_after_the_thanks(
    client, organization, language, path, title
):
    service = ServiceFactory(slug="peche", organization=organization)
    url = f"{path}{service.slug}/?feedback=thanks"
    assert title not in client.get(url).text
    opt_in(organization)
    response = client.get(url)
    assert response.status_code == 200
    assert title in response.text
