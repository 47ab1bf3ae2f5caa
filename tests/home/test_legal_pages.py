"""Loi 25 and accessibility: the privacy policy and the accessibility statement
are editable pages in both languages, seeded from the real obligations, and every
footer links them with the page where a person gets their data."""

from wagtail.models import Site

from home.demo import seed_legal_page
from home.legal_data import ACCESSIBILITY, PRIVACY
from home.models import SiteSettings, StandardPage


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def seed(site_tree):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = seed_legal_page(site_tree.fr, PRIVACY)
    settings.accessibility_page = seed_legal_page(site_tree.fr, ACCESSIBILITY)
    settings.save()
    return settings


def test_the_pages_say_who_holds_what_why_how_long_and_who_answers(client, site_tree):
    seed(site_tree)
    french = client.get("/fr/politique-de-confidentialite/")
    english = client.get("/en/privacy-policy/")
    assert french.status_code == english.status_code == 200
    assert "Ce que nous recueillons et pourquoi" in french.text
    assert "Combien de temps nous les gardons" in french.text
    assert "Personne responsable" in french.text
    assert "Commission d" in french.text and "RLRQ, c. A-2.1" in french.text
    assert "What we collect and why" in english.text
    assert "How long we keep them" in english.text
    assert "Person in charge" in english.text
    statement = client.get("/en/accessibility-statement/")
    assert statement.status_code == 200
    assert "WCAG" in statement.text and "Known limits" in statement.text
    assert client.get("/fr/declaration-d-accessibilite/").status_code == 200


def test_seeding_twice_keeps_one_page_per_language(site_tree):
    seed(site_tree)
    seed(site_tree)
    assert StandardPage.objects.filter(slug="politique-de-confidentialite").count() == 1
    assert StandardPage.objects.filter(slug="privacy-policy").count() == 1


def test_every_footer_links_privacy_accessibility_and_my_data(client, site_tree):
    seed(site_tree)
    french = footer_of(client.get("/fr/"))
    english = footer_of(client.get("/en/"))
    assert 'href="/fr/politique-de-confidentialite/">Politique de confidentialit' in (
        french
    )
    assert "Déclaration d'accessibilité</a>" in french.replace("&#x27;", "'")
    assert 'href="/fr/mes-donnees/">Mes données personnelles</a>' in french
    assert 'href="/en/privacy-policy/">Privacy policy</a>' in english
    assert ">Accessibility statement</a>" in english
    assert 'href="/en/my-data/">My personal data</a>' in english
    # A page that is not in the page tree (a form of an app) has the same footer.
    assert 'href="/en/privacy-policy/"' in footer_of(client.get("/en/my-data/"))


def test_without_the_pages_the_footer_still_links_my_data(client, site_tree):
    french = footer_of(client.get("/fr/"))
    assert 'href="/fr/mes-donnees/"' in french
    assert "politique-de-confidentialite" not in french


def test_every_footer_links_open_data_and_you_said_we_did(client, site_tree):
    from django.urls import reverse
    from django.utils import translation

    for language, texts in [
        ("fr", ("Données ouvertes", "Vous avez dit, nous avons fait")),
        ("en", ("Open data", "You said, we did")),
    ]:
        with translation.override(language):
            catalogue = reverse("opendata:catalogue")
            results = reverse("feedback:results_index")
        footer = footer_of(client.get(f"/{language}/"))
        assert f'href="{catalogue}">{texts[0]}</a>' in footer
        assert f'href="{results}">{texts[1]}</a>' in footer
