from tests.factories import StandardPageFactory, translate_page


def test_search_finds_pages_in_the_current_language_only(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr, title="Formation en accessibilité", slug="formation"
    )
    translate_page(page, title="Accessibility training", slug="training")
    french = client.get("/fr/recherche/", {"q": "accessibilité"})
    assert french.status_code == 200
    assert "Formation en accessibilité" in french.text
    assert "Accessibility training" not in french.text
    english = client.get("/en/search/", {"q": "training"})
    assert "Accessibility training" in english.text


def test_hostile_queries_are_cut_and_answered(client, site_tree):
    response = client.get("/fr/recherche/", {"q": "\x07\x1b" + "a" * 10_000})
    assert response.status_code == 200
    assert "\x07" not in response.text


def test_a_nul_in_the_query_is_refused_before_the_search(client, site_tree):
    # numeriqc.middleware.RefuseNullCharactersMiddleware: a 400 in French.
    response = client.get("/fr/recherche/", {"q": "\x00" + "a" * 10_000})
    assert response.status_code == 400
    assert "\x00" not in response.text
