"""Demo content of the Baromètre: the page, ten indicators of the strategy's measures
(French and English) with two years of quarterly measurements, and the edition of
the last quarter. Running it twice changes nothing.

The strategy text names its measures but gives no figures: the baselines and targets
below are illustrative values for a demonstration, one indicator per measure that has
an obvious figure, across the six axes. Two indicators read the feedback tool.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from home.demo import ensure_translated, french, paragraphs_stream
from home.models import HomePage, MeasurePage, Organization

from . import services
from .models import BarometrePage, Indicator, Measurement

QUARTERS = 8
YEARS_TO_TARGET = 4

PAGE = {
    "fr": {
        "title": "Baromètre numériQc",
        "slug": "barometre",
        "summary": (
            "Où en est la transformation numérique de l’administration publique, "
            "par rapport aux cibles de la Stratégie."
        ),
        "intro": [
            "Le Baromètre est un outil simple et visuel qui partage publiquement les "
            "avancées de la transformation numérique.",
            "Chaque indicateur part d’une valeur de départ et vise une cible à une "
            "date donnée. Les valeurs sont mises à jour chaque trimestre, et chaque "
            "jour pour celles que la plateforme calcule elle-même.",
        ],
    },
    "en": {
        "title": "numériQc Barometer",
        "slug": "barometre",
        "summary": (
            "How far the digital transformation of the public administration has "
            "come, against the Strategy's targets."
        ),
        "intro": [
            "The Barometer is a simple, visual tool that shares the progress of the "
            "digital transformation publicly.",
            "Each indicator starts from a baseline and aims at a target by a given "
            "date. Values are updated every quarter, and every day for those the "
            "platform computes itself.",
        ],
    },
}

# slug, measure, organization, baseline, target, direction, source key, headline,
# pace (share of the expected progress made), decimals; then French and English:
# name, definition, calculation method, data source, unit.
INDICATORS = [
    {
        "slug": "demarches-papier",
        "measure": 1,
        "organization": "sct",
        "baseline": 420,
        "target": 150,
        "direction": Indicator.Direction.LOWER,
        "pace": 0.9,
        "fr": (
            "Démarches qui exigent encore un formulaire papier",
            "Nombre de démarches administratives qui ne peuvent pas être faites en "
            "ligne de bout en bout.",
            "Inventaire des démarches publiées par les organisations, à la fin du "
            "trimestre.",
            "Inventaire gouvernemental des démarches",
            "démarches",
        ),
        "en": (
            "Procedures that still require a paper form",
            "Number of administrative procedures that cannot be completed online "
            "from start to finish.",
            "Inventory of the procedures published by organizations, at the end of "
            "the quarter.",
            "Government inventory of procedures",
            "procedures",
        ),
    },
    {
        "slug": "organisations-standard",
        "measure": 2,
        "organization": "cqen",
        "baseline": 0,
        "target": 60,
        "headline": True,
        "pace": 1.1,
        "fr": (
            "Organisations qui appliquent le standard des pratiques numériques",
            "Organisations publiques qui ont adopté le standard et en rendent compte.",
            "Décompte des organisations ayant transmis leur autoévaluation.",
            "Centre québécois d’excellence numérique",
            "organisations",
        ),
        "en": (
            "Organizations applying the standard of digital practices",
            "Public organizations that adopted the standard and report on it.",
            "Count of the organizations that sent their self-assessment.",
            "Québec Centre of Digital Excellence",
            "organizations",
        ),
    },
    {
        "slug": "personnes-formees",
        "measure": 4,
        "organization": "atn-ulaval",
        "baseline": 0,
        "target": 5000,
        "headline": True,
        "pace": 0.8,
        "fr": (
            "Membres du personnel formés au numérique",
            "Personnes de la fonction publique ayant suivi au moins une formation de "
            "l’Académie ou de l’ENAP.",
            "Nombre cumulé de personnes distinctes inscrites et ayant terminé une "
            "formation.",
            "Académie de la transformation numérique et ENAP",
            "personnes",
        ),
        "en": (
            "Staff trained in digital skills",
            "Public servants who completed at least one course of the Académie or "
            "of ENAP.",
            "Cumulative number of distinct people who enrolled and completed a course.",
            "Académie de la transformation numérique and ENAP",
            "people",
        ),
    },
    {
        "slug": "tests-laboratoire",
        "measure": 5,
        "organization": "cqen",
        "baseline": 0,
        "target": 120,
        "pace": 0.55,
        "fr": (
            "Tests utilisateurs menés au laboratoire",
            "Séances de tests de services publics menées avec des citoyennes et "
            "citoyens.",
            "Nombre cumulé de séances terminées.",
            "Laboratoire d’essai des services publics",
            "tests",
        ),
        "en": (
            "User tests held in the lab",
            "Testing sessions of public services held with citizens.",
            "Cumulative number of completed sessions.",
            "Public service testing lab",
            "tests",
        ),
    },
    {
        "slug": "rappels-envoyes",
        "measure": 7,
        "organization": "itq",
        "baseline": 0,
        "target": 500,
        "pace": 1.0,
        "fr": (
            "Rappels envoyés par courriel et par texto",
            "Rappels envoyés aux citoyennes et citoyens qui y ont consenti.",
            "Nombre cumulé de messages livrés, en milliers.",
            "Plateforme de notification",
            "milliers",
        ),
        "en": (
            "Reminders sent by email and text message",
            "Reminders sent to citizens who agreed to receive them.",
            "Cumulative number of delivered messages, in thousands.",
            "Notification platform",
            "thousand",
        ),
    },
    {
        "slug": "satisfaction-services",
        "measure": 9,
        "organization": "sct",
        "baseline": Decimal("3.4"),
        "target": Decimal("4.2"),
        "source_key": "feedback.average_satisfaction",
        "headline": True,
        "pace": 0.85,
        "decimals": 1,
        "fr": (
            "Satisfaction moyenne envers les services publics",
            "Note moyenne donnée par les citoyennes et citoyens dans l’outil de "
            "rétroaction.",
            "Moyenne des notes de 1 à 5 reçues, sans les indésirables.",
            "Outil de rétroaction numériQc",
            "sur 5",
        ),
        "en": (
            "Average satisfaction with public services",
            "Average rating given by citizens in the feedback tool.",
            "Mean of the ratings from 1 to 5 received, spam excluded.",
            "numériQc feedback tool",
            "out of 5",
        ),
    },
    {
        "slug": "visiteurs-trouvent",
        "measure": 9,
        "organization": "sct",
        "baseline": 61,
        "target": 80,
        "source_key": "feedback.yes_rate",
        "pace": 0.95,
        "decimals": 1,
        "fr": (
            "Visiteurs qui trouvent ce qu’ils cherchent",
            "Part des réponses « Oui » à la question « Avez-vous trouvé ce que vous "
            "cherchiez? ».",
            "Réponses « Oui » divisées par toutes les réponses, sans les indésirables.",
            "Outil de rétroaction numériQc",
            "%",
        ),
        "en": (
            "Visitors who find what they are looking for",
            "Share of “Yes” answers to “Did you find what you were looking for?”.",
            "“Yes” answers divided by all answers, spam excluded.",
            "numériQc feedback tool",
            "%",
        ),
    },
    {
        "slug": "consultations-tenues",
        "measure": 10,
        "organization": "sct",
        "baseline": 0,
        "target": 40,
        "headline": True,
        "pace": 1.2,
        "fr": (
            "Consultations publiques tenues en ligne",
            "Consultations, sondages et tests ouverts au public sur la plateforme.",
            "Nombre cumulé de consultations fermées ayant reçu des réponses.",
            "Plateforme de consultation publique",
            "consultations",
        ),
        "en": (
            "Public consultations held online",
            "Consultations, surveys and tests opened to the public on the platform.",
            "Cumulative number of closed consultations that received answers.",
            "Public consultation platform",
            "consultations",
        ),
    },
    {
        "slug": "systemes-infonuagique",
        "measure": 12,
        "organization": "itq",
        "baseline": 8,
        "target": 60,
        "pace": 0.7,
        "fr": (
            "Systèmes hébergés en infonuagique",
            "Part des systèmes de mission hébergés dans l’infonuagique publique.",
            "Systèmes migrés divisés par les systèmes inventoriés.",
            "Infrastructures technologiques Québec",
            "%",
        ),
        "en": (
            "Systems hosted in the cloud",
            "Share of mission systems hosted in the public cloud.",
            "Migrated systems divided by inventoried systems.",
            "Infrastructures technologiques Québec",
            "%",
        ),
    },
    {
        "slug": "benefices-mesures",
        "measure": 16,
        "organization": "sct",
        "baseline": 5,
        "target": 75,
        "pace": 0.9,
        "fr": (
            "Projets dont les bénéfices sont mesurés",
            "Part des projets numériques dont les bénéfices estimés ont été mesurés "
            "au moins une fois.",
            "Projets avec au moins une mesure de bénéfice divisés par les projets "
            "ayant des bénéfices estimés.",
            "Vitrine numériQc, cadre de gestion des bénéfices",
            "%",
        ),
        "en": (
            "Projects whose benefits are measured",
            "Share of digital projects whose estimated benefits were measured at "
            "least once.",
            "Projects with at least one benefit measurement divided by projects with "
            "estimated benefits.",
            "numériQc Showcase, benefits management framework",
            "%",
        ),
    },
]


def quarter_end(day):
    """The last day of the quarter before the one `day` is in."""
    first_of_quarter = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first_of_quarter - timedelta(days=1)


def quarter_ends(last, count):
    ends = [last]
    while len(ends) < count:
        ends.append(quarter_end(ends[-1]))
    return list(reversed(ends))


def seed(stdout=None):
    home = HomePage.objects.filter(locale=french()).first()
    if home is None:
        return
    seed_page(home)
    ends = quarter_ends(quarter_end(timezone.localdate()), QUARTERS)
    for order, data in enumerate(INDICATORS):
        indicator = seed_indicator(data, order, baseline_date=quarter_end(ends[0]))
        seed_measurements(indicator, data, ends)
    services.publish_edition(*services.quarter_of(ends[-1]))
    # Today's value of the indicators computed from the feedback tool's demo data.
    services.snapshot_computed_indicators()
    if stdout:
        stdout.write(f"Baromètre: {len(INDICATORS)} indicators, {QUARTERS} quarters")


def seed_page(home):
    page = BarometrePage.objects.filter(locale=french()).first()
    fr, en = PAGE["fr"], PAGE["en"]
    if page is None:
        page = home.add_child(
            instance=BarometrePage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                body=paragraphs_stream(fr["intro"]),
                show_in_menus=True,
                locale=french(),
            )
        )
        page.save_revision().publish()
    strings = {
        fr["title"]: en["title"],
        fr["slug"]: en["slug"],
        fr["summary"]: en["summary"],
    }
    strings.update(zip(fr["intro"], en["intro"], strict=True))
    ensure_translated(page, strings)
    return page


def seed_indicator(data, order, baseline_date):
    measure = MeasurePage.objects.filter(
        locale=french(), number=data["measure"]
    ).first()
    name, definition, method, source, unit = data["fr"]
    indicator, _created = Indicator.objects.get_or_create(
        locale=french(),
        slug=data["slug"],
        defaults={
            "name": name,
            "definition": definition,
            "calculation_method": method,
            "data_source": source,
            "unit": unit,
            "direction": data.get("direction", Indicator.Direction.HIGHER),
            "baseline_value": Decimal(data["baseline"]),
            "baseline_date": baseline_date,
            "target_value": Decimal(data["target"]),
            "target_date": baseline_date.replace(
                year=baseline_date.year + YEARS_TO_TARGET
            ),
            "source_key": data.get("source_key", ""),
            "axis": measure.axis if measure else None,
            "measure": measure,
            "organization": Organization.objects.get(
                locale=french(), slug=data["organization"]
            ),
            "is_headline": data.get("headline", False),
            "sort_order": order,
        },
    )
    ensure_translated(indicator, dict(zip(data["fr"], data["en"], strict=True)))
    return indicator


def demo_value(indicator, data, elapsed_share, index):
    """On the straight line times the indicator's pace, with a small wobble."""
    baseline, target = indicator.baseline_value, indicator.target_value
    span = target - baseline
    share = min(Decimal(1), Decimal(str(elapsed_share * data["pace"])))
    wobble = Decimal(((index * 7 + indicator.sort_order * 3) % 5) - 2) / 100
    value = baseline + span * (share + wobble * Decimal("0.3"))
    places = Decimal(1).scaleb(-data.get("decimals", 0))
    return value.quantize(places)


def seed_measurements(indicator, data, ends):
    total_days = (indicator.target_date - indicator.baseline_date).days
    for index, day in enumerate(ends):
        share = (day - indicator.baseline_date).days / total_days
        latest = index == len(ends) - 1
        Measurement.objects.get_or_create(
            indicator=indicator,
            date=day,
            defaults={
                "value": demo_value(indicator, data, share, index),
                "origin": Measurement.Origin.IMPORT,
                "source": data["fr"][3],
                "note_fr": "Dernier relevé trimestriel publié." if latest else "",
                "note_en": "Latest quarterly reading published." if latest else "",
            },
        )
