"""No text message at night in Montréal: 21:00 to 08:00 by default (one-time
codes excepted). `NOTIFICATIONS_SMS_QUIET_HOURS` ("21:00-08:00", or "off")."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

MONTREAL = ZoneInfo("America/Montreal")


def window():
    """(start, end) local times, or None when quiet hours are turned off."""
    value = settings.NOTIFICATIONS_SMS_QUIET_HOURS.strip().lower()
    if value in ("", "off", "none"):
        return None
    start, _dash, end = value.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def is_quiet(moment):
    hours = window()
    if hours is None:
        return False
    start, end = hours
    local = moment.astimezone(MONTREAL).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def next_allowed(moment):
    """`moment` itself outside quiet hours, else the end of the quiet period."""
    if not is_quiet(moment):
        return moment
    start, end = window()
    local = moment.astimezone(MONTREAL)
    day = local.date()
    if start > end and local.time() >= start:
        day += timedelta(days=1)
    return datetime.combine(day, end, tzinfo=MONTREAL)
