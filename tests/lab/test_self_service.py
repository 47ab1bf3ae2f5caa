"""The member's own record: see, change, delete everything, through a signed link."""

from django.core import mail

from consultation.lab import tokens
from consultation.lab.models import Contact, Invitation, PanelMember, Study, StudySlot
from consultation.lab.services import accept, record_contact

from .conftest import SAME_SITE
from .factories import InvitationFactory, PanelMemberFactory, StudySlotFactory


def record_url(member, language="fr"):
    prefix = (
        "participer/labo/mon-dossier"
        if language == "fr"
        else "participate/lab/my-record"
    )
    return f"/{language}/{prefix}/{tokens.manage_token(member)}/"


def test_the_member_sees_everything_held_about_them_in_french(client, site_tree):
    member = PanelMemberFactory(email="julie@example.org", mobile="+15145550199")
    invitation = InvitationFactory(member=member, study__title="Essai du portail")
    record_contact(member, invitation)
    response = client.get(record_url(member))
    assert response.status_code == 200
    text = response.text
    assert "Vos renseignements dans le panel de test" in text
    assert "julie@example.org" in text and "+15145550199" in text
    assert "Essai du portail" in text
    assert "Suppression automatique le" in text
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in response["Cache-Control"]


def test_the_member_sees_their_record_in_english(client, site_tree):
    member = PanelMemberFactory(language="en")
    response = client.get(record_url(member, "en"))
    assert response.status_code == 200
    assert "Your information in the testing panel" in response.text
    assert "Delete all my information" in response.text


def test_the_member_changes_their_profile(client, site_tree):
    member = PanelMemberFactory(email="a@example.org", region="06")
    data = {
        "action": "update",
        "email": "a@example.org",
        "region": "13",
        "assistive": ["magnifier"],
        "availability": ["weekend"],
    }
    response = client.post(record_url(member), data, **SAME_SITE)
    assert response.status_code == 200
    assert "Vos modifications sont enregistrées." in response.text
    member.refresh_from_db()
    assert member.region == "13" and member.uses_magnifier
    assert member.available_weekend and not member.has_computer
    assert member.email_confirmed_at is not None


def test_a_new_email_must_be_confirmed_again(client, site_tree, commit):
    member = PanelMemberFactory(email="old@example.org")
    data = {"action": "update", "email": "new@example.org"}
    commit(client.post, record_url(member), data, **SAME_SITE)
    member.refresh_from_db()
    assert member.email == "new@example.org" and member.email_confirmed_at is None
    assert mail.outbox[0].to == ["new@example.org"]


def test_a_change_that_removes_every_contact_is_refused(client, site_tree):
    member = PanelMemberFactory(email="keep@example.org")
    response = client.post(
        record_url(member), {"action": "update", "email": ""}, **SAME_SITE
    )
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email == "keep@example.org"


def test_deleting_leaves_nothing_behind_and_frees_the_place(client, site_tree):
    slot = StudySlotFactory(study__participants_wanted=2)
    member = PanelMemberFactory(email="bye@example.org")
    invitation = InvitationFactory(member=member, study=slot.study)
    record_contact(member, invitation)
    accept(invitation, slot, {"Question ?": "Réponse personnelle"})
    url = record_url(member)

    response = client.post(url, {"action": "delete"}, **SAME_SITE)
    assert response.status_code == 200
    assert "Vos renseignements sont supprimés" in response.text
    assert not PanelMember.objects.exists()
    assert not Invitation.objects.exists()
    assert not Contact.objects.exists()
    assert Study.objects.get().accepted_count == 0
    assert StudySlot.objects.get().booked == 0
    assert client.get(url).status_code == 404


def test_a_forged_link_shows_nothing(client, site_tree):
    PanelMemberFactory()
    response = client.get("/fr/participer/labo/mon-dossier/abc:def/")
    assert response.status_code == 404
    assert "Ce lien ne fonctionne pas" in response.text


def test_a_delete_from_another_site_is_refused(client, site_tree):
    member = PanelMemberFactory()
    response = client.post(
        record_url(member), {"action": "delete"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert PanelMember.objects.count() == 1


def test_the_member_downloads_their_record_as_json_and_text(client, site_tree):
    import json

    member = PanelMemberFactory(email="julie@example.org", first_name="Julie")
    InvitationFactory(member=member, study__title="Essai du portail")
    page = client.get(record_url(member))
    assert "Télécharger (JSON)" in page.text
    document = json.loads(client.get(record_url(member) + "?format=json").content)
    assert document["sections"]["lab.member"]["records"][0]["first_name"] == "Julie"
    assert document["sections"]["lab.invitations"]["records"][0]["study"] == (
        "Essai du portail"
    )
    text = client.get(record_url(member, "en") + "?format=txt")
    assert text["Content-Type"].startswith("text/plain")
    assert "first name: Julie" in text.content.decode()
    assert "Testing panel: your record" in text.content.decode()
