"""Messages go through the notification platform when it plugs in; rate limits."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from wagtail import hooks

from barometre.sources import all_sources
from consultation.lab.messaging import HOOK
from consultation.lab.models import PanelMember
from consultation.lab.services import invite
from notifications.channels import sms

from .conftest import SAME_SITE
from .factories import LabReportPageFactory, PanelMemberFactory, StudyFactory


@pytest.fixture
def texts(settings):
    """The notification platform sends text messages to an in-memory outbox."""
    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.channels.sms.LocmemBackend"
    settings.NOTIFICATIONS_SMS_QUIET_HOURS = "off"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def test_a_mobile_only_member_confirms_by_text_message(client, lab_page, commit, texts):
    commit(
        client.post,
        "/en/lab/",
        {"mobile": "(438) 555-0111", "is_adult": "on", "consent": "on"},
        **SAME_SITE,
    )
    assert not mail.outbox
    (text,) = texts
    assert text["to"] == "+14385550111"
    assert text["body"].startswith("numériQc testing panel: open this link")
    assert text["body"].endswith("STOP to opt out")
    link = re.search(r"http://testserver(/\S+)", text["body"]).group(1)
    assert client.get(link).status_code == 200
    assert PanelMember.objects.get().is_confirmed


def test_invitations_use_the_platform(db, commit, texts):
    member = PanelMemberFactory(email="", mobile="+15145550123")
    study = StudyFactory()
    result = commit(invite, study, [member.pk])
    result.invited[0].refresh_from_db()
    assert result.invited[0].channel == "sms"
    assert "Invitation à tester un service public" in texts[0]["body"]
    assert hooks.get_hooks(HOOK)  # the notification platform is plugged in


@override_settings(LAB_POSTS_PER_ADDRESS=2)
def test_too_many_sign_ups_from_one_address_are_refused(client, lab_page):
    data = {"is_adult": "on", "consent": "on"}
    for number in range(2):
        client.post(
            "/fr/laboratoire/", {**data, "email": f"p{number}@example.org"}, **SAME_SITE
        )
    refused = client.post(
        "/fr/laboratoire/", {**data, "email": "p9@example.org"}, **SAME_SITE
    )
    assert refused.status_code == 429
    assert "Réessayez dans" in refused.text
    assert PanelMember.objects.count() == 2


def test_the_barometre_reads_the_lab_figures(lab_page):
    PanelMemberFactory()
    PanelMemberFactory(email_confirmed_at=None)
    StudyFactory()
    LabReportPageFactory(parent=lab_page)
    sources = all_sources()
    figures = [
        sources[key].compute()
        for key in ["lab.panel_members", "lab.studies", "lab.reports"]
    ]
    assert figures == [1, 1, 1]
