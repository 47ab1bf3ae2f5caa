"""Editor friction (issue 16): choices in the admin offer what fits the survey or
the page being edited, in its language."""

from consultation.models import Question
from tests.factories import ThemeFactory, UserFactory, translate_snippet

from .factories import SurveyFactory, question

K = Question.Kind


def test_a_new_question_offers_only_this_surveys_questions(client, db):
    survey = SurveyFactory(title="Sondage conditionnel")
    question(survey, K.SINGLE, "Utilisez-vous le service?", ["Oui", "Non"])
    other = SurveyFactory(title="Un autre sondage")
    question(other, K.SHORT_TEXT, "Question d’un autre sondage")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/snippets/consultation/survey/edit/{survey.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Utilisez-vous le service?" in html
    assert "Question d’un autre sondage" not in html


def test_the_themes_offered_are_in_the_pages_language(client, consultation):
    theme = ThemeFactory(name="Thème de la page")
    translate_snippet(theme, name="English theme of the page")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(
        f"/admin/pages/add/consultation/consultationpage/{consultation.index.pk}/"
    ).content.decode()
    assert "Thème de la page" in html
    assert "English theme of the page" not in html


def test_the_results_address_is_in_the_pages_language(client, consultation):
    from datetime import timedelta

    from django.utils import timezone

    from consultation.models import ConsultationPage

    page = consultation.page
    page.opens_at = timezone.now() - timedelta(days=10)
    page.closes_at = timezone.now() - timedelta(days=1)
    page.results_published = True
    page.save_revision().publish()
    french = client.get(page.url).text
    english = client.get(consultation.page_en.url).text
    assert f'href="{page.url}resultats/"' in french
    assert f'href="{consultation.page_en.url}results/"' in english
    assert client.get(page.url + "resultats/").status_code == 200
    assert ConsultationPage.objects.get(pk=consultation.page_en.pk).results_published


def test_an_organizations_reviewer_opens_a_page_with_themes_in_review(
    client, consultation
):
    """The page under review is its latest revision, whose themes are an in-memory
    list, not a queryset: the reviewer's edit view answered 500 (found by
    tests/e2e/test_editor_translation_journey.py)."""
    from home.roles import REVIEWERS

    page = consultation.page
    page.organization = consultation.organization
    page.themes.set([ThemeFactory(name="Services en ligne")])
    page.save_revision()
    reviewer = UserFactory(
        groups=[REVIEWERS], organizations=[consultation.organization]
    )
    client.force_login(reviewer)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Services en ligne" in response.content.decode()
