"""Admin pages of services, improvements and the digest setting."""

import pytest

from feedback.models import DigestSubscription
from home.roles import EDITORS
from tests.factories import OrganizationFactory, UserFactory

from .factories import FeedbackEntryFactory, ImprovementFactory, ServiceFactory

SERVICES = "/admin/snippets/feedback/service/"


@pytest.fixture
def editor(db):
    ours, theirs = OrganizationFactory(name="Nôtre"), OrganizationFactory(name="Autre")
    ServiceFactory(name="Service de chez nous", organization=ours, slug="chez-nous")
    ServiceFactory(name="Service d’ailleurs", organization=theirs)
    return UserFactory(groups=[EDITORS], organizations=[ours])


def test_editors_see_and_edit_only_their_services(client, editor):
    client.force_login(editor)
    listing = client.get(SERVICES)
    assert "Service de chez nous" in listing.text
    assert "Service d’ailleurs" not in listing.text
    add = client.get(f"{SERVICES}add/")
    assert add.status_code == 200
    assert "Nôtre" in add.text and "Autre" not in add.text


def test_the_service_edit_page_gives_the_feedback_addresses_and_qr_codes(
    client, editor
):
    client.force_login(editor)
    service = editor.organizations.get().translation_key
    from feedback.models import Service

    service = Service.objects.get(slug="chez-nous")
    html = client.get(f"{SERVICES}edit/{service.pk}/").text
    assert "http://testserver/fr/retroaction/services/chez-nous/" in html
    assert "http://testserver/en/feedback/services/chez-nous/" in html
    assert 'src="/fr/retroaction/services/chez-nous/code-qr.svg"' in html
    assert "Télécharger le code QR (SVG)" in html


def test_an_improvement_can_be_written_before_the_vitrine_exists(client, editor):
    client.force_login(editor)
    assert client.get("/admin/snippets/feedback/improvement/add/").status_code == 200
    improvement = ImprovementFactory(service__organization=editor.organizations.get())
    edit = client.get(f"/admin/snippets/feedback/improvement/edit/{improvement.pk}/")
    assert edit.status_code == 200


def test_staff_ask_for_the_digest_in_their_account_settings(client, editor):
    client.force_login(editor)
    page = client.get("/admin/account/")
    assert "Résumé de la rétroaction" in page.text
    data = {
        "feedback_digest-frequency": "weekly",
        "name_email-first_name": "Ana",
        "name_email-last_name": "Roy",
        "name_email-email": editor.email,
        "locale-preferred_language": "fr",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "true",
    }
    client.post("/admin/account/", data)
    assert DigestSubscription.objects.get(user=editor).frequency == "weekly"


def test_the_triage_queue_opens_urgent_entries_first(client, editor):
    organization = editor.organizations.get()
    FeedbackEntryFactory(organization=organization, comment="Ordinaire")
    FeedbackEntryFactory(organization=organization, comment="Menace", urgency="threat")
    client.force_login(editor)
    html = client.get("/admin/snippets/feedback/feedbackentry/").text
    assert html.index("Menace") < html.index("Ordinaire")
    assert "Urgente : menace" in html
