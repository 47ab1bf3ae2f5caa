"""Responses written through the service, as the public form does."""

import uuid

from consultation import services
from consultation.forms import NO, YES


def respond(
    consultation,
    language="fr",
    region="Montréal",
    rating=4,
    recommend=True,
    services_used=("Santé",),
    comment="",
    age=None,
    ranking=None,
    matrix=None,
    visit=None,
    survey=None,
):
    survey = survey or (
        consultation.survey if language == "fr" else consultation.english
    )
    questions = {q.translation_key: q for q in survey.questions.all()}
    q = consultation.q

    def local(question):
        return questions[question.translation_key]

    def choice_key(question, label):
        return question.choices.get(label=label).translation_key.hex

    answers = {}
    if region:
        answers[local(q.region)] = {
            "choices": [choice_key(q.region, region)],
            "other": "",
        }
    if services_used:
        answers[local(q.services)] = {
            "choices": [choice_key(q.services, s) for s in services_used],
            "other": "",
        }
    if rating is not None:
        answers[local(q.rating)] = str(rating)
    if recommend is not None:
        answers[local(q.recommend)] = YES if recommend else NO
    if comment:
        answers[local(q.comment)] = comment
    if age is not None:
        answers[local(q.age)] = age
    if visit is not None:
        answers[local(q.visit)] = visit
    if ranking:
        answers[local(q.priorities)] = {
            q.priorities.choices.get(label=label).translation_key: rank
            for label, rank in ranking.items()
        }
    if matrix:
        answers[local(q.matrix)] = {
            q.matrix.choices.get(label=label).translation_key: value
            for label, value in matrix.items()
        }
    return services.submit_response(
        survey, answers, key=uuid.uuid4(), language=language, page=consultation.page
    )
