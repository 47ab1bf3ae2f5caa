"""Loi 25: a person asks for a private link, sees everything the platform holds
about their address, downloads it (JSON and a readable file) and deletes it."""

import json
import re
import uuid

import pytest
from django.core import mail

from consultation import services as consultation_services
from consultation.models import Answer, Question, Response, Survey
from home import personal_data
from notifications import consent
from notifications.models import Consent, Subscriber, Topic
from tests.consultation.factories import SurveyFactory, question
from tests.lab.factories import InvitationFactory, PanelMemberFactory

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
EMAIL = "julie.tremblay@example.org"


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """Each request runs its after-commit work (the email), as outside a test."""
    original = client.request

    def request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(**kwargs)

    client.request = request
    return client


@pytest.fixture
def held(site_tree, django_capture_on_commit_callbacks):
    """One address known to the lab, the notifications and an email-confirmed
    survey; another person's rows beside them."""
    member = PanelMemberFactory(email=EMAIL, first_name="Julie", region="06")
    InvitationFactory(member=member, study__title="Essai du portail")
    PanelMemberFactory(email="autre@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        consent.subscribe(EMAIL, "", "fr", [Topic.CONSULTATION_OPENED], [])
        consent.subscribe(
            "autre@example.org", "", "fr", [Topic.CONSULTATION_OPENED], []
        )
    survey = SurveyFactory(title="Services en ligne", integrity=Survey.Integrity.EMAIL)
    comment = question(survey, Question.Kind.SHORT_TEXT, "Votre avis")
    for address, text in [(EMAIL, "Trop de clics"), ("autre@example.org", "Bien")]:
        with django_capture_on_commit_callbacks(execute=True):
            consultation_services.submit_response(
                survey,
                {comment: text},
                key=uuid.uuid4(),
                language="fr",
                email=address,
            )
    mail.outbox.clear()
    return survey


def link_from_outbox():
    assert len(mail.outbox) == 1
    return re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)


def test_a_person_asks_for_their_link_in_french(client, held):
    page = client.get("/fr/mes-donnees/")
    assert page.status_code == 200
    assert "Mes données personnelles" in page.text
    response = client.post("/fr/mes-donnees/", {"email": EMAIL.upper()}, **SAME_SITE)
    assert response.status_code == 302
    assert response["Location"] == "/fr/mes-donnees/envoye/"
    assert mail.outbox[0].to == [EMAIL]
    assert "Vos données personnelles sur numériQc" in mail.outbox[0].subject
    overview = client.get(link_from_outbox())
    assert overview.status_code == 200
    text = overview.text
    assert "Ce que nous détenons sur vous" in text
    assert "Panel de test : votre dossier" in text and "Julie" in text
    assert "Essai du portail" in text
    assert "Notifications : historique des consentements" in text
    assert "Vos réponses aux consultations" in text and "Trop de clics" in text
    assert "autre@example.org" not in text and "Bien" not in text
    assert overview["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in overview["Cache-Control"]


def test_the_link_email_and_page_are_in_english_from_the_english_form(client, held):
    response = client.post("/en/my-data/", {"email": EMAIL}, **SAME_SITE)
    assert response["Location"] == "/en/my-data/sent/"
    assert mail.outbox[0].subject == "Your personal data on numériQc"
    overview = client.get(link_from_outbox())
    assert "What we hold about you" in overview.text
    assert "Testing panel: your record" in overview.text
    assert "Notifications: consent history" in overview.text


def test_bad_input_is_answered_next_to_the_field_and_sends_nothing(client, held):
    response = client.post(
        "/fr/mes-donnees/", {"email": "pas-un-courriel"}, **SAME_SITE
    )
    assert response.status_code == 400
    assert "Saisissez une adresse" in response.text
    assert 'value="pas-un-courriel"' in response.text
    english = client.post("/en/my-data/", {"email": ""}, **SAME_SITE)
    assert english.status_code == 400 and "This field is required." in english.text
    assert mail.outbox == []


def test_a_post_from_another_site_is_refused(client, held):
    response = client.post(
        "/fr/mes-donnees/", {"email": EMAIL}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert mail.outbox == []


def test_a_forged_or_altered_link_shows_nothing(client, held):
    token = personal_data.token_for(EMAIL)
    for bad in [token[:-2] + "xx", "abc", personal_data.token_for("")]:
        response = client.get(f"/fr/mes-donnees/{bad}/")
        assert response.status_code == 404
        assert "Julie" not in response.text


def test_the_json_download_holds_every_section_with_the_consent_history(client, held):
    token = personal_data.token_for(EMAIL)
    response = client.get(f"/en/my-data/{token}/?format=json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    sections = document["sections"]
    assert sections["lab.member"]["records"][0]["first_name"] == "Julie"
    assert sections["lab.invitations"]["records"][0]["study"] == "Essai du portail"
    consents = sections["notifications.consents"]["records"]
    assert [c["action"] for c in consents] == ["given"]
    assert consents[0]["wording"]  # the text the person accepted
    assert sections["notifications.subscriber"]["records"][0]["email"] == EMAIL
    answers = sections["consultation.responses"]["records"]
    assert len(answers) == 1 and "Trop de clics" in answers[0].values()


def test_the_readable_file_is_in_the_readers_language(client, held):
    token = personal_data.token_for(EMAIL)
    response = client.get(f"/fr/mes-donnees/{token}/?format=txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Ce que numériQc détient sur julie.tremblay@example.org" in text
    assert "Panel de test : votre dossier" in text
    assert "prénom: Julie" in text
    assert "Votre avis: Trop de clics" in text


def test_deleting_needs_the_box_ticked_then_removes_everything_and_only_that(
    client, held
):
    url = f"/fr/mes-donnees/{personal_data.token_for(EMAIL)}/"
    refused = client.post(url, {}, **SAME_SITE)
    assert refused.status_code == 400
    assert "Cochez la case" in refused.text
    assert Subscriber.objects.filter(email=EMAIL).exists()

    response = client.post(url, {"confirm": "yes"}, **SAME_SITE)
    assert response.status_code == 200
    assert "Vos données sont supprimées" in response.text
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    assert not Consent.objects.filter(subscriber__email=EMAIL).exists()
    assert Response.objects.filter(survey=held).count() == 1
    assert not Answer.objects.filter(text="Trop de clics").exists()
    assert personal_data.collect(EMAIL) == []
    # The other person is untouched.
    assert Subscriber.objects.filter(email="autre@example.org").exists()
    assert personal_data.collect("autre@example.org")
    after = client.get(url)
    assert "Nous ne détenons rien sur cette adresse." in after.text


def test_an_address_we_do_not_know_gets_the_same_answer(client, site_tree):
    response = client.post("/fr/mes-donnees/", {"email": "x@example.org"}, **SAME_SITE)
    assert response.status_code == 302
    overview = client.get(link_from_outbox())
    assert "Nous ne détenons rien sur cette adresse." in overview.text
