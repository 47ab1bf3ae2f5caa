"""Staff get one feedback digest: the feedback app's own, never a second one."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from feedback import tasks as feedback_tasks
from feedback.models import DigestSubscription
from home.roles import EDITORS
from notifications import publish
from notifications.models import Delivery, Event, Topic
from tests.factories import OrganizationFactory, UserFactory
from tests.feedback.factories import FeedbackEntryFactory

pytestmark = pytest.mark.django_db


def yesterday_noon():
    midnight = datetime.combine(
        timezone.localdate() - timedelta(days=1), datetime.min.time()
    )
    return timezone.make_aware(midnight) + timedelta(hours=12)


def test_a_staff_member_receives_one_digest(commit):
    organization = OrganizationFactory(name="Revenu")
    FeedbackEntryFactory(
        organization=organization, created_at=yesterday_noon(), comment="Bloqué."
    )
    editor = UserFactory(groups=[EDITORS], organizations=[organization])
    DigestSubscription.objects.create(
        user=editor, frequency=DigestSubscription.Frequency.DAILY
    )
    with commit():
        feedback_tasks.send_due_digests()
        # Anyone publishing the topic as well does not make a second digest.
        publish(Topic.FEEDBACK_DIGEST, organization, key=str(timezone.localdate()))
        feedback_tasks.send_due_digests()
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Rétroaction numériQc" in mail.outbox[0].subject
    assert not Delivery.objects.exists()
    assert Event.objects.get().dispatched_at is not None
