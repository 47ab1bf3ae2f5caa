"""Inviting a selection, answering by link: slots, screener, decline, emails once."""

import re

from django.core import mail

from consultation.lab import tasks, tokens
from consultation.lab.models import Contact, Invitation, Study, StudySlot
from consultation.lab.services import invite

from .conftest import SAME_SITE
from .factories import PanelMemberFactory, StudyFactory, StudySlotFactory


def answer_url(invitation, language="fr"):
    prefix = (
        "participer/labo/invitation"
        if language == "fr"
        else "participate/lab/invitation"
    )
    return f"/{language}/{prefix}/{tokens.invitation_token(invitation)}/"


def test_inviting_sends_one_email_per_member_in_their_language(db, commit):
    study = StudyFactory(title="Essai du portail", screener_questions="Quel appareil?")
    french = PanelMemberFactory(language="fr")
    english = PanelMemberFactory(language="en")
    result = commit(invite, study, [french.pk, english.pk])
    assert len(result.invited) == 2
    assert Contact.objects.count() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Invitation à tester un service public" in by_address[french.email].subject
    assert "Invitation to test a public service" in by_address[english.email].subject
    assert "/en/participate/lab/invitation/" in by_address[english.email].body
    assert (
        Invitation.objects.filter(sent_at__isnull=False, channel="email").count() == 2
    )


def test_the_sending_task_is_safe_to_run_twice(db, commit):
    member = PanelMemberFactory()
    result = commit(invite, StudyFactory(), [member.pk])
    invitation = result.invited[0]
    assert tasks.send_invitation(invitation.pk) is False
    assert len(mail.outbox) == 1


def test_inviting_twice_stores_one_invitation(db, commit):
    study, member = StudyFactory(), PanelMemberFactory()
    commit(invite, study, [member.pk])
    again = commit(invite, study, [member.pk])
    assert not again.invited
    assert Invitation.objects.count() == 1 and Contact.objects.count() == 1


def test_the_member_accepts_and_picks_a_slot(client, site_tree, commit):
    slot = StudySlotFactory(study__screener_questions="Quel appareil utiliserez-vous?")
    member = PanelMemberFactory()
    invitation = commit(invite, slot.study, [member.pk]).invited[0]
    page = client.get(answer_url(invitation))
    assert page.status_code == 200
    assert "Quel appareil utiliserez-vous?" in page.text
    assert "Choisissez un moment" in page.text

    response = commit(
        client.post,
        answer_url(invitation),
        {"action": "accept", "slot": slot.pk, "question_1": "Mon cellulaire"},
        **SAME_SITE,
    )
    assert response.status_code == 200
    assert "Merci : vous participez." in response.text
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.slot == slot
    assert invitation.screener_answers == {
        "Quel appareil utiliserez-vous?": "Mon cellulaire"
    }
    assert StudySlot.objects.get().booked == 1
    assert Study.objects.get().accepted_count == 1
    assert "Vous participez" in mail.outbox[-1].subject


def test_a_full_slot_is_refused_and_the_member_may_choose_another(
    client, site_tree, commit
):
    slot = StudySlotFactory(capacity=1, study__participants_wanted=5)
    other = StudySlot.objects.create(
        study=slot.study, starts_at=slot.starts_at, capacity=1
    )
    first, second = PanelMemberFactory(), PanelMemberFactory()
    result = commit(invite, slot.study, [first.pk, second.pk])
    one, two = result.invited
    client.post(answer_url(one), {"action": "accept", "slot": slot.pk}, **SAME_SITE)
    response = client.post(
        answer_url(two, "en"), {"action": "accept", "slot": slot.pk}, **SAME_SITE
    )
    assert response.status_code == 400
    assert "This time is no longer available" in response.text
    two.refresh_from_db()
    assert two.status == "invited"
    client.post(answer_url(two), {"action": "accept", "slot": other.pk}, **SAME_SITE)
    assert Invitation.objects.filter(status="accepted").count() == 2


def test_when_the_study_is_full_the_member_is_told(client, site_tree, commit):
    study = StudyFactory(participants_wanted=1)
    first, second = PanelMemberFactory(), PanelMemberFactory()
    one, two = commit(invite, study, [first.pk, second.pk]).invited
    client.post(answer_url(one), {"action": "accept"}, **SAME_SITE)
    page = client.get(answer_url(two, "en"))
    assert "This study is full." in page.text
    response = client.post(answer_url(two), {"action": "accept"}, **SAME_SITE)
    assert Study.objects.get().accepted_count == 1
    assert "Cette étude est complète." in response.text


def test_declining_after_accepting_frees_the_place(client, site_tree, commit):
    slot = StudySlotFactory()
    member = PanelMemberFactory()
    invitation = commit(invite, slot.study, [member.pk]).invited[0]
    client.post(
        answer_url(invitation), {"action": "accept", "slot": slot.pk}, **SAME_SITE
    )
    response = client.post(answer_url(invitation), {"action": "decline"}, **SAME_SITE)
    assert "Vous avez refusé cette invitation." in response.text
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert StudySlot.objects.get().booked == 0
    assert Study.objects.get().accepted_count == 0


def test_an_altered_invitation_link_is_refused(client, site_tree, commit):
    member = PanelMemberFactory()
    invitation = commit(invite, StudyFactory(), [member.pk]).invited[0]
    url = answer_url(invitation)
    forged = re.sub(r"/[^/]+/$", "/WyIxIiwiYWJjIl0:forged/", url)
    assert client.get(forged).status_code == 404
    response = client.post(forged, {"action": "decline"}, **SAME_SITE)
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "invited"
