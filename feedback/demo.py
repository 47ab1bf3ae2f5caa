"""Demo content of the feedback tool: three services, a few hundred entries over
six months in both languages, improvements, and one organization that publishes.

Called through the "numeriqc_seed_demo" hook; running it twice changes nothing.
Entries are generated from a fixed seed and written with bulk_create.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from home.demo import ensure_translated
from home.models import HomePage, MeasurePage, Organization

from .models import (
    DigestSubscription,
    FeedbackEntry,
    FeedbackReason,
    Improvement,
    Service,
)
from .screening import urgency_of
from .services import clean_citizen_text, organization_of, set_results_publication

ENTRIES = 360
DAYS = 182

SERVICES = [
    {
        "slug": "portail-numeriqc",
        "organization": "sct",
        "url": "https://www.quebec.ca/",
        "fr": (
            "Portail numériQc",
            "Le site public de la stratégie : mesures, projets, consultations.",
        ),
        "en": (
            "numériQc portal",
            "The public site of the strategy: measures, projects, consultations.",
        ),
    },
    {
        "slug": "soutien-numerique",
        "organization": "cqen",
        "url": "https://www.quebec.ca/gouvernement/",
        "fr": (
            "Accompagnement en transformation numérique",
            "Conseils et soutien aux organismes publics qui mènent un projet "
            "numérique.",
        ),
        "en": (
            "Digital transformation support",
            "Advice and support for public bodies running a digital project.",
        ),
    },
    {
        "slug": "formation-academie",
        "organization": "atn-ulaval",
        "url": "https://www.academie-transformation-numerique.ca/",
        "fr": (
            "Inscription aux formations de l’Académie",
            "Inscription des fonctionnaires aux formations en transformation "
            "numérique.",
        ),
        "en": (
            "Registration for Académie courses",
            "Registration of public servants for digital transformation courses.",
        ),
    },
]

IMPROVEMENT = {
    "fr": (
        "Un formulaire d’inscription plus court",
        "Vous nous avez dit que le formulaire était trop long : il passe de "
        "quatre à deux étapes, et vos réponses sont conservées si vous revenez "
        "en arrière.",
    ),
    "en": (
        "A shorter registration form",
        "You told us the form was too long: it now has two steps instead of "
        "four, and your answers are kept if you go back.",
    ),
}

COMMENTS = {
    "fr": {
        True: [
            "Très clair, merci !",
            "J’ai trouvé l’information en moins d’une minute.",
            "La page est bien organisée, les liens sont utiles.",
            "Enfin une explication simple de la stratégie.",
            "Le tableau des mesures est pratique.",
        ],
        False: [
            "Je ne trouve pas la date limite d’inscription.",
            "Le lien vers le formulaire ne fonctionne pas sur mon téléphone.",
            "Trop de jargon, difficile à comprendre pour un citoyen.",
            "L’information semble dater de l’an dernier.",
            "J’ai appelé au 418 555-0142 et personne ne m’a répondu.",
            "Écrivez-moi à marc.gagnon@example.com, j’ai une question.",
        ],
    },
    "en": {
        True: [
            "Clear and to the point, thank you.",
            "Found what I needed right away.",
            "The list of measures is easy to read.",
        ],
        False: [
            "I could not find the registration deadline.",
            "The page is only partly translated into English.",
            "The link to the form is broken.",
            "Please call me back at 514-555-0199.",
        ],
    },
}

SUGGESTIONS = {
    "fr": [
        "Ajouter une foire aux questions.",
        "Indiquer les délais de traitement.",
        "Offrir un clavardage pendant les heures de bureau.",
    ],
    "en": [
        "Add a frequently asked questions section.",
        "Show how long processing takes.",
    ],
}


def french():
    return Locale.objects.get(language_code="fr")


def seed(stdout=None):
    services = [_seed_service(data) for data in SERVICES]
    improvement = _seed_improvement(services[2])
    set_results_publication(
        Organization.objects.get(locale=french(), slug="atn-ulaval"), True
    )
    _seed_digest_subscription()
    if not FeedbackEntry.objects.filter(service__in=services).exists():
        FeedbackEntry.objects.bulk_create(_entries(services), batch_size=500)
        # "You said, we did": the complaints that led to the shorter form.
        FeedbackEntry.objects.filter(
            service=services[2], found=False, status=FeedbackEntry.Status.ADDRESSED
        ).update(improvement=improvement)


def _seed_service(data):
    name, description = data["fr"]
    service, _created = Service.objects.get_or_create(
        locale=french(),
        slug=data["slug"],
        defaults={
            "name": name,
            "description": description,
            "url": data["url"],
            "organization": Organization.objects.get(
                locale=french(), slug=data["organization"]
            ),
        },
    )
    english_name, english_description = data["en"]
    ensure_translated(service, {name: english_name, description: english_description})
    return service


def _seed_improvement(service):
    title, note = IMPROVEMENT["fr"]
    improvement, _created = Improvement.objects.get_or_create(
        locale=french(),
        service=service,
        title=title,
        defaults={
            "note": note,
            "completed_on": timezone.localdate() - timedelta(days=40),
        },
    )
    ensure_translated(
        improvement, dict(zip(IMPROVEMENT["fr"], IMPROVEMENT["en"], strict=True))
    )
    return improvement


def _seed_digest_subscription():
    editor = get_user_model().objects.filter(username="redaction.cqen").first()
    if editor is not None:
        DigestSubscription.objects.get_or_create(
            user=editor, defaults={"frequency": DigestSubscription.Frequency.WEEKLY}
        )


def _pages():
    """Pages that receive feedback: the home pages and the strategy's measures."""
    return list(HomePage.objects.live()) + list(
        MeasurePage.objects.live().select_related("organization")
    )


