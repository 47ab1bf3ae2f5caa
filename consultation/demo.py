"""Demo consultations: one open on the strategy itself (every question type, French
and English), one closed with about 2,000 generated responses and published
results, and one upcoming.

Called through the "numeriqc_seed_demo" hook; running it twice changes nothing.
Responses come from a fixed random seed and are written with bulk_create.
"""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from home.demo import ensure_translated, french
from home.demo_images import ensure_page_image, page_image_fields
from home.models import HomePage, Organization

from .models import (
    Answer,
    Choice,
    ConsultationIndexPage,
    ConsultationPage,
    Question,
    Response,
    Survey,
)

K = Question.Kind
GENERATED_RESPONSES = 2000
SEED = 20261128

INDEX = {
    "title": ("Consultations publiques", "Public consultations"),
    "slug": ("consultations", "consultations"),
    "summary": (
        "Donnez votre avis sur les projets numériques du gouvernement.",
        "Give your opinion on the government's digital projects.",
    ),
}

# (kind, French label, English label, options, choices as (fr, en))
STRATEGY_QUESTIONS = [
    (K.SECTION, "Vous et les services numériques", "You and digital services", {}, []),
    (
        K.SINGLE,
        "Dans quelle région habitez-vous?",
        "Which region do you live in?",
        {"required": True},
        [
            ("Montréal", "Montreal"),
            ("Capitale-Nationale", "Capitale-Nationale"),
            ("Montérégie", "Montérégie"),
            ("Autre région", "Another region"),
        ],
    ),
    (
        K.SINGLE,
        "Quel appareil utilisez-vous le plus?",
        "Which device do you use most?",
        {"display": Question.Display.DROPDOWN},
        [("Téléphone", "Phone"), ("Ordinateur", "Computer"), ("Tablette", "Tablet")],
    ),
    (
        K.MULTIPLE,
        "Quels services en ligne avez-vous utilisés cette année?",
        "Which online services did you use this year?",
        {"min_choices": 1, "max_choices": 3, "allow_other": True},
        [
            ("Santé", "Health"),
            ("Impôts", "Taxes"),
            ("Permis de conduire", "Driver's licence"),
            ("Emploi", "Employment"),
        ],
    ),
    (
        K.RATING,
        "Êtes-vous satisfait des services numériques du gouvernement?",
        "Are you satisfied with the government's digital services?",
        {
            "scale_min": 1,
            "scale_max": 5,
            "scale_min_label": ("Pas du tout", "Not at all"),
            "scale_max_label": ("Tout à fait", "Completely"),
        },
        [],
    ),
    (
        K.RATING,
        "Recommanderiez-vous la plateforme à un proche (0 à 10)?",
        "Would you recommend the platform to someone close (0 to 10)?",
        {"scale_min": 0, "scale_max": 10},
        [],
    ),
    (
        K.YES_NO,
        "Avez-vous déjà abandonné une démarche en ligne?",
        "Have you ever given up on an online procedure?",
        {},
        [],
    ),
    (
        K.LONG_TEXT,
        "Qu’est-ce qui vous a fait abandonner?",
        "What made you give up?",
        {"max_length": 1000, "condition": ("equals", "oui")},
        [],
    ),
    (K.PAGE_BREAK, "Page 2", "Page 2", {}, []),
    (K.SECTION, "Vos priorités", "Your priorities", {}, []),
    (
        K.RANKING,
        "Classez ces mesures de la stratégie par ordre d’importance",
        "Rank these measures of the strategy by importance",
        {},
        [
            ("Services simples et accessibles", "Simple, accessible services"),
            ("Sécurité des données", "Data security"),
            ("Formation des fonctionnaires", "Training for public servants"),
            ("Données ouvertes", "Open data"),
        ],
    ),
    (
        K.MATRIX,
        "Évaluez ces aspects des services en ligne",
        "Rate these aspects of online services",
        {
            "scale_min": 1,
            "scale_max": 5,
            "scale_min_label": ("Très mauvais", "Very poor"),
            "scale_max_label": ("Excellent", "Excellent"),
        },
        [
            ("Clarté", "Clarity"),
            ("Rapidité", "Speed"),
            ("Accessibilité", "Accessibility"),
        ],
    ),
    (
        K.MATRIX_LABELS,
        "Ces services vous sont-ils utiles?",
        "Are these services useful to you?",
        {
            "columns": [
                ("Pas du tout", "Not at all"),
                ("Un peu", "A little"),
                ("Beaucoup", "A lot"),
            ]
        },
        [
            ("Dossier santé en ligne", "Online health record"),
            ("Avis de cotisation", "Notice of assessment"),
            ("Rendez-vous en ligne", "Online appointments"),
        ],
    ),
    (
        K.MATRIX_MULTIPLE,
        "Par quels moyens joignez-vous ces services?",
        "How do you reach these services?",
        {
            "max_choices": 2,
            "columns": [
                ("Téléphone", "Phone"),
                ("Ordinateur", "Computer"),
                ("Au comptoir", "At the counter"),
            ],
        },
        [
            ("Santé", "Health"),
            ("Impôts", "Taxes"),
        ],
    ),
    (
        K.NUMBER,
        "Combien de démarches faites-vous en ligne par année?",
        "How many procedures do you do online each year?",
        {"number_min": 0, "number_max": 365},
        [],
    ),
    (
        K.DATE,
        "Quand avez-vous fait votre dernière démarche en ligne?",
        "When did you last do a procedure online?",
        {},
        [],
    ),
    (
        K.SHORT_TEXT,
        "En un mot, le service public numérique idéal?",
        "In one word, the ideal digital public service?",
        {},
        [],
    ),
]

