"""What the lab holds about a member, for the platform's "my personal data" page
(home/personal_data.py) and the member's own record page."""

from django.utils.translation import gettext as _

from home.personal_data import Section, fields_of

from . import services
from .models import PanelMember

MEMBER_FIELDS = [
    "first_name",
    "email",
    "mobile",
    "region",
    "age_range",
    "language",
    "digital_comfort",
    "uses_screen_reader",
    "uses_magnifier",
    "uses_voice_control",
    "uses_no_assistive_technology",
    "has_computer",
    "has_phone",
    "has_tablet",
    "available_daytime",
    "available_evening",
    "available_weekend",
    "accepts_remote",
    "accepts_in_person",
    "signup_language",
    "is_adult",
    "consented_at",
    "email_confirmed_at",
    "updated_at",
]


def member_sections(member):
    record = [
        *fields_of(member, MEMBER_FIELDS),
        (
            "deleted_automatically_on",
            _("deleted automatically on"),
            member.expires_on(),
        ),
    ]
    invitations = member.invitations.select_related("study", "slot").order_by(
        "-invited_at"
    )
    return [
        Section("lab.member", _("Testing panel: your record"), [record]),
        Section(
            "lab.invitations",
            _("Testing panel: invitations"),
            [
                [
                    ("study", _("study"), invitation.study.title),
                    *fields_of(
                        invitation,
                        ["status", "invited_at", "responded_at", "screener_answers"],
                    ),
                    ("slot", _("time slot"), invitation.slot and invitation.slot.label),
                ]
                for invitation in invitations
            ],
        ),
        Section(
            "lab.contacts",
            _("Testing panel: times we contacted you"),
            [fields_of(contact, ["contacted_at"]) for contact in member.contacts.all()],
        ),
    ]


def _members(email):
    return PanelMember.objects.filter(email__iexact=email) if email else []


def sections_for(email):
    return [
        section for member in _members(email) for section in member_sections(member)
    ]


def erase_for(email):
    members = list(_members(email))
    for member in members:
        services.delete_member(member)
    return len(members)
