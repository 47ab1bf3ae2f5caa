"""Text from outside: control characters stripped at input, limits enforced in
the form and the model, and every export robust to what is already stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from feedback.models import FeedbackEntry
from home.roles import ANALYSTS
from tests.factories import OrganizationFactory, StandardPageFactory, UserFactory
from tests.feedback.factories import FeedbackEntryFactory
from tests.vitrine.factories import CallForProjectsPageFactory, VitrineIndexPageFactory
from vitrine.forms import SubmissionForm
from vitrine.models import CallSubmission

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
ESC = "\x1b"


def test_a_comment_with_control_characters_is_stored_without_them(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, slug="permis")
    response = client.post(
        "/fr/retroaction/envoyer/",
        {
            "page": page.pk,
            "path": "/fr/permis/",
            "found": "no",
            "comment": f"Le lien{ESC}[31m est brisé.\x07",
        },
        **SAME_SITE,
    )
    assert response.status_code == 302
    assert FeedbackEntry.objects.get().comment == "Le lien[31m est brisé."


def test_the_feedback_excel_export_survives_a_stored_control_character(client, db):
    organization = OrganizationFactory()
    FeedbackEntryFactory(organization=organization, comment=f"Avant{ESC}après")
    FeedbackEntryFactory(organization=organization, comment="=HYPERLINK(1)")
    client.force_login(UserFactory(groups=[ANALYSTS], organizations=[organization]))
    response = client.get("/admin/feedback/export/xlsx/")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = {cell.value for row in workbook.active.iter_rows() for cell in row}
    assert "Avantaprès" in cells
    assert "'=HYPERLINK(1)" in cells


@pytest.fixture
def call(site_tree):
    vitrine = VitrineIndexPageFactory(parent=site_tree.fr)
    return CallForProjectsPageFactory(
        parent=vitrine, organization=OrganizationFactory()
    )


def _submission(**overrides):
    data = {
        "project_name": "Carte des services",
        "team": "Ana, Bo",
        "description": "Une carte.",
        "contact_name": "Ana",
        "contact_email": "ana@example.org",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_call_submission_limits_hold_in_the_form(call):
    form = SubmissionForm(_submission(team="x" * 2001, description="y" * 5001))
    assert not form.is_valid()
    assert set(form.errors) == {"team", "description"}
    assert SubmissionForm(_submission(team="x" * 2000)).is_valid()


def test_call_submission_limits_hold_in_the_model(call):
    submission = CallSubmission(
        call=call,
        call_key=call.translation_key,
        project_name="P",
        project_key="p",
        team="x" * 2001,
        description="d",
        contact_name="A",
        contact_email="a@example.org",
        language="fr",
    )
    with pytest.raises(ValidationError) as refused:
        submission.full_clean()
    assert "team" in refused.value.message_dict


def test_a_megabyte_submission_is_refused_and_nothing_stored(client, call):
    response = client.post(call.url, _submission(team="x" * 1_000_000))
    assert response.status_code in (200, 400)
    assert CallSubmission.objects.count() == 0
