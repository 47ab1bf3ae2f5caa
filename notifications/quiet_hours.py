"""No text message at night in Montréal: 21:00 to 08:00 (one-time codes excepted)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

MONTREAL = ZoneInfo("America/Montreal")
QUIET_START = time(21, 0)
QUIET_END = time(8, 0)


def is_quiet(moment):
    local = moment.astimezone(MONTREAL).time()
    return local >= QUIET_START or local < QUIET_END


def next_allowed(moment):
    """`moment` itself outside quiet hours, else the following 08:00 in Montréal."""
    if not is_quiet(moment):
        return moment
    local = moment.astimezone(MONTREAL)
    day = local.date()
    if local.time() >= QUIET_START:
        day += timedelta(days=1)
    return datetime.combine(day, QUIET_END, tzinfo=MONTREAL)
