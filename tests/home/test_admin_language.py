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
