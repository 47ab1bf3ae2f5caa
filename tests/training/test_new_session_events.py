"""Publishing a course announces each new upcoming session, once, in the same
transaction (the notifications part turns the events into messages)."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail import hooks

from home.translation import translate
from notifications.models import Event, Topic
from training.models import CoursePage, Session

from .factories import CoursePageFactory


def session_events():
    return Event.objects.filter(
        topic=Topic.TRAINING_SESSION,
        content_type=ContentType.objects.get_for_model(Session),
    )


def add_session(course, days, **fields):
    """What an editor does: add an inline session and publish the course."""
    course = CoursePage.objects.get(pk=course.pk)
    start = timezone.now() + timedelta(days=days)
    fields = {"online": True, **fields}
    course.sessions.add(
        Session(start_at=start, end_at=start + timedelta(hours=2), **fields)
    )
    course.save_revision().publish()
    return course


@pytest.fixture
def course(catalogue):
    return CoursePageFactory(parent=catalogue, title="Données ouvertes")


def test_publishing_a_new_session_emits_one_event(
    course, django_capture_on_commit_callbacks
):
    dispatched = []

    def handler(event_id):
        dispatched.append(event_id)

    with (
        hooks.register_temporarily("numeriqc_event_published", handler),
        django_capture_on_commit_callbacks(execute=True),
    ):
        add_session(course, 20)
    (event,) = session_events()
    session = Session.objects.get(course=course)
    assert event.object_id == str(session.pk)
    assert event.subject == session
    assert dispatched == [event.pk]


def test_publishing_again_announces_only_the_sessions_added_since(course):
    add_session(course, 20)
    CoursePage.objects.get(pk=course.pk).save_revision().publish()
    assert session_events().count() == 1
    add_session(course, 40)
    assert session_events().count() == 2


def test_past_and_cancelled_sessions_are_not_announced(course):
    add_session(course, -2)
    add_session(course, 15, status=Session.Status.CANCELLED)
    assert session_events().count() == 0


def test_a_draft_announces_nothing_until_it_is_published(course):
    draft = CoursePage.objects.get(pk=course.pk)
    start = timezone.now() + timedelta(days=9)
    draft.sessions.add(
        Session(start_at=start, end_at=start + timedelta(hours=1), online=True)
    )
    revision = draft.save_revision()
    assert session_events().count() == 0
    revision.publish()
    assert session_events().count() == 1


def test_the_english_translation_does_not_announce_the_same_sessions_again(course):
    add_session(course, 20)
    source = CoursePage.objects.get(pk=course.pk)
    strings = {
        source.title: "Open data",
        source.slug: "open-data",
        source.summary: "A course.",
        "Comprendre": "Understand",
    }
    english = translate(source, "en", strings)
    assert english.sessions.count() == 1
    english.save_revision().publish()
    assert session_events().count() == 1
