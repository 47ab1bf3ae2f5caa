"""The admin speaks the editor's language, libraries' screens included (issue 16)."""

import pytest
from wagtail.users.models import UserProfile

from tests.factories import UserFactory


@pytest.fixture
def french_editor(client, site_tree):
    editor = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    return editor


def test_the_translation_editor_says_publish_with_a_space(client, french_editor):
    from django.core.management import call_command

    call_command("compile_catalogues", verbosity=0)
    catalogue = client.get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Publier : "' in catalogue


def test_the_survey_list_names_the_language_column_language(client, french_editor):
    from tests.consultation.factories import SurveyFactory

    SurveyFactory(title="Sondage listé")
    html = client.get("/admin/snippets/consultation/survey/").content.decode()
    assert "Sondage listé" in html
    assert "Langue" in html


def test_the_translation_editor_offers_the_slug(site_tree):
    """The English page gets an English address (/en/citizen-workshops/)."""
    from wagtail_localize.models import TranslationSource

    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=site_tree.fr, slug="ateliers-citoyens")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = source.stringsegment_set.select_related("string", "context")
    assert ("slug", "ateliers-citoyens") in [
        (segment.context.path, segment.string.data) for segment in segments
    ]


def test_the_survey_list_filters_by_language_not_region(client, french_editor):
    """Wagtail's catalogue says "Région" for a locale; ours, which takes precedence,
    says "Langue"."""
    from tests.consultation.factories import SurveyFactory
    from tests.factories import locale

    locale("en")
    SurveyFactory(title="Sondage filtré")
    html = client.get("/admin/snippets/consultation/survey/").content.decode()
    assert "Sondage filtré" in html
    assert "Région" not in html
    assert ">Langue<" in html.replace("\n", "").replace("  ", "")


def test_the_translation_submission_offers_languages_not_regions(
    client, french_editor, site_tree
):
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=site_tree.fr, slug="langues")
    html = client.get(f"/admin/localize/submit/page/{page.pk}/").content.decode()
    assert "Régions" not in html
    assert "Langues" in html


def test_the_translation_editor_dates_are_in_french(client, french_editor, site_tree):
    """wagtail-localize formats its dates with the C locale's English month names;
    the French admin reads them in French."""
    from wagtail_localize.models import StringTranslation, Translation

    from tests.factories import StandardPageFactory, locale

    page = StandardPageFactory(parent=site_tree.fr, title="Page datée", slug="datee")
    page.save_revision().publish()
    client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale("en").pk]}
    )
    translation = Translation.objects.get(target_locale=locale("en"))
    english = translation.get_target_instance()
    english.save_revision().publish()
    english.refresh_from_db()
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("en"),
        context=segment.context,
        data="Dated page",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    month = english.last_published_at.strftime("%B")  # the English month
    french = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet")
    french += ("août", "septembre", "octobre", "novembre", "décembre")
    assert f" {month} " not in html
    assert "Traduit manuellement le" in html
    assert any(f" {name} " in html for name in french)
