"""Messages go through the notification platform when it plugs in; rate limits."""

import re

from django.core import mail
from django.test import override_settings
from wagtail import hooks

from barometre.sources import all_sources
from consultation.lab.messaging import HOOK
from consultation.lab.models import PanelMember
from consultation.lab.services import invite

from .conftest import SAME_SITE
from .factories import LabReportPageFactory, PanelMemberFactory, StudyFactory


class FakePlatform:
    """Stands for the notification platform: it sends text messages."""

    def __init__(self):
        self.sent = []

    def __call__(self, message):
        if message.email:
            return None  # the lab sends its emails itself
        self.sent.append(message)
        return "sms"


def test_a_mobile_only_member_confirms_by_text_message(client, lab_page, commit):
    platform = FakePlatform()
    with hooks.register_temporarily(HOOK, platform):
        commit(
            client.post,
            "/en/lab/",
            {"mobile": "(438) 555-0111", "is_adult": "on", "consent": "on"},
            **SAME_SITE,
        )
    assert not mail.outbox
    (message,) = platform.sent
    assert message.mobile == "+14385550111" and message.language == "en"
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    assert client.get(link).status_code == 200
    assert PanelMember.objects.get().is_confirmed


def test_invitations_use_the_platform_when_it_is_there(db, commit):
    platform = FakePlatform()
    member = PanelMemberFactory(email="", mobile="+15145550123")
    study = StudyFactory()
    result = commit(invite, study, [member.pk])
    assert not result.invited  # nobody can text them yet
    with hooks.register_temporarily(HOOK, platform):
        result = commit(invite, study, [member.pk])
    result.invited[0].refresh_from_db()
    assert result.invited[0].channel == "sms"
    assert "Invitation à tester un service public" in platform.sent[0].subject


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
