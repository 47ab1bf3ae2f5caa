"""The widget at the foot of every public page, in both languages, cache-friendly."""

import re

import pytest
from django.test import Client

from home.models import MeasurePage, StrategyPage
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    locale,
    translate_page,
)


@pytest.fixture
def pages(site_tree):
    """One live page of every public page type, in French and in English."""
    standard = StandardPageFactory(
        parent=site_tree.fr, slug="a-propos", title="À propos"
    )
    strategy = site_tree.fr.add_child(
        instance=StrategyPage(title="Stratégie", slug="strategie", locale=locale("fr"))
    )
    measure = MeasurePageFactory(
        parent=strategy, slug="mesure", organization=OrganizationFactory()
    )
    french = [site_tree.fr, standard, strategy, measure]
    english = [site_tree.en]
    english.append(translate_page(standard, title="About", slug="about"))
    english_strategy = translate_page(strategy, title="Strategy", slug="strategy")
    english.append(english_strategy)
    english.append(translate_page(measure, title="Measure", slug="measure"))
    return {"fr": french, "en": english}


def test_every_page_type_is_covered(pages):
    types = {type(page.specific) for page in pages["fr"]}
    assert StrategyPage in types and MeasurePage in types and len(types) == 4


@pytest.mark.parametrize(
    ("language", "question", "send", "privacy"),
    [
        (
            "fr",
            "Avez-vous trouvé ce que vous cherchiez ?",
            "Envoyer mon avis",
            "N’écrivez aucun renseignement personnel",
        ),
        (
            "en",
            "Did you find what you were looking for?",
            "Send my feedback",
            "Do not write any personal information",
        ),
    ],
)
def test_the_widget_is_on_every_page_in_both_languages(
    client, pages, language, question, send, privacy
):
    for page in pages[language]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.text
        assert question in html, page.url
        assert send in html and privacy in html
        assert f'name="page" value="{page.pk}"' in html
        assert f'action="/{language}/' in html
        assert 'maxlength="750"' in html
        assert html.count('id="feedback"') == 1


def test_the_widget_offers_the_reasons_for_yes_and_for_no(client, pages):
    html = client.get("/fr/a-propos/").text
    assert "L’information était claire" in html
    assert "L’information est erronée ou périmée" in html
    english = client.get("/en/about/").text
    assert "The information is wrong or out of date" in english


def test_two_visitors_receive_byte_identical_html_and_no_cookie(pages):
    first, second = Client(), Client(HTTP_USER_AGENT="Another browser")
    for page in pages["fr"] + pages["en"]:
        one, two = first.get(page.url), second.get(page.url)
        assert one.content == two.content, page.url
        assert not one.cookies and not two.cookies
        assert "csrfmiddlewaretoken" not in one.text


def test_the_widget_holds_no_inline_script_or_style(client, pages):
    html = client.get("/fr/a-propos/").text
    widget = html[
        html.index('id="feedback"') : html.index(
            "</section>", html.index('id="feedback"')
        )
    ]
    assert "<script>" not in widget and "style=" not in widget
    assert re.search(r'<script src="[^"]+feedback/widget\.js" defer>', html)


def test_the_page_thanks_the_visitor_after_a_post(client, pages):
    french = client.get("/fr/a-propos/?feedback=thanks")
    assert "Merci de votre avis." in french.text
    assert "Envoyer mon avis" not in french.text
    english = client.get("/en/about/?feedback=thanks")
    assert "Thank you for your feedback." in english.text


def test_every_control_is_labelled(client, pages):
    html = client.get("/en/about/").text
    for control_id in re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', html):
        if control_id.startswith("feedback-"):
            assert f'for="{control_id}"' in html, control_id


def _widget_of(html):
    return re.search(r'<section class="feedback-widget".*?</section>', html, re.S)[0]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_blank_widget_rendered_once_is_each_pages_own(client, pages, language):
    """Rendered once per language and reasons, it still carries each page's id and
    address, byte for byte what a fresh render of the template gives."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from feedback.widget import WIDGET_TEMPLATE, widget_context

    for page in pages[language]:
        shown = _widget_of(client.get(page.url).text)
        assert f'name="page" value="{page.pk}"' in shown
        assert f'name="path" value="{page.url}"' in shown
        with translation.override(language):
            request = RequestFactory().get(page.url)
            fresh = render_to_string(
                WIDGET_TEMPLATE, widget_context(request, page=page)
            )
        assert shown == _widget_of(fresh)


def test_a_new_or_renamed_reason_shows_at_the_next_render(client, pages):
    from feedback.models import FeedbackReason

    page = pages["fr"][1]
    client.get(page.url)  # the blank widget is kept from now on
    reason = FeedbackReason.objects.create(
        found=False, label_fr="Lien brisé", label_en="Broken link"
    )
    assert "Lien brisé" in client.get(page.url).text
    reason.label_fr = "Lien mort"
    reason.save()
    html = client.get(page.url).text
    assert "Lien mort" in html and "Lien brisé" not in html
    reason.delete()
    assert "Lien mort" not in client.get(page.url).text
