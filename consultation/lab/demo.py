"""Demo content of the lab: about 200 panel members with varied profiles, two
studies (with slots, quotas and a few invitations) and one published report in
French and English, under the lab page.

Called through the "numeriqc_seed_demo" hook; running it twice changes nothing.
Members come from a fixed random seed and are written with bulk_create.
"""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from home.demo import ensure_translated, french, paragraphs_stream
from home.models import HomePage, Organization, Theme

from .choices import MULTI_FIELDS, AgeRange, DigitalComfort, Region
from .models import (
    LabIndexPage,
    LabReportPage,
    PanelMember,
    Study,
    StudyQuota,
    StudySlot,
)

MEMBERS = 200
DEMO_DOMAIN = "panel.numeriqc.example"
FIRST_NAMES = [
    "Léa", "Samuel", "Chloé", "William", "Rosalie", "Thomas", "Maëlle", "Félix",
    "Anne", "Jacques", "Fatima", "Mohamed", "Linh", "Carlos", "Émilie", "Pierre",
    "Noémie", "Olivier", "Awa", "John", "Sarah", "Mathieu", "Isabelle", "Louis",
]  # fmt: skip

LAB_PAGE = {
    "fr": {
        "title": "Laboratoire d’expérience utilisateur",
        "slug": "laboratoire",
        "summary": "Testez les services publics avant leur lancement, et voyez ce "
        "que vos essais ont changé.",
        "body": [
            "Le laboratoire aide les organismes publics à vérifier que leurs "
            "services répondent aux besoins des citoyens et sont simples à "
            "utiliser, avant leur lancement.",
            "Joignez le panel de test : nous vous inviterons, au plus deux fois "
            "par mois, à essayer un service en personne ou à distance. Vous "
            "choisissez chaque fois si vous participez.",
        ],
    },
    "en": {
        "title": "User experience lab",
        "slug": "lab",
        "summary": "Try public services before they launch, and see what your "
        "tests changed.",
        "body": [
            "The lab helps public bodies check that their services meet citizens' "
            "needs and are simple to use, before they launch.",
            "Join the testing panel: we will invite you, at most twice a month, to "
            "try a service in person or remotely. You choose each time whether to "
            "take part.",
        ],
    },
}

REPORT = {
    "fr": {
        "title": "Formulaire de demande d’aide financière : ce que 8 tests ont changé",
        "slug": "formulaire-aide-financiere",
        "summary": "Huit personnes, dont deux utilisatrices de lecteur d’écran, ont "
        "essayé le nouveau formulaire.",
        "tested": "<p>Le nouveau formulaire en ligne de demande d’aide financière, "
        "sur ordinateur et sur cellulaire.</p>",
        "learned": "<p>Six personnes sur huit ne trouvaient pas où joindre leurs "
        "documents; le lecteur d’écran annonçait mal les erreurs.</p>",
        "changes": "<p>Le dépôt de documents devient une étape à part, et chaque "
        "erreur est annoncée et reliée à son champ.</p>",
    },
    "en": {
        "title": "Financial aid application form: what 8 tests changed",
        "slug": "financial-aid-form",
        "summary": "Eight people, two of them screen-reader users, tried the new form.",
        "tested": "<p>The new online financial aid application form, on computers "
        "and mobile phones.</p>",
        "learned": "<p>Six people out of eight could not find where to attach "
        "their documents; the screen reader announced errors poorly.</p>",
        "changes": "<p>Uploading documents becomes a step of its own, and each "
        "error is announced and linked to its field.</p>",
    },
}

STUDIES = [
    {
        "organization": "sct",
        "title": "Essai du nouveau portail de demande d’aide financière",
        "service_tested": "Demande d’aide financière en ligne",
        "method": "moderated",
        "mode": "remote",
        "compensation": "Carte-cadeau de 50 $",
        "participants_wanted": 8,
        "description": "Une entrevue de 45 minutes par visioconférence : vous "
        "essayez le formulaire et dites à voix haute ce que vous pensez.",
        "screener_questions": "Avez-vous déjà demandé une aide financière en "
        "ligne?\nQuel appareil utiliserez-vous?",
        "criteria": {"participation": ["remote"]},
        "balance_on": ["region", "language"],
        "quotas": [("assistive:screen_reader", 2), ("language:en", 2)],
        "slots": 5,
    },
    {
        "organization": "cqen",
        "title": "Tri de cartes : l’arborescence du site numériQc",
        "service_tested": "Menu du site numériQc",
        "method": "card_sorting",
        "mode": "remote",
        "compensation": "",
        "participants_wanted": 20,
        "description": "Un exercice de 15 minutes en ligne : classer des pages "
        "dans les groupes qui vous semblent logiques.",
        "screener_questions": "",
        "criteria": {},
        "balance_on": ["age_range", "digital_comfort"],
        "quotas": [("digital_comfort:low", 4)],
        "slots": 0,
    },
]


