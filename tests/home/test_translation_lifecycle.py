"""Nothing untranslated goes live: a French page's English twin waits, as a draft,
until its translation is published (issue 16)."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from home.models import StandardPage
from tests.factories import StandardPageFactory, UserFactory, translate_page


def _publish_in_admin(client, parent, title, slug):
    """What an editor does: the "add page" form, then "Publier"."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Un résumé en français.",
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(
        f"/admin/pages/add/home/standardpage/{parent.pk}/", data, follow=False
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(slug=slug, locale=parent.locale)


def _submit_for_translation(client, page, english):
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.locale.pk]}
    )
    assert response.status_code == 302


@pytest.fixture
def admin_client(client, site_tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _english_twin(page, site_tree):
    return Page.objects.filter(
        translation_key=page.translation_key, locale=site_tree.en.locale
    ).first()


def test_publishing_a_french_page_leaves_no_live_english_twin(admin_client, site_tree):
    french = _publish_in_admin(
        admin_client, site_tree.fr, "Ateliers citoyens", "ateliers-citoyens"
    )
    assert french.live
    twin = _english_twin(french, site_tree)
    assert twin is None or not twin.live
    assert admin_client.get("/en/ateliers-citoyens/").status_code == 404
    admin_client.logout()
    english_home = admin_client.get("/en/").text
    assert "Ateliers citoyens" not in english_home


def test_republishing_the_french_page_does_not_publish_the_twin(
    admin_client, site_tree
):
    french = _publish_in_admin(admin_client, site_tree.fr, "Ateliers", "ateliers")
    french.save_revision().publish()
    twin = _english_twin(french, site_tree)
    assert twin is None or not twin.live


def test_submitting_for_translation_makes_a_draft_not_a_live_page(
    admin_client, site_tree
):
    french = _publish_in_admin(admin_client, site_tree.fr, "Laboratoire", "laboratoire")
    _submit_for_translation(admin_client, french, site_tree.en)
    twin = _english_twin(french, site_tree)
    assert twin is not None
    assert not twin.live
    assert admin_client.get("/en/laboratoire/").status_code == 404
    # The French page offers the English home page until the translation is live.
    admin_client.logout()
    html = admin_client.get("/fr/laboratoire/").text
    assert 'href="/en/" lang="en" hreflang="en">English</a>' in html
    assert 'hreflang="en" href' not in html


def test_english_listings_show_only_live_translations(client, site_tree):
    live = StandardPageFactory(
        parent=site_tree.fr, title="Traduite", slug="traduite", show_in_menus=True
    )
    waiting = StandardPageFactory(
        parent=site_tree.fr, title="En attente", slug="en-attente", show_in_menus=True
    )
    translate_page(live, title="Translated", slug="translated", show_in_menus=True)
    translate_page(waiting, slug="en-attente", show_in_menus=True, publish=False)
    html = client.get("/en/").text
    assert "Translated" in html
    assert "En attente" not in html
    search = client.get("/en/search/?q=attente").text
    assert "/en/en-attente/" not in search


def test_a_stray_live_alias_in_another_language_is_not_served(client, site_tree):
    """A twin made by tree synchronisation (before this fix) shows French text:
    it is never served, even when a row says live."""
    french = StandardPageFactory(parent=site_tree.fr, title="Alias", slug="alias")
    alias = french.create_alias(parent=site_tree.en, update_locale=site_tree.en.locale)
    Page.objects.filter(pk=alias.pk).update(live=True)
    assert client.get("/en/alias/").status_code == 404


@pytest.mark.parametrize(
    ("language", "heading", "column"),
    [
        ("fr", "En attente de traduction", "Titre"),
        ("en", "Waiting for translation", "Title"),
    ],
)
def test_editors_see_the_pages_waiting_for_translation(
    client, site_tree, language, heading, column
):
    editor = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    done = StandardPageFactory(parent=site_tree.fr, title="Déjà traduite", slug="d")
    translate_page(done, title="Already translated", slug="done")
    draft = StandardPageFactory(
        parent=site_tree.fr, title="Brouillon anglais", slug="b"
    )
    translate_page(draft, title="English draft", slug="draft", publish=False)
    StandardPageFactory(parent=site_tree.fr, title="Jamais soumise", slug="j")

    response = client.get("/admin/reports/waiting-for-translation/")
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert column in html
    assert "Brouillon anglais" in html
    assert "Jamais soumise" in html
    assert "Déjà traduite" not in html
