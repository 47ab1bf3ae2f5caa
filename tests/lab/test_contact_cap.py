"""Never more than two contacts per calendar month: the database refuses a third."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultation.lab.matching import eligible_members, month_start
from consultation.lab.models import Contact
from consultation.lab.services import ContactCapReached, invite, record_contact

from .factories import PanelMemberFactory, StudyFactory


def test_a_third_contact_in_the_same_month_is_refused(db):
    member = PanelMemberFactory()
    record_contact(member)
    record_contact(member)
    with pytest.raises(ContactCapReached):
        record_contact(member)
    assert Contact.objects.filter(member=member).count() == 2


def test_the_database_itself_refuses_a_third_row(db):
    """Even code that skips record_contact cannot write a third contact."""
    member = PanelMemberFactory()
    month = month_start()
    Contact.objects.create(member=member, month=month, number=1)
    Contact.objects.create(member=member, month=month, number=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(member=member, month=month, number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(member=member, month=month, number=2)


def test_the_cap_starts_again_next_month(db):
    member = PanelMemberFactory()
    january = timezone.make_aware(datetime.datetime(2026, 1, 31, 12))
    february = timezone.make_aware(datetime.datetime(2026, 2, 1, 12))
    record_contact(member, now=january)
    record_contact(member, now=january)
    record_contact(member, now=february)
    assert Contact.objects.filter(month=datetime.date(2026, 2, 1)).count() == 1


def test_members_at_the_cap_are_not_proposed_nor_invited(db):
    capped, free = PanelMemberFactory(), PanelMemberFactory()
    record_contact(capped)
    record_contact(capped)
    study = StudyFactory()
    assert list(eligible_members(study)) == [free]
    result = invite(study, [capped.pk, free.pk])
    assert [invitation.member for invitation in result.invited] == [free]
    assert result.not_eligible == 1
    assert Contact.objects.filter(member=capped).count() == 2


def test_the_cap_is_checked_again_when_the_researcher_invites(db):
    """Cap reached between the proposal and the invitation: nobody is invited."""
    member = PanelMemberFactory()
    study = StudyFactory()
    month = month_start()
    eligible = list(eligible_members(study))
    Contact.objects.create(member=member, month=month, number=1)
    Contact.objects.create(member=member, month=month, number=2)
    assert eligible == [member]
    result = invite(study, [member.pk])
    assert not result.invited
    assert not study.invitations.exists()
