"""Queries of the public catalogue: filter, sort, and show courses in a fixed number
of queries whatever the number of courses."""

from django.db.models import F, Min
from django.utils import timezone

from home.images import prefetch_renditions
from home.models import Organization, Theme

from .filters import CatalogueFilterSet, Sort
from .models import Session, upcoming_q

CALENDAR_LIMIT = 500


def filtered_courses(catalogue, params, now=None):
    """The FilterSet of `catalogue` bound to `params` (a QueryDict)."""
    now = now or timezone.now()
    return CatalogueFilterSet(
        params or None,
        queryset=catalogue.courses(),
        locale=catalogue.locale,
        now=now,
    )


def sorted_courses(filterset, now=None):
    now = now or timezone.now()
    courses = (
        filterset.qs.select_related("provider", "image")
        .prefetch_related("themes", prefetch_renditions())
        .annotate(next_session=Min("sessions__start_at", filter=upcoming_q(now=now)))
    )
    if filterset.sort_order == Sort.TITLE:
        return courses.order_by("title", "pk")
    if filterset.sort_order == Sort.NEWEST:
        return courses.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    return courses.order_by(F("next_session").asc(nulls_last=True), "title", "pk")


def localize_labels(courses, locale):
    """Give each course its provider and themes in the reader's language.

    Aliases of French pages point at French snippets; two queries fetch the
    translations of every snippet shown, instead of one `.localized` per course.
    """
    providers = {c.provider.translation_key for c in courses}
    theme_keys = {t.translation_key for c in courses for t in c.themes.all()}
    local_providers = {
        o.translation_key: o
        for o in Organization.objects.filter(
            locale=locale, translation_key__in=providers
        )
    }
    local_themes = {
        t.translation_key: t
        for t in Theme.objects.filter(locale=locale, translation_key__in=theme_keys)
    }
    for course in courses:
        key = course.provider.translation_key
        course.local_provider = local_providers.get(key, course.provider)
        course.local_themes = [
            local_themes.get(theme.translation_key, theme)
            for theme in course.themes.all()
        ]
    return courses


def calendar_sessions(filterset, now=None):
    """Upcoming sessions of the filtered courses, soonest first, for the feed."""
    now = now or timezone.now()
    return (
        Session.objects.filter(course__in=filterset.qs.values("pk"))
        .upcoming(now)
        .select_related("course", "course__provider")
        .order_by("start_at", "pk")[:CALENDAR_LIMIT]
    )
