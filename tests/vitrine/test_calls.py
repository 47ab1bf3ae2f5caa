import csv
import io
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import OrganizationFactory, UserFactory, translate_page
from vitrine import services
from vitrine.models import CallSubmission

from .factories import CallForProjectsPageFactory

GOOD = {
    "project_name": "Carte des haltes",
    "team": "Ana\nBruno",
    "description": "Une carte des haltes routières à partir des données ouvertes.",
    "link": "https://example.org/haltes",
    "contact_name": "Ana Tremblay",
    "contact_email": "Ana@Example.org",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def call(vitrine):
    organizer = OrganizationFactory(name="Secrétariat", slug="sct")
    page = CallForProjectsPageFactory(
        parent=vitrine.vitrine_fr,
        title="Défi données ouvertes",
        slug="defi",
        organization=organizer,
    )
    english = translate_page(page, title="Open data challenge", slug="challenge")
    vitrine.call, vitrine.call_en, vitrine.organizer = page, english, organizer
    return vitrine


def test_the_call_page_shows_dates_eligibility_prizes_and_the_form(client, call):
    body = client.get("/fr/vitrine/defi/").content.decode()
    assert "Qui peut participer" in body
    assert "Trois prix de 5 000 $." in body
    assert 'name="project_name"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    english = client.get("/en/showcase/challenge/").content.decode()
    assert "Who may take part" in english
    assert "Send the submission" in english


def test_a_good_submission_is_stored_once_and_thanked(client, call):
    response = client.post("/fr/vitrine/defi/", GOOD, follow=True)
    assert response.status_code == 200
    assert "Merci. Votre soumission a été reçue" in response.content.decode()
    submission = CallSubmission.objects.get()
    assert submission.call == call.call
    assert submission.contact_email == "ana@example.org"
    assert submission.team == "Ana\nBruno"
    assert submission.language == "fr"


def test_bad_input_stores_nothing_and_says_why(client, call):
    bad = {**GOOD, "contact_email": "pas-un-courriel", "consent": ""}
    response = client.post("/fr/vitrine/defi/", bad)
    assert response.status_code == 400
    body = response.content.decode()
    assert "corrigez ce qui est indiqué" in body
    assert 'value="Carte des haltes"' in body
    english = client.post("/en/showcase/challenge/", {"project_name": "x" * 500})
    assert english.status_code == 400
    assert "correct what is shown" in english.content.decode()
    assert not CallSubmission.objects.exists()


def test_the_same_project_twice_is_refused_in_either_language(client, call):
    assert client.post("/fr/vitrine/defi/", GOOD).status_code == 302
    again = {
        **GOOD,
        "project_name": "  carte DES haltes ",
        "contact_email": "ANA@example.org",
    }
    response = client.post("/en/showcase/challenge/", again)
    assert response.status_code == 409
    assert "already been submitted to this call" in response.content.decode()
    french = client.post("/fr/vitrine/defi/", GOOD)
    assert "déjà été soumis à cet appel" in french.content.decode()
    assert CallSubmission.objects.count() == 1


def test_the_unique_key_holds_without_the_form(call):
    data = {**GOOD, "contact_email": "ana@example.org", "consent": True}
    services.submit_to_call(call.call, data, "fr")
    with pytest.raises(services.DuplicateSubmission):
        services.submit_to_call(call.call_en, data, "en")
    assert CallSubmission.objects.count() == 1


def test_a_closed_call_refuses_submissions_in_both_languages(client, call):
    page = call.call
    page.opens_at = timezone.now() - timedelta(days=30)
    page.closes_at = timezone.now() - timedelta(days=1)
    page.save_revision().publish()
    shown = client.get("/fr/vitrine/defi/").content.decode()
    assert 'name="project_name"' not in shown
    assert "Cet appel est fermé" in shown
    response = client.post("/fr/vitrine/defi/", GOOD)
    assert response.status_code == 403
    assert "Cet appel est fermé" in response.content.decode()
    english = call.call_en
    english.closes_at = page.closes_at
    english.opens_at = page.opens_at
    english.save_revision().publish()
    response = client.post("/en/showcase/challenge/", GOOD)
    assert response.status_code == 403
    assert "This call is closed" in response.content.decode()
    assert not CallSubmission.objects.exists()


def test_a_call_not_open_yet_says_so(client, call):
    page = call.call
    page.opens_at = timezone.now() + timedelta(days=3)
    page.closes_at = timezone.now() + timedelta(days=30)
    page.save_revision().publish()
    response = client.post("/fr/vitrine/defi/", GOOD)
    assert response.status_code == 403
    assert "pas encore ouvert" in response.content.decode()


def test_the_trap_field_stores_nothing(client, call):
    response = client.post("/fr/vitrine/defi/", {**GOOD, "website": "http://spam"})
    assert response.status_code == 302
    assert not CallSubmission.objects.exists()


@override_settings(VITRINE_SUBMISSIONS_PER_ADDRESS=2)
def test_too_many_posts_from_one_address_are_refused(client, call):
    for number in range(2):
        client.post("/fr/vitrine/defi/", {**GOOD, "project_name": f"Projet {number}"})
    response = client.post("/fr/vitrine/defi/", {**GOOD, "project_name": "Encore"})
    assert response.status_code == 429
    assert "Réessayez dans" in response.content.decode()
    assert CallSubmission.objects.count() == 2


def test_a_post_without_csrf_token_is_refused(call):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/fr/vitrine/defi/", GOOD).status_code == 403
    assert not CallSubmission.objects.exists()


@pytest.fixture
def submissions(call):
    services.submit_to_call(
        call.call,
        {**GOOD, "project_name": '=HYPERLINK("x")', "consent": True},
        "fr",
    )
    other_org = OrganizationFactory(name="Autre", slug="autre")
    other = CallForProjectsPageFactory(
        parent=call.vitrine_fr, title="Hackathon", organization=other_org
    )
    services.submit_to_call(
        other, {**GOOD, "project_name": "Projet secret", "consent": True}, "fr"
    )
    call.other_org = other_org
    return call


def _editor(client, organization):
    user = UserFactory(groups=["Editors"], organizations=[organization])
    client.force_login(user)
    return user


def test_organizers_see_only_their_calls_submissions(client, submissions):
    _editor(client, submissions.organizer)
    response = client.get("/admin/snippets/vitrine/callsubmission/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "HYPERLINK" in body
    assert "Projet secret" not in body
    secret = CallSubmission.objects.get(project_name="Projet secret")
    inspect = client.get(f"/admin/snippets/vitrine/callsubmission/inspect/{secret.pk}/")
    assert inspect.status_code in (302, 403)


def test_the_export_is_scoped_and_neutralised(client, submissions):
    _editor(client, submissions.organizer)
    response = client.get("/admin/vitrine/submissions/export/")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2
    assert rows[1][2] == '\'=HYPERLINK("x")'
    assert "Projet secret" not in content


def test_the_export_needs_the_permission(client, call):
    client.force_login(UserFactory())
    assert client.get("/admin/vitrine/submissions/export/").status_code in (302, 403)


def test_the_vitrine_lists_calls_still_open(client, call):
    body = client.get("/fr/vitrine/").content.decode()
    assert "Appels de projets et hackathons" in body
    assert "Défi données ouvertes" in body
    assert "Ouvert jusqu’au" in body
    page = call.call
    page.closes_at = timezone.now() - timedelta(days=1)
    page.opens_at = timezone.now() - timedelta(days=9)
    page.save_revision().publish()
    assert "Défi données ouvertes" not in client.get("/fr/vitrine/").content.decode()
    english = client.get("/en/showcase/").content.decode()
    assert "Open data challenge" in english


@pytest.mark.parametrize(
    ("path", "expected", "absent"),
    [
        (
            "/fr/vitrine/defi/",
            ["Nous avons reçu votre soumission : Carte des haltes", "Équipe : Ana"],
            "What happens next",
        ),
        (
            "/en/showcase/challenge/",
            ["We received your submission: Carte des haltes", "Team: Ana"],
            "Et ensuite",
        ),
    ],
)
def test_the_submitter_is_acknowledged_once_in_their_language(
    client, call, django_capture_on_commit_callbacks, path, expected, absent
):
    from django.core import mail

    from vitrine.tasks import send_submission_acknowledgement

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path, GOOD).status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    text = f"{message.subject}\n{message.body}"
    for fragment in expected:
        assert fragment in text
    assert absent not in text
    assert "Une carte des haltes routières" in message.body  # what they sent
    assert "http://testserver/" in message.body
    assert send_submission_acknowledgement(CallSubmission.objects.get().pk) is False
    assert len(mail.outbox) == 1  # a retry sends nothing more
