"""notifications.publish: the one way the other parts announce something."""

import pytest
from django.db import transaction

from notifications import publish
from notifications.models import Event, Topic
from tests.factories import StandardPageFactory


def test_publishing_twice_records_one_event(
    site_tree, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=site_tree.fr)
    with django_capture_on_commit_callbacks(execute=True):
        publish(Topic.VITRINE_PROJECT, page)
        publish(Topic.VITRINE_PROJECT, page)
    assert (
        Event.objects.filter(
            topic=Topic.VITRINE_PROJECT, object_id=str(page.pk)
        ).count()
        == 1
    )
    assert Event.objects.get().subject.specific == page


def test_a_different_key_is_a_different_event(site_tree):
    page = StandardPageFactory(parent=site_tree.fr)
    publish(Topic.CONSULTATION_CLOSING, page, key="2026-12-01")
    publish(Topic.CONSULTATION_CLOSING, page, key="2026-12-08")
    assert Event.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_no_event_survives_a_rolled_back_change(site_tree):
    page = StandardPageFactory(parent=site_tree.fr)
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(Topic.VITRINE_PROJECT, page)
        raise RuntimeError("the change failed")
    assert not Event.objects.exists()
