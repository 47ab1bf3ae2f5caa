"""Without JavaScript, a question that an answer reveals on the same page is asked
before the survey moves on: the server shows the page again with it, keeping what
was typed."""

import re

import pytest

from consultation.models import Response

from .test_answering import first_page, key, name

# What a browser without JavaScript posts: every field the page holds, hidden
# ones included.
UNSEEN = re.compile(r'<input type="hidden" name="unseen" value="([^"]*)" data-unseen>')

TEXT = {
    "fr": ("Page 1 de 2", "Page 2 de 2", "font apparaître"),
    "en": ("Page 1 of 2", "Page 2 of 2", "bring up"),
}


def posted_like_the_page(response, answers):
    data = dict(answers)
    data["unseen"] = UNSEEN.findall(response.text)
    data["action"] = "next"
    return data


def block_of(response, question):
    return re.search(rf'<div[^>]*id="{question.field_name}-block"[^>]*>', response.text)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_question_revealed_on_the_same_page_is_asked_before_moving_on(
    client, consultation, language
):
    page = consultation.page if language == "fr" else consultation.page_en
    this_page, next_page, notice = TEXT[language]
    q = consultation.q
    shown = client.get(page.url)
    assert " hidden" in block_of(shown, q.why_not).group(0)

    answers = first_page(consultation)
    del answers[name(q.why_not)]  # the visitor never saw it
    again = client.post(page.url, posted_like_the_page(shown, answers))

    assert again.status_code == 200
    assert this_page in again.text and notice in again.text
    assert " hidden" not in block_of(again, q.why_not).group(0)
    html = again.text.replace("\n", " ")
    quebec = key(q.region.choices.get(label="Québec"))
    assert re.search(rf'value="{quebec}"[^>]*checked', html)
    assert re.search(rf'name="{name(q.rating)}" value="4"[^>]*checked', html)
    assert not Response.objects.exists()

    answers[name(q.why_not)] = "Trop lent"
    moved = client.post(page.url, posted_like_the_page(again, answers))
    assert moved.status_code == 302
    assert next_page in client.get(page.url).text


def test_a_question_that_stays_hidden_does_not_hold_the_visitor_back(
    client, consultation
):
    q = consultation.q
    shown = client.get(consultation.page.url)
    answers = first_page(consultation, **{name(q.recommend): "yes"})
    del answers[name(q.why_not)]
    moved = client.post(consultation.page.url, posted_like_the_page(shown, answers))
    assert moved.status_code == 302
    assert "Page 2 de 2" in client.get(consultation.page.url).text
