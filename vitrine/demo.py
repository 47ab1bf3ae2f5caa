"""Demo content of the Vitrine: the index, twenty projects in both languages with
milestones, benefits and measured values, and an open call for projects.

Called through the "numeriqc_seed_demo" hook; running it twice changes nothing:
every row is looked up by its French slug (or its benefit and date) first.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from home.demo import ensure_translated, french, paragraphs_stream
from home.demo_images import illustration
from home.models import HomePage, MeasurePage, Organization, Theme
from home.strategy_data import MEASURES

from .demo_data import CALL, INDEX, MILESTONES, PROJECTS
from .models import (
    BenefitMeasurement,
    CallForProjectsPage,
    ExpectedBenefit,
    Milestone,
    Phase,
    ProjectImage,
    ProjectPage,
    VitrineIndexPage,
)

PHASE_ORDER = [phase.value for phase in Phase]
MEASURE_TITLES = {m["number"]: (m["fr"]["title"], m["en"]["title"]) for m in MEASURES}


def seed(stdout=None):
    home = HomePage.objects.get(locale=french())
    index = seed_index(home)
    for data in PROJECTS:
        seed_project(index, data)
    seed_call(index)
    if stdout is not None:
        stdout.write(f"Vitrine: {len(PROJECTS)} projects and one call for projects.")


def seed_index(home):
    fr, en = INDEX["fr"], INDEX["en"]
    index = VitrineIndexPage.objects.filter(locale=french()).first()
    if index is None:
        index = home.add_child(
            instance=VitrineIndexPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                next_actions_text=fr["next"],
                show_in_menus=True,
                locale=french(),
            )
        )
        index.save_revision().publish()
    ensure_translated(
        index,
        {
            fr["title"]: en["title"],
            fr["slug"]: en["slug"],
            fr["summary"]: en["summary"],
            fr["next"]: en["next"],
        },
    )
    return index


def _add_months(day, months):
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _body(data):
    title_fr, title_en = MEASURE_TITLES[data["measure"]]
    number = data["measure"]
    fr = f"Ce projet contribue à la mesure {number} de la stratégie : {title_fr}."
    en = f"This project contributes to measure {number} of the strategy: {title_en}."
    return fr, en


def seed_project(index, data):
    slug_fr, slug_en = data["slug"]
    page = ProjectPage.objects.filter(locale=french(), slug=slug_fr).first()
    if page is None:
        page = _create_project(index, data)
    strings = _project_strings(page, data)
    alt_text, changed = _ensure_project_image(page, slug_fr)
    strings.update(alt_text)
    ensure_translated(page, strings, refresh=changed)
    for benefit, spec in zip(
        page.benefits.order_by("sort_order"), data["benefits"], strict=True
    ):
        _seed_measurements(benefit, spec, page.started_on)
    return page


def _create_project(index, data):
    title, summary = data["fr"]
    started = date(*data["start"], 1)
    audited = data["a11y"] != "not_assessed"
    page = ProjectPage(
        title=title,
        slug=data["slug"][0],
        summary=summary,
        locale=french(),
        phase=data["phase"],
        started_on=started,
        featured=data["featured"],
        measure=MeasurePage.objects.filter(
            locale=french(), number=data["measure"]
        ).first(),
        body=paragraphs_stream([_body(data)[0]]),
        service_name=title if data["phase"] in ("live", "retired") else "",
        service_url="https://www.quebec.ca/" if data["phase"] == "live" else "",
        source_code_url=f"https://github.com/CQEN-QDCE/{data['slug'][1]}",
        open_data_url="https://www.donneesquebec.ca/"
        if "donnees" in data["themes"]
        else "",
        accessibility_status=data["a11y"],
        accessibility_audit_date=_add_months(started, 10) if audited else None,
        contact_name="Équipe numériQc",
        contact_email="numeriqc@sct.gouv.qc.ca",
    )
    page.milestones = _milestones(data, started)
    picture = illustration(data["slug"][0])
    page.images = [ProjectImage(image=picture.image, alt_text=picture.alt_fr)]
    page.benefits = [
        ExpectedBenefit(
            description=spec["fr"][0],
            indicator=spec["fr"][1],
            unit=spec["fr"][2],
            estimated_value=Decimal(str(spec["estimate"])),
            expected_by=date(*spec["by"], 1),
        )
        for spec in data["benefits"]
    ]
    index.add_child(instance=page)
    page.organizations.set(
        Organization.objects.filter(locale=french(), slug__in=data["orgs"])
    )
    page.themes.set(Theme.objects.filter(locale=french(), slug__in=data["themes"]))
    page.save_revision().publish()
    return page


def _ensure_project_image(page, key):
    """The project's illustration, added to a project seeded before images were."""
    picture = illustration(key)
    if page.images.exists():
        return {picture.alt_fr: picture.alt_en}, False
    ProjectImage.objects.create(
        page=page, image=picture.image, alt_text=picture.alt_fr, locale=page.locale
    )
    page.save_revision().publish()
    return {picture.alt_fr: picture.alt_en}, True


def _milestones(data, started):
    reached = PHASE_ORDER.index(data["phase"])
    milestones = []
    for phase, months, title_fr, _title_en in MILESTONES:
        position = PHASE_ORDER.index(phase)
        if position > reached + 1 or (position == reached + 1 and phase == "retired"):
            continue
        milestones.append(
            Milestone(date=_add_months(started, months), title=title_fr, phase=phase)
        )
    return milestones


def _project_strings(page, data):
    # Addresses and names are the same in both languages.
    strings = {
        value: value
        for value in (
            page.contact_name,
            page.contact_email,
            page.service_url,
            page.source_code_url,
            page.open_data_url,
        )
        if value
    }
    (title_fr, summary_fr), (title_en, summary_en) = data["fr"], data["en"]
    strings.update(
        {
            title_fr: title_en,
            summary_fr: summary_en,
            data["slug"][0]: data["slug"][1],
            _body(data)[0]: _body(data)[1],
        }
    )
    for _phase, _months, title_fr_m, title_en_m in MILESTONES:
        strings[title_fr_m] = title_en_m
    for spec in data["benefits"]:
        strings.update(zip(spec["fr"], spec["en"], strict=True))
    return strings


def _seed_measurements(benefit, spec, started):
    today = timezone.localdate()
    for quarter, value in enumerate(spec["values"], start=1):
        measured_on = _add_months(started, 3 * quarter) - timedelta(days=1)
        if measured_on > today:
            break
        BenefitMeasurement.objects.get_or_create(
            benefit=benefit,
            measured_on=measured_on,
            defaults={
                "value": Decimal(str(value)),
                "source": "Tableau de bord du projet",
            },
        )


def seed_call(index):
    fr, en = CALL["fr"], CALL["en"]
    call = CallForProjectsPage.objects.filter(locale=french(), slug=fr["slug"]).first()
    if call is None:
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        call = index.add_child(
            instance=CallForProjectsPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                eligibility=fr["eligibility"],
                prizes=fr["prizes"],
                kind=CallForProjectsPage.Kind.OPEN_DATA,
                organization=Organization.objects.get(
                    locale=french(), slug=CALL["organization"]
                ),
                opens_at=now - timedelta(days=14),
                closes_at=now + timedelta(days=60),
                event_date=(now + timedelta(days=90)).date(),
                locale=french(),
            )
        )
        call.save_revision().publish()
    ensure_translated(call, {fr[key]: en[key] for key in fr})
    return call
