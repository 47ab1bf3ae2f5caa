"""Generated responses through the public service: both languages, every question
type, "other" answers, hostile free text, some waiting for confirmation."""

import random
import uuid
from datetime import UTC, date, datetime, timedelta

from consultation import services
from consultation.forms import NO, OTHER, YES
from consultation.models import Response

COMMENTS = [
    "Rien à signaler",
    '=HYPERLINK("http://x")',
    "-2+3",
    "@SUM(A1)",
    "\tindenté",
    'Oui, mais "vite"',
    "ligne 1\nligne 2",
    "fin\r\nde ligne",
    "\x1b=caché",
    "caf\u00e9 \u00ab cr\u00e8me \u00bb",
]


def _answers(consultation, survey, generator):
    """A random but valid set of answers, keyed as the public form keys them."""
    local = {q.translation_key: q for q in survey.questions.all()}
    q = consultation.q

    def key(question):
        return local[question.translation_key]

    def choice(question, label):
        return question.choices.get(label=label).translation_key.hex

    answers = {}
    region = generator.choice(["Montréal", "Québec", "Ailleurs", OTHER, None])
    if region == OTHER:
        answers[key(q.region)] = {"choices": [OTHER], "other": "Gaspésie"}
    elif region:
        answers[key(q.region)] = {"choices": [choice(q.region, region)], "other": ""}
    used = generator.sample(["Santé", "Impôts", "Permis"], generator.randint(0, 2))
    if used:
        answers[key(q.services)] = {
            "choices": [choice(q.services, label) for label in used],
            "other": "",
        }
    if generator.random() < 0.9:
        answers[key(q.rating)] = str(generator.randint(1, 5))
    if generator.random() < 0.8:
        answers[key(q.recommend)] = generator.choice([YES, NO])
    if generator.random() < 0.7:
        answers[key(q.age)] = generator.choice([18, 25, 25, 40, 67, 33.5])
    if generator.random() < 0.6:
        answers[key(q.visit)] = date(2026, 1, 15) + timedelta(generator.randint(0, 150))
    if generator.random() < 0.5:
        answers[key(q.comment)] = generator.choice(COMMENTS)
    labels = ["Rapidité", "Simplicité", "Sécurité"]
    ranked = generator.sample(labels, generator.randint(0, 3))
    if ranked:
        answers[key(q.priorities)] = {
            q.priorities.choices.get(label=label).translation_key: rank
            for rank, label in enumerate(ranked, start=1)
        }
    rows = generator.sample(["Clarté", "Accès"], generator.randint(0, 2))
    if rows:
        answers[key(q.matrix)] = {
            q.matrix.choices.get(label=label).translation_key: generator.randint(1, 5)
            for label in rows
        }
    return answers


def generate(consultation, count=60):
    generator = random.Random(19)
    for index in range(count):
        language = "en" if index % 3 == 0 else "fr"
        survey = consultation.english if language == "en" else consultation.survey
        response = services.submit_response(
            survey,
            _answers(consultation, survey, generator),
            key=uuid.uuid4(),
            language=language,
            page=consultation.page,
        )
        if index == 7:  # a time with no microseconds is written without them
            Response.objects.filter(pk=response.pk).update(
                created_at=datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
            )
        if index % 11 == 5:
            Response.objects.filter(pk=response.pk).update(
                status=Response.Status.PENDING
            )
    return consultation
