"""French first, English second: URLs, redirection, switcher, hreflang, error pages."""

import pytest

from tests.factories import StandardPageFactory, translate_page


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.8", "/fr/"),
        ("en-CA,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_sends_visitors_to_their_language(
    client, site_tree, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_goes_to_the_translation_of_the_page(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr, title="Nous joindre", slug="nous-joindre"
    )
    translate_page(page, title="Contact us", slug="contact-us")
    french = client.get("/fr/nous-joindre/").text
    english = client.get("/en/contact-us/").text
    assert 'href="/en/contact-us/" lang="en" hreflang="en">English</a>' in french
    assert 'href="/fr/nous-joindre/" lang="fr" hreflang="fr">Français</a>' in english


def test_switcher_falls_back_to_the_home_page_without_translation(client, site_tree):
    StandardPageFactory(
        parent=site_tree.fr, title="Seulement en français", slug="seulement"
    )
    html = client.get("/fr/seulement/").text
    assert 'href="/en/" lang="en" hreflang="en">English</a>' in html
    # Only real translations are announced to search engines.
    assert 'hreflang="en" href' not in html


def test_hreflang_alternates_name_every_translation(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr, title="Accessibilité", slug="accessibilite"
    )
    translate_page(page, title="Accessibility", slug="accessibility")
    html = client.get("/en/accessibility/").text
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/accessibilite/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/accessibility/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/fr/accessibilite/">'
        in html
    )


def test_switcher_on_a_view_translates_the_url(client, site_tree):
    html = client.get("/fr/recherche/?q=x").text
    assert 'href="/en/search/?q=x" lang="en"' in html


def test_an_unpublished_translation_is_not_offered(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.fr, title="Brouillon traduit", slug="brouillon"
    )
    translate_page(page, title="Draft", slug="draft", publish=False)
    draft = page.get_translation(site_tree.en.locale)
    draft.live = False
    draft.save()
    html = client.get("/fr/brouillon/").text
    assert 'href="/en/" lang="en"' in html
    assert client.get("/en/draft/").status_code == 404


@pytest.mark.parametrize(
    ("url", "title", "hint"),
    [
        ("/fr/nexiste-pas/", "Page introuvable", "Aller à la page d’accueil"),
        ("/en/does-not-exist/", "Page not found", "Go to the home page"),
    ],
)
def test_not_found_page_speaks_the_language_of_the_url(
    client, site_tree, url, title, hint
):
    response = client.get(url)
    assert response.status_code == 404
    assert title in response.text
    assert hint in response.text


def test_server_error_page_is_bilingual(rf):
    from numeriqc.views import server_error

    response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur est survenue" in html
    assert "An error occurred" in html
    assert 'lang="en"' in html


def test_admin_speaks_french_to_a_french_speaking_editor(client, site_tree):
    from tests.factories import UserFactory

    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.text
    assert "Tableau de bord" in response.text


def test_switcher_keeps_a_listing_state(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Liste", slug="liste")
    translate_page(page, title="List", slug="list")
    html = client.get("/fr/liste/?page=2&axis=gouvernance").text
    assert 'href="/en/list/?page=2&amp;axis=gouvernance" lang="en"' in html
    assert (
        'hreflang="en" href="http://testserver/en/list/?page=2&amp;axis=gouvernance"'
        in html
    )


@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_switcher_on_a_missing_page_goes_to_the_other_home_page(
    client, site_tree, language, other
):
    response = client.get(f"/{language}/nulle-part/?x=1")
    assert response.status_code == 404
    assert f'href="/{other}/" lang="{other}" hreflang="{other}"' in response.text
    assert 'rel="alternate"' not in response.text
