"""The one way other apps announce something: `publish(topic, obj)`."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks

from .models import Event


def publish(topic, obj, key=""):
    """Record that `topic` happened to `obj`; idempotent per (topic, obj, key).

    Call it inside the transaction that makes the change: the event exists if and
    only if the change was committed. Handlers registered with the
    "numeriqc_event_published" hook run after the commit, once per new event.
    """
    event, created = Event.objects.get_or_create(
        topic=topic,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        key=str(key),
    )
    if created:
        transaction.on_commit(lambda: _dispatch(event.pk))
    return event


def _dispatch(event_id):
    for handler in hooks.get_hooks("numeriqc_event_published"):
        handler(event_id)
