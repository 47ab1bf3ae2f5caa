"""Filters of the public catalogue. Every value lives in the query string, so a
filtered catalogue is a plain link, works without JavaScript, and the calendar feed
takes the same parameters.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.folding import Folded, fold
from home.models import Organization, Theme

from .models import (
    SOON_DAYS,
    Audience,
    CourseLanguage,
    CoursePage,
    DurationBand,
    Format,
    Level,
    Session,
    SessionLanguage,
    duration_band_q,
)


class Sort:
    NEXT_SESSION = "next"
    TITLE = "title"
    NEWEST = "newest"
    CHOICES = [
        (NEXT_SESSION, _("Next session")),
        (TITLE, _("Title")),
        (NEWEST, _("Newest")),
    ]


class CatalogueFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search the courses"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), method="filter_theme", empty_label=_("All themes")
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=Level.choices, empty_label=_("All levels")
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=Format.choices, empty_label=_("All formats")
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), choices=Audience.choices, empty_label=_("Everyone")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=SessionLanguage.choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    provider = django_filters.ChoiceFilter(
        label=_("Provider"), method="filter_provider", empty_label=_("All providers")
    )
    duration = django_filters.ChoiceFilter(
        label=_("Duration"),
        choices=DurationBand.choices,
        method="filter_duration",
        empty_label=_("Any duration"),
    )
    soon = django_filters.BooleanFilter(
        label=_("Has a session in the next 90 days"),
        method="filter_soon",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=Sort.CHOICES,
        method="filter_nothing",  # applied by catalogue.sorted_courses
        empty_label=None,
    )

    class Meta:
        model = CoursePage
        fields = []

    def __init__(self, data=None, *args, locale=None, now=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.locale = locale
        self.now = now or timezone.now()
        self.themes = self._themes()
        self.providers = self._providers()
        self.filters["theme"].extra["choices"] = [
            (theme.slug, theme.name) for theme in self.themes.values()
        ]
        self.filters["provider"].extra["choices"] = [
            (organization.slug, organization.name)
            for organization in self.providers.values()
        ]

    def _themes(self):
        used = CoursePage.objects.filter(pk__in=self.queryset.values("pk")).values(
            "themes__translation_key"
        )
        themes = Theme.objects.filter(
            locale=self.locale, kind=Theme.Kind.TOPIC, translation_key__in=used
        ).order_by("sort_order", "name")
        return {theme.slug: theme for theme in themes}

    def _providers(self):
        used = self.queryset.values("provider__translation_key")
        organizations = Organization.objects.filter(
            locale=self.locale, translation_key__in=used
        ).order_by("name")
        return {organization.slug: organization for organization in organizations}

    def filter_text(self, queryset, name, value):
        """Every word, in any field, whatever its accents: "donnees" finds
        "données"."""
        words = [fold(word) for word in value.split()[:10]]
        if not words:
            return queryset
        queryset = queryset.annotate(
            folded_title=Folded("title"),
            folded_summary=Folded("summary"),
            folded_objectives=Folded("objectives"),
        )
        for word in words:
            queryset = queryset.filter(
                Q(folded_title__contains=word)
                | Q(folded_summary__contains=word)
                | Q(folded_objectives__contains=word)
            )
        return queryset

    def filter_theme(self, queryset, name, value):
        theme = self.themes[value]
        return queryset.filter(themes__translation_key=theme.translation_key)

    def filter_provider(self, queryset, name, value):
        provider = self.providers[value]
        return queryset.filter(provider__translation_key=provider.translation_key)

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__in=[value, CourseLanguage.BOTH])

    def filter_duration(self, queryset, name, value):
        return queryset.filter(duration_band_q(value))

    def filter_soon(self, queryset, name, value):
        if not value:
            return queryset
        soon = Session.objects.filter(course=OuterRef("pk")).within(SOON_DAYS, self.now)
        return queryset.filter(Exists(soon))

    def filter_nothing(self, queryset, name, value):
        return queryset

    @property
    def sort_order(self):
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("sort") or Sort.NEXT_SESSION
        return Sort.NEXT_SESSION

    def active_filters(self):
        """(label, value label, query string without it) for each filter in use."""
        if not self.is_bound or not self.form.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, "", False):
                continue
            field = self.form[name]
            remaining = self.data.copy()
            remaining.pop(name, None)
            remaining.pop("page", None)
            active.append(
                {
                    "label": field.label,
                    "value": _display(field, value),
                    "query": remaining.urlencode(),
                }
            )
        return active


def _display(bound_field, value):
    if value is True:
        return _("yes")
    choices = dict(getattr(bound_field.field, "choices", []))
    return choices.get(value, value)
