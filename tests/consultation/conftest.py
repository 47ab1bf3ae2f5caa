"""A consultation with a survey using every question type, in French and English."""

from types import SimpleNamespace

import pytest

from consultation.models import Question
from tests.factories import OrganizationFactory, translate_page

from .factories import (
    ConsultationIndexPageFactory,
    SurveyFactory,
    question,
    survey_page,
    translate_survey,
)

K = Question.Kind

ENGLISH = {
    "Votre région": "Your region",
    "Montréal": "Montreal",
    "Québec": "Quebec City",
    "Ailleurs": "Elsewhere",
    "Services utilisés": "Services used",
    "Santé": "Health",
    "Impôts": "Taxes",
    "Permis": "Licences",
    "Satisfaction": "Satisfaction",
    "Recommanderiez-vous?": "Would you recommend?",
    "Pourquoi pas?": "Why not?",
    "Âge": "Age",
    "Dernière visite": "Last visit",
    "Vos priorités": "Your priorities",
    "Rapidité": "Speed",
    "Simplicité": "Simplicity",
    "Sécurité": "Security",
    "Évaluez": "Rate",
    "Clarté": "Clarity",
    "Accès": "Access",
    "Commentaire": "Comment",
    "Nom": "Name",
}


@pytest.fixture
def consultation(site_tree):
    organization = OrganizationFactory(name="Ministère de la Cybersécurité")
    survey = SurveyFactory(title="Questionnaire", organization=organization)
    q = SimpleNamespace()
    q.section = question(survey, K.SECTION, "À propos de vous")
    q.region = question(
        survey,
        K.SINGLE,
        "Votre région",
        ["Montréal", "Québec", "Ailleurs"],
        required=True,
        allow_other=True,
    )
    q.services = question(
        survey,
        K.MULTIPLE,
        "Services utilisés",
        ["Santé", "Impôts", "Permis"],
        min_choices=1,
        max_choices=2,
    )
    q.rating = question(
        survey,
        K.RATING,
        "Satisfaction",
        scale_min=1,
        scale_max=5,
        scale_min_label="Pas du tout",
        scale_max_label="Tout à fait",
    )
    q.recommend = question(survey, K.YES_NO, "Recommanderiez-vous?")
    q.why_not = question(
        survey,
        K.LONG_TEXT,
        "Pourquoi pas?",
        max_length=50,
        condition_operator=Question.Operator.EQUALS,
        condition_value="non",
    )
    q.why_not.condition_question = q.recommend
    q.why_not.save()
    q.page_break = question(survey, K.PAGE_BREAK, "—")
    q.age = question(survey, K.NUMBER, "Âge", number_min=16, number_max=120)
    q.visit = question(survey, K.DATE, "Dernière visite")
    q.priorities = question(
        survey, K.RANKING, "Vos priorités", ["Rapidité", "Simplicité", "Sécurité"]
    )
    q.matrix = question(
        survey, K.MATRIX, "Évaluez", ["Clarté", "Accès"], scale_min=1, scale_max=5
    )
    q.comment = question(survey, K.SHORT_TEXT, "Commentaire")
    english = translate_survey(survey, "Questionnaire (EN)", ENGLISH)
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    page = survey_page(index, survey, title="Consultation sur les services")
    index_en = translate_page(index, title="Consultations", slug="consultations")
    page_en = translate_page(page, title="Consultation on services", slug="services")
    page_en.body = [("survey", english)]
    page_en.save_revision().publish()
    return SimpleNamespace(
        survey=survey,
        english=english,
        q=q,
        page=page,
        page_en=page_en,
        index=index,
        index_en=index_en,
        organization=organization,
    )
