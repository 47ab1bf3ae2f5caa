"""Use cases of the lab: join the panel, manage one's record, invite, answer.

Each writes inside one transaction and queues its emails with
`transaction.on_commit`; the tasks re-read the rows and are safe to run twice.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import matching, tokens
from .choices import all_multi_columns
from .models import (
    CONTACTS_PER_MONTH,
    Contact,
    Invitation,
    PanelMember,
    Study,
    StudySlot,
    retention_days,
)

PROFILE_FIELDS = [
    "first_name",
    "email",
    "mobile",
    "region",
    "age_range",
    "language",
    "digital_comfort",
    *all_multi_columns(),
]
UNCONFIRMED_DAYS = 7


class ContactCapReached(Exception):
    """The member was already contacted twice this calendar month."""


class StudyFull(Exception):
    pass


class SlotFull(Exception):
    pass


class AlreadyAnswered(Exception):
    pass


def _queue(task_name, *args):
    def run():
        from . import tasks

        getattr(tasks, task_name).delay(*args)

    transaction.on_commit(run)


# The panel ----------------------------------------------------------------


def sign_up(profile, language):
    """Add a member (`profile`: the form's cleaned data). Returns (member, created).

    Signing up again with a known email or mobile stores nothing new: the member
    receives their self-service link instead (and the page says the same thing
    in both cases, so that nobody learns who is on the panel).
    """
    member = PanelMember(
        signup_language=language,
        is_adult=True,
        **{name: profile.get(name) or _empty(name) for name in PROFILE_FIELDS},
    )
    try:
        with transaction.atomic():
            member.save()
            _queue("send_confirmation", member.pk)
            return member, True
    except IntegrityError:
        existing = _existing_member(member)
        if existing is None:
            raise
        with transaction.atomic():
            # One message per request (the platform sends a key only once).
            _queue("send_manage_link", existing.pk, timezone.now().isoformat())
        return existing, False


def _empty(name):
    return False if name in all_multi_columns() else ""


def _existing_member(member):
    if member.email:
        found = PanelMember.objects.filter(email=member.email).first()
        if found:
            return found
    if member.mobile:
        return PanelMember.objects.filter(mobile=member.mobile).first()
    return None


def confirm_email(token):
    """The member behind a confirmation link, now confirmed; None if invalid."""
    value = tokens.read(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    if not isinstance(value, list) or len(value) != 2:
        return None
    access_key, address = value
    member = _member_by_key(access_key)
    if member is None or (member.email or member.mobile) != address:
        return None
    PanelMember.objects.filter(pk=member.pk, email_confirmed_at__isnull=True).update(
        email_confirmed_at=timezone.now()
    )
    member.refresh_from_db()
    return member


def member_from_link(token):
    access_key = tokens.read(token, tokens.MANAGE_SALT, tokens.MANAGE_MAX_AGE)
    return _member_by_key(access_key) if isinstance(access_key, str) else None


def _member_by_key(access_key):
    try:
        return PanelMember.objects.filter(access_key=access_key).first()
    except (ValueError, TypeError):
        return None


def update_member(member, profile):
    """Change a member's record; a new address must be confirmed again."""
    address = profile.get("email") or profile.get("mobile") or ""
    email_changed = address != (member.email or member.mobile)
    for name in PROFILE_FIELDS:
        setattr(member, name, profile.get(name) or _empty(name))
    if email_changed:
        member.email_confirmed_at = None
        member.confirmation_sent_at = None
    with transaction.atomic():
        member.save()
        if email_changed:
            _queue("send_confirmation", member.pk)
    return member


@transaction.atomic
def delete_member(member):
    """Remove a member and everything about them; places they held are freed."""
    accepted = Invitation.objects.select_for_update().filter(
        member=member, status=Invitation.Status.ACCEPTED
    )
    for invitation in accepted:
        _release(invitation)
    PanelMember.objects.filter(pk=member.pk).delete()


def expire_members(now=None):
    """Delete members past the retention period, and unconfirmed sign-ups."""
    now = now or timezone.now()
    expired = PanelMember.objects.filter(
        consented_at__lt=now - timedelta(days=retention_days())
    ) | PanelMember.objects.filter(
        email_confirmed_at__isnull=True,
        consented_at__lt=now - timedelta(days=UNCONFIRMED_DAYS),
    )
    deleted = 0
    for member in expired.distinct().iterator():
        delete_member(member)
        deleted += 1
    return deleted


# Contacts and invitations --------------------------------------------------


def record_contact(member, invitation=None, now=None):
    """Count one contact against the member's monthly cap, or refuse it.

    The row's number (1 or 2) is unique per member and month, so two processes
    that both saw "one contact so far" cannot both write the second one.
    """
    now = now or timezone.now()
    month = matching.month_start(now)
    for number in range(1, CONTACTS_PER_MONTH + 1):
        try:
            with transaction.atomic():
                return Contact.objects.create(
                    member=member,
                    month=month,
                    number=number,
                    invitation=invitation,
                    contacted_at=now,
                )
        except IntegrityError:
            continue
    raise ContactCapReached(member.pk)


@dataclass
class InvitationResult:
    invited: list = field(default_factory=list)
    at_cap: list = field(default_factory=list)
    not_eligible: int = 0


def invite(study, member_ids, now=None):
    """Invite the chosen members who are still eligible; each costs one contact."""
    result = InvitationResult()
    members = list(
        matching.eligible_members(study, now).filter(pk__in=member_ids).order_by("pk")
    )
    result.not_eligible = len(set(member_ids)) - len(members)
    for member in members:
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    study=study, member=member, invited_at=now or timezone.now()
                )
                record_contact(member, invitation, now)
                _queue("send_invitation", invitation.pk)
            result.invited.append(invitation)
        except ContactCapReached:
            result.at_cap.append(member)
        except IntegrityError:
            result.not_eligible += 1
    return result


