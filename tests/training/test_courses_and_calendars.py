"""Course pages, sessions in Montréal time, and iCalendar files parsed back."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from tests.factories import OrganizationFactory, translate_page
from training.models import Session

from .factories import CoursePageFactory, SessionFactory

MONTREAL = ZoneInfo("America/Montreal")


def next_year_utc(month, day, hour):
    return datetime(timezone.now().year + 1, month, day, hour, tzinfo=UTC)


@pytest.fixture
def course(catalogue):
    page = CoursePageFactory(
        parent=catalogue,
        title="Scrum en pratique",
        slug="scrum",
        provider=OrganizationFactory(name="Académie"),
        format="in_person",
        cost="150",
        certificate=True,
        prerequisites="<p>Connaître l’agilité.</p>",
    )
    # 14:00 UTC in January is 09:00 in Montréal (UTC-5).
    SessionFactory(
        course=page,
        start_at=next_year_utc(1, 15, 14),
        end_at=next_year_utc(1, 15, 17),
        online=False,
        place="Université Laval, Québec",
        seats=18,
    )
    SessionFactory(
        course=page,
        start_at=next_year_utc(2, 3, 14),
        end_at=next_year_utc(2, 3, 17),
        status=Session.Status.CANCELLED,
    )
    SessionFactory(
        course=page,
        start_at=timezone.now() - timedelta(days=30),
        end_at=timezone.now() - timedelta(days=30) + timedelta(hours=3),
    )
    return page


def test_course_page_shows_its_facts_and_upcoming_sessions_in_montreal_time(
    client, course
):
    response = client.get("/fr/formation/scrum/")
    text = response.text
    assert response.status_code == 200
    assert text.count("<h1>") == 1
    assert "Offert par Académie" in text
    assert "150,00 $" in text
    assert "Oui, une attestation de réussite" in text
    assert "Connaître l’agilité." in text
    assert "Université Laval, Québec" in text
    assert "15 janvier" in text and "09:00" in text  # Montréal, not UTC
    assert "Séances annulées" in text
    assert text.count("Ajouter à mon agenda") == 1  # the past one is gone


def test_course_page_in_english(client, course):
    translate_page(course, title="Scrum in practice", slug="scrum-en")
    response = client.get("/en/training/scrum-en/")
    text = response.text
    assert response.status_code == 200
    assert "Scrum in practice" in text
    assert "Upcoming sessions" in text
    assert "Jan. 15" in text and "9 a.m." in text
    assert "Add to my calendar" in text
    assert "Cancelled sessions" in text


def test_a_course_without_sessions_says_so_in_both_languages(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="vide", format="virtual")
    translate_page(course, slug="empty")
    french = client.get("/fr/formation/vide/")
    assert "Aucune séance n’est prévue pour le moment." in french.text
    english = client.get("/en/training/empty/")
    assert "No session is scheduled at the moment." in english.text


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.endswith(b"\r\n")
    return icalendar.Calendar.from_ical(response.content)


def test_one_session_downloads_as_a_valid_icalendar_event(client, course):
    session = course.sessions.get(
        status=Session.Status.OPEN, start_at__gt=timezone.now()
    )
    response = client.get(f"/fr/seances-de-formation/{session.pk}.ics")
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["America/Montreal"]
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(hours=-5)
    assert (start.hour, start.minute) == (9, 0)
    assert event["DTSTART"].params["TZID"] == "America/Montreal"
    assert event.decoded("DTEND") - start == timedelta(hours=3)
    assert str(event["SUMMARY"]) == "Scrum en pratique"
    assert str(event["LOCATION"]) == "Université Laval, Québec"
    assert str(event["UID"]) == f"{session.uid}@numeriqc"
    assert "DTSTAMP" in event
    assert str(event["URL"]) == "http://testserver/fr/formation/scrum/"
    assert "Langue : Français" in str(event["DESCRIPTION"])


def test_online_session_in_english(client, catalogue):
    course = CoursePageFactory(parent=catalogue, slug="en-ligne")
    session = SessionFactory(course=course, online=True, language="en")
    with translation.override("en"):
        response = client.get(f"/en/training-sessions/{session.pk}.ics")
    (event,) = parse(response).walk("VEVENT")
    assert str(event["LOCATION"]) == "Online"
    assert "Language: English" in str(event["DESCRIPTION"])


def test_sessions_of_unpublished_or_unknown_courses_are_not_found(client, catalogue):
    draft = CoursePageFactory(parent=catalogue, slug="brouillon", live=False)
    session = SessionFactory(course=draft)
    assert client.get(f"/fr/seances-de-formation/{session.pk}.ics").status_code == 404
    assert client.get("/fr/seances-de-formation/999999.ics").status_code == 404


def test_catalogue_feed_lists_upcoming_sessions_filtered_like_the_page(
    client, catalogue, course
):
    other = CoursePageFactory(parent=catalogue, slug="donnees", level="advanced")
    SessionFactory(course=other, start_at=timezone.now() + timedelta(days=3))
    everything = parse(client.get("/fr/formation/calendrier/"))
    summaries = sorted(str(e["SUMMARY"]) for e in everything.walk("VEVENT"))
    # The cancelled and the past sessions of Scrum are left out.
    assert summaries == sorted(["Scrum en pratique", other.title])
    advanced = parse(client.get("/fr/formation/calendrier/?level=advanced"))
    assert [str(e["SUMMARY"]) for e in advanced.walk("VEVENT")] == [other.title]
    page = client.get("/fr/formation/?level=advanced")
    assert 'href="/fr/formation/calendrier/?level=advanced"' in page.text


def test_an_empty_feed_is_still_a_valid_calendar(client, catalogue):
    calendar = parse(client.get("/fr/formation/calendrier/?q=rien"))
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_bad_feed_filters_do_not_fail(client, catalogue):
    response = client.get("/fr/formation/calendrier/?level=x&soon=maybe&theme=z")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Une séance se termine après son début."),
        ("en", "A session ends after it starts."),
    ],
)
def test_a_session_must_end_after_it_starts(catalogue, language, message):
    course = CoursePageFactory(parent=catalogue)
    start = timezone.now() + timedelta(days=5)
    session = Session(course=course, start_at=start, end_at=start, online=True)
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert message in error.value.message_dict["end_at"]


@pytest.mark.parametrize(
    ("language", "place", "deadline"),
    [
        ("fr", "Indiquez le lieu, ou cochez « en ligne ».", "ne peut pas tomber"),
        ("en", "Give the place, or tick “online”.", "cannot fall after"),
    ],
)
def test_a_session_needs_a_place_and_a_sensible_deadline(
    catalogue, language, place, deadline
):
    course = CoursePageFactory(parent=catalogue)
    start = timezone.now() + timedelta(days=5)
    session = Session(
        course=course,
        start_at=start,
        end_at=start + timedelta(hours=2),
        online=False,
        registration_deadline=(start + timedelta(days=2)).date(),
    )
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert place in error.value.message_dict["place"]
        assert deadline in error.value.message_dict["registration_deadline"][0]


def test_the_database_refuses_a_session_ending_before_it_starts(catalogue):
    course = CoursePageFactory(parent=catalogue)
    start = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            course=course, start_at=start, end_at=start - timedelta(hours=1)
        )


def test_other_apps_add_a_section_to_course_pages(client, course):
    from wagtail import hooks

    def panel(request, page):
        return {"template": "training/includes/duration.html", "course": page}

    with hooks.register_temporarily("numeriqc_course_panels", panel):
        response = client.get("/fr/formation/scrum/")
    assert response.status_code == 200
    assert response.text.count("training-band") == 2  # the facts, and the panel


@pytest.mark.parametrize(
    ("own", "other"),
    [
        ("/fr/formation/calendrier/", "/fr/formation/calendar/"),
        ("/en/training/calendar/", "/en/training/calendrier/"),
    ],
)
def test_the_calendar_address_is_in_the_pages_language(client, catalogue, own, other):
    """calendrier/ in French, calendar/ in English (issue 16); the other word, an
    older French address or a link shared across languages, redirects for good."""
    assert client.get(own).status_code == 200
    moved = client.get(other + "?level=advanced")
    assert moved.status_code == 301
    assert moved["Location"] == own + "?level=advanced"
    listing = client.get(own.removesuffix(own.split("/")[-2] + "/")).text
    assert f'href="{own}"' in listing