CLOSED_QUESTIONS = [
    STRATEGY_QUESTIONS[1],
    STRATEGY_QUESTIONS[4],
    STRATEGY_QUESTIONS[6],
    STRATEGY_QUESTIONS[10],
    STRATEGY_QUESTIONS[11],
    STRATEGY_QUESTIONS[12],
    STRATEGY_QUESTIONS[13],
    (
        K.LONG_TEXT,
        "Que devrions-nous améliorer en priorité?",
        "What should we improve first?",
        {"max_length": 1000},
        [],
    ),
]

# Free-text answers, in the respondent's language: the themes group them across
# languages (consultation.themes).
COMMENTS = {
    "fr": [
        "Les délais de traitement sont trop longs.",
        "Le formulaire en ligne est difficile à remplir sur téléphone.",
        "Il faudrait un seul compte pour tous les services.",
        "Le formulaire en ligne demande des informations déjà fournies.",
        "Un seul compte pour tous les services serait plus simple.",
        "Plus de clarté dans les messages d’erreur.",
        "Le site n’est pas accessible avec un lecteur d’écran.",
        "Je m’inquiète de la sécurité de mes renseignements.",
        "Parler à un agent quand on est bloqué.",
        "L’attente au téléphone est interminable.",
    ],
    "en": [
        "Online forms are hard to fill in on a phone.",
        "One account for every service, please.",
        "Processing times are too long.",
        "Clear error messages would help a lot.",
        "Accessibility for people with a disability is lacking.",
        "I worry about the security of my personal information.",
        "Being able to reach a human agent when stuck.",
        "Waiting on the phone for an hour is not acceptable.",
        "The form asks again for what I already gave.",
        "Privacy of my data matters more than speed.",
    ],
}

