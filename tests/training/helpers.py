import re

CARD_TITLE = re.compile(
    r'<li class="card training-course"[^>]*>\s*<h3><a href="[^"]*">([^<]*)</a>'
)


def titles(response):
    assert response.status_code == 200
    return CARD_TITLE.findall(response.content.decode())
