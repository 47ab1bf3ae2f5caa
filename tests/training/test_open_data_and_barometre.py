"""What the training offer declares to open data and to the Baromètre."""

from datetime import timedelta

from django.utils import timezone, translation

from barometre.sources import all_sources
from opendata.datasets import all_datasets
from tests.factories import translate_page
from training.models import Session

from .factories import CoursePageFactory, SessionFactory


def test_courses_and_sessions_are_open_datasets(catalogue):
    course = CoursePageFactory(
        parent=catalogue, title="Infonuagique", cost="0", duration_hours="3.5"
    )
    course.save_revision().publish()
    translate_page(course, title="Cloud", slug="cloud")  # counted once
    SessionFactory(course=course, start_at=timezone.now() + timedelta(days=2))
    SessionFactory(
        course=course,
        start_at=timezone.now() + timedelta(days=3),
        status=Session.Status.CANCELLED,
    )
    datasets = all_datasets()
    courses, sessions = datasets["training-courses"], datasets["training-sessions"]
    (row,) = list(courses.rows())
    assert list(row) == courses.field_names
    assert row["course"] == "Infonuagique"
    assert row["upcoming_sessions"] == 1
    assert row["duration_hours"] == 3.5 and row["cost"] == 0.0
    assert row["url"].endswith("/fr/formation/infonuagique/")
    session_rows = list(sessions.rows())
    assert len(session_rows) == 2
    assert all(list(r) == sessions.field_names for r in session_rows)
    assert {r["status"] for r in session_rows} == {"open", "cancelled"}
    assert session_rows[0]["start"].endswith("-05:00") or session_rows[0][
        "start"
    ].endswith("-04:00")
    assert courses.last_modified() is not None


def test_barometre_sources_count_courses_and_sessions_soon(catalogue):
    course = CoursePageFactory(parent=catalogue)
    translate_page(course, slug="course-en")
    CoursePageFactory(parent=catalogue, live=False)
    SessionFactory(course=course, start_at=timezone.now() + timedelta(days=30))
    SessionFactory(course=course, start_at=timezone.now() + timedelta(days=120))
    sources = all_sources()
    assert sources["training.courses_offered"].compute() == 1
    assert sources["training.sessions_next_90_days"].compute() == 1


def test_barometre_counts_sessions_held(catalogue, django_assert_max_num_queries):
    course = CoursePageFactory(parent=catalogue)
    english = translate_page(course, slug="course-en")
    past = timezone.now() - timedelta(days=10)
    SessionFactory(course=course, start_at=past)
    SessionFactory(course=course, start_at=past, status=Session.Status.COMPLETED)
    SessionFactory(course=course, start_at=past, status=Session.Status.CANCELLED)
    SessionFactory(course=course, start_at=timezone.now() + timedelta(days=5))
    SessionFactory(course=english, start_at=past)  # the translation's copy
    hidden = CoursePageFactory(parent=catalogue, live=False)
    SessionFactory(course=hidden, start_at=past)
    source = all_sources()["training.sessions_held"]
    with translation.override("en"):
        assert str(source.label) == "Training sessions held"
    with translation.override("fr"):
        assert str(source.label) == "Séances de formation tenues"
    with django_assert_max_num_queries(2):  # view restrictions, then the count
        assert source.compute() == 2