PAGES = [
    {
        "slug": "avenir-numerique",
        "slug_en": "digital-future",
        "title": (
            "Consultation sur la stratégie de transformation numérique",
            "Consultation on the digital transformation strategy",
        ),
        "summary": (
            "Dites-nous ce qui compte pour vous dans les services numériques.",
            "Tell us what matters to you in digital services.",
        ),
        "survey": ("Votre avis sur la stratégie", "Your opinion on the strategy"),
        "questions": STRATEGY_QUESTIONS,
        "opens": -7,
        "closes": 45,
        "kind": ConsultationPage.Kind.SURVEY,
    },
    {
        "slug": "services-en-ligne-2026",
        "slug_en": "online-services-2026",
        "title": (
            "Consultation sur les services en ligne",
            "Consultation on online services",
        ),
        "summary": (
            "Plus de 2 000 personnes ont répondu. Voici ce que nous avons entendu.",
            "More than 2,000 people answered. Here is what we heard.",
        ),
        "survey": ("Les services en ligne", "Online services"),
        "questions": CLOSED_QUESTIONS,
        "opens": -120,
        "closes": -30,
        "kind": ConsultationPage.Kind.OPEN,
        "heard": (
            "<p>Vous voulez des délais plus courts et un seul compte pour tous les "
            "services.</p>",
            "<p>You want shorter processing times and one account for every "
            "service.</p>",
        ),
        "do": (
            "<p>Nous simplifierons les formulaires sur téléphone en 2027.</p>",
            "<p>We will simplify forms on phones in 2027.</p>",
        ),
    },
    {
        "slug": "test-portail-citoyen",
        "slug_en": "citizen-portal-test",
        "title": (
            "Test du nouveau portail citoyen",
            "Test of the new citizen portal",
        ),
        "summary": (
            "Essayez le prototype du portail et dites-nous ce qui accroche.",
            "Try the portal prototype and tell us where you get stuck.",
        ),
        "survey": None,
        "opens": 14,
        "closes": 60,
        "kind": ConsultationPage.Kind.TEST,
    },
]


def seed(stdout=None):
    home = HomePage.objects.filter(locale=french()).first()
    if home is None:
        return
    organization = Organization.objects.filter(slug="sct", locale=french()).first()
    with transaction.atomic():
        index = _index(home)
        for data in PAGES:
            _consultation(index, data, organization)
    if stdout:
        stdout.write("Consultations: 3 pages, one with generated responses.")


def _index(home):
    index = ConsultationIndexPage.objects.filter(locale=french()).first()
    if index is None:
        index = home.add_child(
            instance=ConsultationIndexPage(
                title=INDEX["title"][0],
                slug=INDEX["slug"][0],
                summary=INDEX["summary"][0],
                show_in_menus=True,
                locale=french(),
            )
        )
        index.save_revision().publish()
    ensure_translated(index, dict(INDEX.values()))
    return index


def _consultation(index, data, organization):
    page = ConsultationPage.objects.filter(slug=data["slug"], locale=french()).first()
    survey = _survey(data, organization) if data["survey"] else None
    if page is None:
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        heard, do = data.get("heard", ("", "")), data.get("do", ("", ""))
        page = index.add_child(
            instance=ConsultationPage(
                title=data["title"][0],
                slug=data["slug"],
                summary=data["summary"][0],
                kind=data["kind"],
                organization=organization,
                opens_at=now + timedelta(days=data["opens"]),
                closes_at=now + timedelta(days=data["closes"]),
                body=[("survey", survey)] if survey else [],
                contact="consultations@numeriqc.quebec",
                what_we_heard=heard[0],
                what_we_will_do=do[0],
                results_published=bool(data.get("heard")),
                locale=french(),
                **page_image_fields(data["slug"]),
            )
        )
        page.save_revision().publish()
    if survey and data["opens"] < 0 and data["closes"] < 0:
        _generate_responses(survey, page)
    strings = {
        data["title"][0]: data["title"][1],
        data["summary"][0]: data["summary"][1],
        data["slug"]: data["slug_en"],
        "consultations@numeriqc.quebec": "consultations@numeriqc.quebec",
    }
    for key in ("heard", "do"):
        if key in data:
            strings[_inner(data[key][0])] = _inner(data[key][1])
    alt_text, changed = ensure_page_image(page, data["slug"])
    strings.update(alt_text)
    ensure_translated(page, strings, refresh=changed)
    return page


def _inner(html):
    return html.removeprefix("<p>").removesuffix("</p>")


