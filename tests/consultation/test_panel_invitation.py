"""The lab's panel invitation at the end of a survey, only when opted in."""

import pytest

from consultation.lab.models import OrganizationLabSettings
from tests.factories import translate_page
from tests.lab.factories import LabIndexPageFactory

from .test_answering import answer_all

FR_TITLE = "Aidez-nous à tester les services publics"
EN_TITLE = "Help us test public services"


@pytest.fixture
def lab(site_tree):
    page = LabIndexPageFactory(parent=site_tree.fr)
    translate_page(page, title="User experience lab", slug="lab")
    return page


@pytest.mark.parametrize("opted_in", [True, False])
def test_the_end_of_a_survey_invites_to_the_panel_when_opted_in(
    client, consultation, lab, opted_in
):
    OrganizationLabSettings.objects.create(
        organization=consultation.survey.organization,
        invite_after_survey=opted_in,
        invite_after_feedback=True,
    )
    french = client.get(answer_all(client, consultation)["Location"])
    assert "Merci, vos réponses ont été enregistrées." in french.text
    assert (FR_TITLE in french.text) is opted_in
    assert ('href="/fr/laboratoire/#join"' in french.text) is opted_in
    english_client = type(client)()
    english = english_client.get(
        answer_all(english_client, consultation, url=consultation.page_en.url)[
            "Location"
        ]
    )
    assert "Thank you, your answers have been recorded." in english.text
    assert (EN_TITLE in english.text) is opted_in


def test_no_invitation_while_answering(client, consultation, lab):
    OrganizationLabSettings.objects.create(
        organization=consultation.survey.organization, invite_after_survey=True
    )
    assert FR_TITLE not in client.get(consultation.page.url).text