def seed(stdout=None):
    with transaction.atomic():
        created = seed_members()
        studies = [seed_study(data) for data in STUDIES]
        page = seed_lab_page()
        if page is not None:
            seed_report(page, studies[0])
    if stdout is not None:
        stdout.write(f"Lab: {created} panel members added, {len(studies)} studies.")


def _member(rng, number, now):
    columns = {}
    for field, rows in MULTI_FIELDS.items():
        chosen = {value for value, _c, _l in rows if rng.random() < 0.45}
        if field == "assistive":
            chosen = _assistive(rng)
        for value, column, _label in rows:
            columns[column] = value in chosen
    language = "en" if rng.random() < 0.22 else "fr"
    with_mobile = rng.random() < 0.3
    return PanelMember(
        first_name=rng.choice(FIRST_NAMES),
        email=f"membre{number:03d}@{DEMO_DOMAIN}",
        mobile=f"+1514555{number:04d}" if with_mobile else "",
        region=rng.choice([value for value, _label in Region.choices] + [""]),
        age_range=rng.choice(AgeRange.values + [""]),
        language=language if rng.random() < 0.9 else "",
        digital_comfort=rng.choice(DigitalComfort.values + [""]),
        signup_language=language,
        is_adult=True,
        consented_at=now - timedelta(days=rng.randint(1, 700)),
        email_confirmed_at=now - timedelta(days=rng.randint(0, 1)),
        **columns,
    )


def _assistive(rng):
    draw = rng.random()
    if draw < 0.08:
        return {"screen_reader"}
    if draw < 0.14:
        return {"magnifier"}
    if draw < 0.18:
        return {"voice_control"}
    return {"none"} if draw < 0.8 else set()


def seed_members():
    existing = set(
        PanelMember.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").values_list(
            "email", flat=True
        )
    )
    rng = random.Random(5)  # noqa: S311 - demo data
    now = timezone.now()
    members = [_member(rng, number, now) for number in range(1, MEMBERS + 1)]
    new = [member for member in members if member.email not in existing]
    PanelMember.objects.bulk_create(new, batch_size=500)
    return len(new)


def seed_study(data):
    organization = Organization.objects.filter(
        locale=french(), slug=data["organization"]
    ).first()
    study = Study.objects.filter(title=data["title"]).first()
    if study is not None or organization is None:
        return study
    start = timezone.localdate() + timedelta(days=10)
    fields = {
        key: data[key]
        for key in [
            "title",
            "service_tested",
            "method",
            "mode",
            "compensation",
            "participants_wanted",
            "description",
            "screener_questions",
            "criteria",
            "balance_on",
        ]
    }
    study = Study.objects.create(
        organization=organization,
        starts_on=start,
        ends_on=start + timedelta(days=14),
        **fields,
    )
    for order, (profile, minimum) in enumerate(data["quotas"]):
        StudyQuota.objects.create(
            study=study, profile=profile, minimum=minimum, sort_order=order
        )
    for day in range(data["slots"]):
        starts_at = timezone.make_aware(
            datetime.combine(start + timedelta(days=day), time(10, 0))
        )
        StudySlot.objects.create(
            study=study, starts_at=starts_at, capacity=2, sort_order=day
        )
    return study


def seed_lab_page():
    page = LabIndexPage.objects.filter(locale=french()).first()
    home = HomePage.objects.filter(locale=french()).first()
    fr, en = LAB_PAGE["fr"], LAB_PAGE["en"]
    if page is None:
        if home is None:
            return None
        page = home.add_child(
            instance=LabIndexPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                body=paragraphs_stream(fr["body"]),
                show_in_menus=True,
                locale=french(),
            )
        )
        page.save_revision().publish()
    strings = {fr[key]: en[key] for key in ["title", "slug", "summary"]}
    strings.update(zip(fr["body"], en["body"], strict=True))
    ensure_translated(page, strings)
    return page


def seed_report(page, study):
    fr, en = REPORT["fr"], REPORT["en"]
    report = LabReportPage.objects.filter(locale=french(), slug=fr["slug"]).first()
    if report is None:
        report = page.add_child(
            instance=LabReportPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                organization=study.organization if study else None,
                theme=Theme.objects.filter(
                    locale=french(), slug="accessibilite"
                ).first(),
                study=study,
                method="moderated",
                participants=8,
                what_was_tested=fr["tested"],
                what_was_learned=fr["learned"],
                what_changes=fr["changes"],
                locale=french(),
            )
        )
        report.save_revision().publish()
    strings = {fr[key]: en[key] for key in REPORT["fr"]}
    ensure_translated(report, _with_rich_text_segments(strings))


def _with_rich_text_segments(strings):
    """wagtail-localize extracts rich text without its outer <p>."""
    extra = {}
    for source, target in strings.items():
        if source.startswith("<p>") and source.endswith("</p>"):
            extra[source[3:-4]] = target[3:-4]
    return {**strings, **extra}