def _survey(data, organization):
    title_fr, title_en = data["survey"]
    survey = Survey.objects.filter(title=title_fr, locale=french()).first()
    if survey is None:
        survey = Survey.objects.create(
            title=title_fr,
            organization=organization,
            locale=french(),
            introduction="Environ cinq minutes. Vos réponses sont anonymes.",
        )
        _questions(survey, data["questions"])
    strings = {
        title_fr: title_en,
        "Environ cinq minutes. Vos réponses sont anonymes.": (
            "About five minutes. Your answers are anonymous."
        ),
    }
    for _kind, fr, en, options, choices in data["questions"]:
        strings[fr] = en
        strings.update(dict(choices))
        strings.update(dict(options.get("columns", [])))
        for name in ("scale_min_label", "scale_max_label"):
            if name in options:
                strings[options[name][0]] = options[name][1]
        if "condition" in options:
            strings[options["condition"][1]] = "yes"
    ensure_translated(survey, strings)
    return survey


def _questions(survey, specs):
    created = {}
    for order, (kind, fr, _en, options, choices) in enumerate(specs):
        fields = {k: v for k, v in options.items() if k not in ("condition", "columns")}
        for name in ("scale_min_label", "scale_max_label"):
            if name in fields:
                fields[name] = fields[name][0]
        question = Question.objects.create(
            survey=survey,
            kind=kind,
            label=fr,
            sort_order=order,
            locale=survey.locale,
            **fields,
        )
        # Rows first, then a matrix's labelled columns.
        columns = options.get("columns", [])
        Choice.objects.bulk_create(
            Choice(
                question=question,
                label=label,
                sort_order=index,
                is_column=index >= len(choices),
                locale=survey.locale,
            )
            for index, (label, _en_label) in enumerate([*choices, *columns])
        )
        created[order] = question
        if "condition" in options:
            operator, value = options["condition"]
            question.condition_question = created[order - 1]
            question.condition_operator = operator
            question.condition_value = value
            question.save()


def _generate_responses(survey, page):
    """About 2,000 responses spread over the consultation, in both languages."""
    if Response.objects.filter(survey=survey).exists():
        return
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    questions = list(survey.questions.prefetch_related("choices"))
    span = (page.closes_at - page.opens_at).total_seconds()
    responses = Response.objects.bulk_create(
        Response(
            survey=survey,
            page=page,
            submission_key=uuid.UUID(int=rng.getrandbits(128)),
            language=rng.choice(["fr", "fr", "fr", "en"]),
            created_at=page.opens_at + timedelta(seconds=rng.random() * span),
            confirmed_at=page.opens_at,
        )
        for _ in range(GENERATED_RESPONSES)
    )
    answers = []
    for response in responses:
        for question in questions:
            answers.extend(_random_answers(rng, response, question))
    Answer.objects.bulk_create(answers, batch_size=5000)


def _random_answers(rng, response, question):
    choices = list(question.choices.all())
    if question.kind == K.SINGLE:
        weights = [5, 3, 2, 1][: len(choices)]
        return [
            Answer(
                response=response,
                question=question,
                choice=rng.choices(choices, weights)[0],
            )
        ]
    if question.kind == K.RATING:
        value = min(
            question.scale_max, max(question.scale_min, round(rng.gauss(3.4, 1)))
        )
        return [Answer(response=response, question=question, number=value)]
    if question.kind == K.YES_NO:
        return [
            Answer(response=response, question=question, number=int(rng.random() < 0.4))
        ]
    if question.kind == K.RANKING:
        order = rng.sample(choices, len(choices))
        return [
            Answer(response=response, question=question, choice=choice, rank=rank)
            for rank, choice in enumerate(order, start=1)
        ]
    if question.kind == K.MATRIX:
        return [
            Answer(
                response=response,
                question=question,
                row=row,
                number=rng.randint(question.scale_min, question.scale_max),
            )
            for row in choices
        ]
    if question.kind == K.MATRIX_LABELS:
        columns = question.columns
        return [
            Answer(
                response=response,
                question=question,
                row=row,
                choice=rng.choices(columns, [1, 3, 4])[0],
            )
            for row in question.rows
        ]
    if question.kind == K.MATRIX_MULTIPLE:
        return [
            Answer(response=response, question=question, row=row, choice=column)
            for row in question.rows
            for column in rng.sample(question.columns, rng.randint(0, 2))
        ]
    if question.kind == K.LONG_TEXT and rng.random() < 0.3:
        comments = COMMENTS[response.language]
        return [Answer(response=response, question=question, text=rng.choice(comments))]
    return []
