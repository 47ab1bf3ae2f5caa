"""iCalendar (RFC 5545) files of sessions: one event per session, times in
America/Montreal with the matching VTIMEZONE, so that calendars show local times."""

from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

MONTREAL = ZoneInfo("America/Montreal")
PRODID = "-//numériQc//Training catalogue//FR"


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(MONTREAL))
    # Always present: a calendar needs one component even when no session matches.
    calendar.add_component(icalendar.Timezone.from_tzid(str(MONTREAL)))
    return calendar


def session_event(session, course_url, stamp=None):
    """The VEVENT of one session; `course_url` is absolute."""
    course = session.course
    event = icalendar.Event()
    event.add("uid", f"{session.uid}@numeriqc")
    event.add("dtstamp", stamp or timezone.now())
    event.add("dtstart", session.start_at.astimezone(MONTREAL))
    event.add("dtend", session.end_at.astimezone(MONTREAL))
    event.add("summary", course.title)
    event.add("location", _("Online") if session.online else session.place)
    event.add("description", _description(session, course, course_url))
    event.add("url", course_url)
    status = "CANCELLED" if session.status == session.Status.CANCELLED else "CONFIRMED"
    event.add("status", status)
    return event


def _description(session, course, course_url):
    lines = [strip_tags(course.summary)] if course.summary else []
    lines.append(
        _("Language: %(language)s") % {"language": session.get_language_display()}
    )
    if session.registration_deadline:
        lines.append(
            _("Register before %(date)s")
            % {"date": session.registration_deadline.isoformat()}
        )
    lines.append(course_url)
    return "\n".join(lines)


def calendar_bytes(name, sessions, url_of):
    """The whole .ics file; `url_of(course)` gives each course's absolute address."""
    calendar = new_calendar(name)
    stamp = timezone.now()
    for session in sessions:
        calendar.add_component(session_event(session, url_of(session.course), stamp))
    return calendar.to_ical()
