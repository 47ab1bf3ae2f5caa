"""The header search box: the accessible combobox over a plain GET form."""

import re
from html.parser import HTMLParser

import pytest

from tests.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


class HeaderSearch(HTMLParser):
    """The header's search form, its text box and the scripts of a page."""

    def __init__(self):
        super().__init__()
        self.form = self.input = None
        self.scripts = []
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "site-search" in (attrs.get("class") or ""):
            self.form, self._in_form = attrs, True
        elif tag == "input" and self._in_form and attrs.get("name") == "q":
            self.input = attrs
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def header_search(html):
    parser = HeaderSearch()
    parser.feed(html)
    return parser


@pytest.mark.parametrize(
    ("url", "suggestions", "hint"),
    [
        ("/fr/", "/fr/recherche/suggestions/", "Utilisez les flèches"),
        ("/en/", "/en/search/suggestions/", "Use the up and down arrows"),
    ],
)
def test_the_header_box_is_a_combobox_in_both_languages(
    client, site_tree, url, suggestions, hint
):
    page = header_search(client.get(url).text)
    assert page.input["data-autocomplete-url"] == suggestions
    assert hint in page.input["data-autocomplete-hint"]
    assert page.input["data-autocomplete-count-one"]
    assert page.input["data-autocomplete-count-many"]
    assert page.input["autocomplete"] == "off"
    assert page.input["id"] == "site-search-q"
    scripts = [src for src in page.scripts if src.endswith("autocomplete.js")]
    assert len(scripts) == 1


@pytest.mark.parametrize(
    ("language", "title", "found"),
    [("fr", "Formation en données", "1 résultat"), ("en", "Data training", "1 result")],
)
def test_without_javascript_the_form_still_searches(
    client, site_tree, language, title, found
):
    french = StandardPageFactory(parent=site_tree.fr, title="Formation en données")
    translate_page(french, title="Data training", slug="data-training")
    form = header_search(client.get(f"/{language}/").text).form
    assert form["method"] == "get" and form["role"] == "search"
    response = client.get(form["action"], {"q": title.split()[0]})
    assert response.status_code == 200
    assert title in response.text and found in response.text


def test_the_suggestions_the_box_asks_for_answer(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Formation en données")
    page = header_search(client.get("/fr/").text)
    answer = client.get(page.input["data-autocomplete-url"], {"q": "form"}).json()
    assert [result["title"] for result in answer["results"]] == ["Formation en données"]


def test_the_search_page_keeps_one_box_and_one_script(client, site_tree):
    html = client.get("/fr/recherche/").text
    assert len(re.findall(r"autocomplete\.js", html)) == 1
    assert len(re.findall(r"data-autocomplete-url=", html)) == 1
