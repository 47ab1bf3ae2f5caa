"""Demo training offer: about 30 courses of the Académie and ENAP with English
translations, sessions over the next six months, two learning paths.

Idempotent: a course, path or catalogue that exists is left as it is, so running
`seed_demo` twice changes nothing.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.demo import ensure_translated, french
from home.demo_images import ensure_page_image, page_image_fields
from home.models import HomePage, Organization, Theme

from .demo_data import (
    CATALOGUE,
    COMPETENCIES,
    COURSES,
    LEARNING_PATHS,
    PLACES,
    PREREQUISITES,
    CourseEntry,
)
from .models import (
    CoursePage,
    LearningPathPage,
    LearningPathStep,
    Session,
    TrainingCatalogPage,
)

MONTREAL = ZoneInfo("America/Montreal")


def _list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def seed_catalogue():
    home = HomePage.objects.get(locale=french())
    catalogue = TrainingCatalogPage.objects.filter(locale=french()).first()
    fr, en = CATALOGUE["fr"], CATALOGUE["en"]
    if catalogue is None:
        catalogue = home.add_child(
            instance=TrainingCatalogPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                show_in_menus=True,
                locale=french(),
            )
        )
        catalogue.save_revision().publish()
    ensure_translated(
        catalogue,
        {
            fr["title"]: en["title"],
            fr["slug"]: en["slug"],
            fr["summary"]: en["summary"],
        },
    )
    return catalogue


def _sessions(index, provider_slug, format_, hours):
    """Two or three sessions spread over the next six months, Montréal time."""
    if format_ == "self_paced":
        return []
    today = timezone.localdate()
    length = Decimal(hours)
    days = max(1, int((length / Decimal("7")).to_integral_value(rounding="ROUND_UP")))
    daily = min(length, Decimal("7"))
    sessions = []
    for run in range(2 + index % 2):
        day = today + timedelta(days=9 + (index * 11 + run * 57) % 175)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        start = datetime.combine(day, time(9, 0), tzinfo=MONTREAL)
        end_of_day = start + timedelta(hours=float(daily) + (1 if daily > 4 else 0))
        online = format_ == "virtual" or (format_ == "hybrid" and run % 2 == 1)
        sessions.append(
            Session(
                start_at=start,
                end_at=end_of_day + timedelta(days=days - 1),
                online=online,
                place="" if online else PLACES[provider_slug],
                language="en" if run == 2 and index % 3 == 0 else "fr",
                seats=25 if format_ != "in_person" else 18,
                registration_deadline=day - timedelta(days=7),
                status=Session.Status.FULL if (index + run) % 9 == 0 else "open",
                sort_order=run,
            )
        )
    return sessions


def seed_course(catalogue, index, entry):
    c = CourseEntry(*entry)
    fr_locale = french()
    course = CoursePage.objects.filter(locale=fr_locale, slug=c.slug_fr).first()
    competencies = [COMPETENCIES[slug] for slug in c.theme_slugs]
    prerequisites = PREREQUISITES[c.level]
    if course is None:
        provider = Organization.objects.get(locale=fr_locale, slug=c.provider_slug)
        course = CoursePage(
            title=c.titles[0],
            slug=c.slug_fr,
            summary=c.summaries[0],
            provider=provider,
            objectives=_list(fr for fr, _en in c.objectives),
            competencies=_list(fr for fr, _en in competencies),
            prerequisites=f"<p>{prerequisites[0]}</p>" if prerequisites else "",
            audience=c.audience,
            level=c.level,
            format=c.format_,
            duration_hours=Decimal(c.hours),
            languages=c.languages,
            cost=Decimal(c.cost),
            certificate=c.certificate,
            registration_url=provider.website,
            locale=fr_locale,
            **page_image_fields(c.slug_fr),
        )
        course.themes = list(
            Theme.objects.filter(locale=fr_locale, slug__in=c.theme_slugs)
        )
        course.sessions = _sessions(index, c.provider_slug, c.format_, c.hours)
        catalogue.add_child(instance=course)
        course.save_revision().publish()
    strings = {
        c.titles[0]: c.titles[1],
        c.slug_fr: c.slug_en,
        c.summaries[0]: c.summaries[1],
    }
    strings.update(dict(c.objectives))
    strings.update(dict(competencies))
    if prerequisites:
        strings[prerequisites[0]] = prerequisites[1]
    alt_text, changed = ensure_page_image(course, c.slug_fr)
    strings.update(alt_text)
    ensure_translated(course, strings, refresh=changed)
    return course


def seed_path(catalogue, entry):
    fr, en = entry["fr"], entry["en"]
    path = LearningPathPage.objects.filter(locale=french(), slug=fr["slug"]).first()
    if path is None:
        courses = {
            course.slug: course
            for course in CoursePage.objects.filter(
                locale=french(), slug__in=entry["courses"]
            )
        }
        path = LearningPathPage(
            title=fr["title"],
            slug=fr["slug"],
            summary=fr["summary"],
            goal=fr["goal"],
            audience=entry["audience"],
            locale=french(),
        )
        path.steps = [
            LearningPathStep(course=courses[slug], sort_order=order)
            for order, slug in enumerate(entry["courses"])
        ]
        catalogue.add_child(instance=path)
        path.save_revision().publish()
    ensure_translated(path, {fr[key]: en[key] for key in fr})
    return path


@transaction.atomic
def seed(stdout=None):
    Locale.objects.get(language_code="en")  # the foundation's locales exist
    catalogue = seed_catalogue()
    for index, entry in enumerate(COURSES):
        seed_course(catalogue, index, entry)
    for entry in LEARNING_PATHS:
        seed_path(catalogue, entry)
    if stdout is not None:
        stdout.write(
            f"Training: {CoursePage.objects.count()} course pages, "
            f"{Session.objects.count()} sessions, "
            f"{LearningPathPage.objects.count()} learning paths."
        )
