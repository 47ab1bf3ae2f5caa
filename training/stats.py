"""Figures and open data of the training offer, counted in SQL.

Courses exist once per language; figures count the original language only
(the default locale), so a course translated into English counts once.
"""

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from home.public_url import public_url

from .models import SOON_DAYS, CoursePage, Session


def _original_courses():
    return (
        CoursePage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
    )


def courses_offered():
    return _original_courses().count()


def sessions_next_90_days():
    return (
        Session.objects.filter(course__in=_original_courses().values("pk"))
        .within(SOON_DAYS)
        .count()
    )


def sessions_held():
    """Sessions that took place: started in the past and not cancelled."""
    return (
        Session.objects.filter(
            course__in=_original_courses().values("pk"), start_at__lte=timezone.now()
        )
        .exclude(status=Session.Status.CANCELLED)
        .count()
    )


def course_rows():
    """One row per course of the original language, sessions counted in SQL."""
    now = timezone.now()
    upcoming = Q(sessions__start_at__gt=now, sessions__status__in=["open", "full"])
    courses = (
        _original_courses()
        .select_related("provider")
        .annotate(
            upcoming_sessions=Count("sessions", filter=upcoming),
            next_session=Min("sessions__start_at", filter=upcoming),
        )
        .order_by("title", "pk")
    )
    for course in courses.iterator(chunk_size=500):
        yield {
            "course": course.title,
            "provider": course.provider.name,
            "level": course.level,
            "format": course.format,
            "audience": course.audience,
            "languages": course.languages,
            "duration_hours": float(course.duration_hours),
            "cost": float(course.cost),
            "certificate": course.certificate,
            "upcoming_sessions": course.upcoming_sessions,
            "next_session": course.next_session.isoformat()
            if course.next_session
            else None,
            "url": public_url(course),
        }


def session_rows():
    """Upcoming and past sessions of the original language's courses."""
    sessions = (
        Session.objects.filter(course__in=_original_courses().values("pk"))
        .select_related("course", "course__provider")
        .order_by("start_at", "pk")
    )
    for session in sessions.iterator(chunk_size=500):
        yield {
            "course": session.course.title,
            "provider": session.course.provider.name,
            "start": timezone.localtime(session.start_at).isoformat(),
            "end": timezone.localtime(session.end_at).isoformat(),
            "online": session.online,
            "place": "" if session.online else session.place,
            "language": session.language,
            "seats": session.seats,
            "registration_deadline": session.registration_deadline.isoformat()
            if session.registration_deadline
            else None,
            "status": session.status,
        }


def last_change():
    return _original_courses().aggregate(last=Max("last_published_at"))["last"]