def _entries(services):
    rng = random.Random(9)  # noqa: S311 - demo data, not security
    reasons = {True: [], False: []}
    for reason in FeedbackReason.objects.filter(is_active=True):
        reasons[reason.found].append(reason)
    pages = _pages()
    organizations = {page.pk: organization_of(page=page) for page in pages}
    now = timezone.now()
    for _index in range(ENTRIES):
        yield _entry(rng, now, services, pages, organizations, reasons)


def _entry(rng, now, services, pages, organizations, reasons):
    language = "fr" if rng.random() < 0.75 else "en"
    found = rng.random() < 0.68
    target = rng.choice(services + pages)
    is_service = isinstance(target, Service)
    comment = rng.choice(COMMENTS[language][found]) if rng.random() < 0.45 else ""
    suggestion = rng.choice(SUGGESTIONS[language]) if rng.random() < 0.15 else ""
    rating = _rating(rng, found) if rng.random() < 0.8 else None
    created_at = now - timedelta(days=rng.uniform(0, DAYS))
    return FeedbackEntry(
        created_at=created_at,
        language=language,
        page=None if is_service else target,
        path=target.get_absolute_url() if is_service else (target.url or ""),
        service=target if is_service else None,
        organization=target.organization
        if is_service
        else organizations.get(target.pk),
        found=found,
        reason=rng.choice(reasons[found])
        if reasons[found] and rng.random() < 0.7
        else None,
        rating=rating,
        comment=clean_citizen_text(comment, language),
        suggestion=clean_citizen_text(suggestion, language),
        urgency=urgency_of(comment, suggestion),
        status=_status(rng, created_at, now),
    )


def _rating(rng, found):
    weights = [1, 2, 4, 8, 6] if found else [6, 6, 4, 2, 1]
    return rng.choices(range(1, 6), weights=weights)[0]


def _status(rng, created_at, now):
    if now - created_at < timedelta(days=14):
        return FeedbackEntry.Status.NEW
    return rng.choice(
        [
            FeedbackEntry.Status.CLOSED,
            FeedbackEntry.Status.ADDRESSED,
            FeedbackEntry.Status.IN_PROGRESS,
            FeedbackEntry.Status.CLOSED,
        ]
    )
