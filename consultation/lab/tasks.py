"""Lab tasks. Each takes ids, re-reads the rows, and is safe to run twice: a
message is claimed (its "sent" time written) before it goes, and released if
sending fails, so a retry sends it once."""

from celery import shared_task
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import messaging, services, tokens
from .models import Invitation, PanelMember

RETRY = {"autoretry_for": (OSError,), "retry_backoff": 60, "max_retries": 5}


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def _message(member, template, context, key):
    language = member.contact_language
    with translation.override(language):
        context = {
            **context,
            "member": member,
            "manage_url": absolute(member_link(member)),
        }
        subject = render_to_string(
            f"consultation/lab/email/{template}_subject.txt", context
        )
        body = render_to_string(f"consultation/lab/email/{template}.txt", context)
        sms = render_to_string(f"consultation/lab/sms/{template}.txt", context)
    return messaging.DirectMessage(
        email=member.email,
        mobile=member.mobile,
        language=language,
        subject=" ".join(subject.split()),
        body=body,
        key=key,
        sms_body="\n".join(line.strip() for line in sms.splitlines() if line.strip()),
    )


def member_link(member):
    return reverse("consultation:lab:member", args=[tokens.manage_token(member)])


def _claim(model, pk, field):
    return model.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(
        **{field: timezone.now()}
    )


@shared_task(**RETRY)
def send_confirmation(member_id):
    """The link that confirms a new (or changed) address: email, else by text
    message when the notification platform can send one."""
    if not _claim(PanelMember, member_id, "confirmation_sent_at"):
        return False
    member = PanelMember.objects.get(pk=member_id)
    with translation.override(member.contact_language):
        url = absolute(
            reverse("consultation:lab:confirm", args=[tokens.confirm_token(member)])
        )
    message = _message(
        member, "confirm", {"confirm_url": url}, f"lab-confirm-{member.pk}"
    )
    try:
        messaging.deliver(message)
    except (OSError, messaging.Unreachable) as error:
        PanelMember.objects.filter(pk=member_id).update(confirmation_sent_at=None)
        if isinstance(error, OSError):
            raise
        return False
    return True


@shared_task(**RETRY)
def send_manage_link(member_id, requested_at=""):
    """Someone signed up again with this contact: remind them of their link.

    The key names the request: a retry sends it once, a later request again."""
    member = PanelMember.objects.filter(pk=member_id).first()
    if member is None:
        return False
    key = f"lab-manage-{member.pk}-{requested_at}"
    message = _message(member, "already_member", {}, key)
    try:
        messaging.deliver(message)
    except messaging.Unreachable:
        return False
    return True


@shared_task(**RETRY)
def send_invitation(invitation_id):
    if not _claim(Invitation, invitation_id, "sent_at"):
        return False
    invitation = Invitation.objects.select_related("study", "member").get(
        pk=invitation_id
    )
    member = invitation.member
    with translation.override(member.contact_language):
        url = absolute(
            reverse(
                "consultation:lab:invitation",
                args=[tokens.invitation_token(invitation)],
            )
        )
    message = _message(
        member,
        "invitation",
        {"study": invitation.study, "answer_url": url},
        f"lab-invitation-{invitation.pk}",
    )
    try:
        channel = messaging.deliver(message)
    except OSError:
        Invitation.objects.filter(pk=invitation_id).update(sent_at=None)
        raise
    except messaging.Unreachable:
        return False
    Invitation.objects.filter(pk=invitation_id).update(channel=channel)
    return True


@shared_task(**RETRY)
def send_acceptance(invitation_id):
    """What, when and where, once a member has accepted (sent once)."""
    if not Invitation.objects.filter(
        pk=invitation_id,
        status=Invitation.Status.ACCEPTED,
        acceptance_sent_at__isnull=True,
    ).update(acceptance_sent_at=timezone.now()):
        return False
    invitation = Invitation.objects.select_related("study", "member", "slot").get(
        pk=invitation_id
    )
    message = _message(
        invitation.member,
        "accepted",
        {"study": invitation.study, "slot": invitation.slot},
        f"lab-accepted-{invitation.pk}",
    )
    try:
        messaging.deliver(message)
    except OSError:
        Invitation.objects.filter(pk=invitation_id).update(acceptance_sent_at=None)
        raise
    except messaging.Unreachable:
        return False
    return True


@shared_task
def expire_panel_members():
    """Daily (beat): members past the retention period are deleted."""
    return services.expire_members()
