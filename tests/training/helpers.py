import re

from django.utils import timezone

CARD_TITLE = re.compile(
    r'<li class="card training-course">\s*<h3><a href="[^"]*">([^<]*)</a>'
)


def titles(response):
    assert response.status_code == 200
    return CARD_TITLE.findall(response.content.decode())


def days_from_now(days, hour=None):
    moment = timezone.now() + timezone.timedelta(days=days)
    return moment.replace(hour=hour) if hour is not None else moment
