"""Members are deleted after the retention period (three years at most)."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from consultation.lab import tasks
from consultation.lab.models import Contact, Invitation, PanelMember, retention_days
from consultation.lab.services import record_contact

from .factories import InvitationFactory, PanelMemberFactory


def test_members_past_retention_are_deleted_with_everything_about_them(db):
    now = timezone.now()
    old = PanelMemberFactory(consented_at=now - timedelta(days=3 * 365 + 1))
    invitation = InvitationFactory(member=old)
    record_contact(old, invitation)
    kept = PanelMemberFactory(consented_at=now - timedelta(days=3 * 365 - 1))
    assert tasks.expire_panel_members() == 1
    assert list(PanelMember.objects.all()) == [kept]
    assert not Invitation.objects.filter(member_id=old.pk).exists()
    assert not Contact.objects.exists()
    assert tasks.expire_panel_members() == 0  # safe to run twice


def test_unconfirmed_sign_ups_are_deleted_after_a_week(db):
    now = timezone.now()
    PanelMemberFactory(email_confirmed_at=None, consented_at=now - timedelta(days=8))
    recent = PanelMemberFactory(
        email_confirmed_at=None, consented_at=now - timedelta(days=2)
    )
    tasks.expire_panel_members()
    assert list(PanelMember.objects.all()) == [recent]


@override_settings(LAB_RETENTION_DAYS=5000)
def test_retention_never_exceeds_three_years():
    assert retention_days() == 3 * 365


@override_settings(LAB_RETENTION_DAYS=365)
def test_a_shorter_retention_is_honoured(db):
    PanelMemberFactory(consented_at=timezone.now() - timedelta(days=400))
    assert tasks.expire_panel_members() == 1