def invitation_from_link(token):
    value = tokens.read(token, tokens.INVITATION_SALT, tokens.INVITATION_MAX_AGE)
    if not isinstance(value, list) or len(value) != 2:
        return None
    invitation_id, access_key = value
    return (
        Invitation.objects.select_related("study", "member", "slot")
        .filter(pk=invitation_id, member__access_key=access_key)
        .first()
        if isinstance(invitation_id, int) and isinstance(access_key, str)
        else None
    )


def accept(invitation, slot=None, answers=None):
    """Take a place in the study (and in the slot): never more than there are.

    Each count is raised by a conditional UPDATE ("... WHERE booked < capacity");
    the database serialises concurrent updates of one row, so the last place goes
    to exactly one member. Anything refused rolls the whole answer back.
    """
    now = timezone.now()
    try:
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, status=Invitation.Status.INVITED
            ).update(
                status=Invitation.Status.ACCEPTED,
                slot=slot,
                screener_answers=answers or {},
                responded_at=now,
            )
            if not claimed:
                raise AlreadyAnswered(invitation.pk)
            if not Study.objects.filter(
                pk=invitation.study_id, accepted_count__lt=F("participants_wanted")
            ).update(accepted_count=F("accepted_count") + 1):
                raise StudyFull(invitation.study_id)
            if slot is not None and not StudySlot.objects.filter(
                pk=slot.pk, study_id=invitation.study_id, booked__lt=F("capacity")
            ).update(booked=F("booked") + 1):
                raise SlotFull(slot.pk)
            _queue("send_acceptance", invitation.pk)
    except StudyFull:
        Invitation.objects.filter(
            pk=invitation.pk, status=Invitation.Status.INVITED
        ).update(status=Invitation.Status.FULL, responded_at=now)
        raise
    invitation.refresh_from_db()
    return invitation


@transaction.atomic
def decline(invitation):
    """Say no; a member who had accepted frees their place."""
    now = timezone.now()
    if Invitation.objects.filter(
        pk=invitation.pk, status=Invitation.Status.INVITED
    ).update(status=Invitation.Status.DECLINED, responded_at=now):
        return True
    row = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation.pk, status=Invitation.Status.ACCEPTED)
        .first()
    )
    if row is None:
        return False
    _release(row)
    Invitation.objects.filter(pk=row.pk).update(
        status=Invitation.Status.DECLINED, slot=None, responded_at=now
    )
    return True


def _release(invitation):
    Study.objects.filter(pk=invitation.study_id, accepted_count__gt=0).update(
        accepted_count=F("accepted_count") - 1
    )
    if invitation.slot_id:
        StudySlot.objects.filter(pk=invitation.slot_id, booked__gt=0).update(
            booked=F("booked") - 1
        )
