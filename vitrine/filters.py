"""Filters of the Vitrine: every choice is a readable slug kept in the address bar."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models import Organization, Theme

from .models import Phase, ProjectPage


class Sort:
    NEWEST = "newest"
    UPDATED = "updated"
    TITLE = "title"
    CHOICES = [
        (NEWEST, _("Newest first")),
        (UPDATED, _("Recently updated")),
        (TITLE, _("A to Z")),
    ]
    ORDERING = {
        NEWEST: ("-first_published_at", "-pk"),
        UPDATED: ("-last_published_at", "-pk"),
        TITLE: ("title", "pk"),
    }


def _keys(model, locale, **filters):
    """slug -> translation_key of the rows of `model` in `locale`."""
    rows = model.objects.filter(locale=locale, **filters).order_by(
        *model._meta.ordering
    )
    return {row.slug: (row.translation_key, str(row.name)) for row in rows}


class ProjectFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words in the title or summary"),
        method="filter_text",
        max_length=100,
    )
    organization = django_filters.ChoiceFilter(
        label=_("Organization"), method="filter_organization", empty_label=_("All")
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), method="filter_theme", empty_label=_("All")
    )
    axis = django_filters.ChoiceFilter(
        label=_("Axis of the strategy"), method="filter_axis", empty_label=_("All")
    )
    phase = django_filters.ChoiceFilter(
        label=_("Phase"), choices=Phase.choices, empty_label=_("All")
    )
    year = django_filters.ChoiceFilter(
        label=_("Started in"), field_name="started_on__year", empty_label=_("All")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=Sort.CHOICES,
        method="filter_sort",
        empty_label=None,
        widget=forms.Select,
    )

    class Meta:
        model = ProjectPage
        fields = []

    def __init__(self, data=None, queryset=None, *, locale, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.organizations = _keys(Organization, locale)
        self.themes = _keys(Theme, locale, kind=Theme.Kind.TOPIC)
        self.axes = _keys(Theme, locale, kind=Theme.Kind.AXIS)
        self.filters["organization"].extra["choices"] = _choices(self.organizations)
        self.filters["theme"].extra["choices"] = _choices(self.themes)
        self.filters["axis"].extra["choices"] = _choices(self.axes)
        years = queryset.dates("started_on", "year", order="DESC")
        self.filters["year"].extra["choices"] = [
            (str(day.year), str(day.year)) for day in years
        ]

    def filter_text(self, queryset, name, value):
        words = value.split()[:8]
        for word in words:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word)
            )
        return queryset

    def filter_organization(self, queryset, name, value):
        key = self.organizations[value][0]
        return _with(queryset, organizations__translation_key=key)

    def filter_theme(self, queryset, name, value):
        return _with(queryset, themes__translation_key=self.themes[value][0])

    def filter_axis(self, queryset, name, value):
        key = self.axes[value][0]
        return queryset.filter(
            Q(measure__axis__translation_key=key)
            | Q(pk__in=_pks(themes__translation_key=key))
        )

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, by `ordered()`, so that it always holds

    def ordered(self):
        return self.qs.order_by(*Sort.ORDERING[self.chosen_sort])

    @property
    def chosen_sort(self):
        value = self.form.cleaned_data.get("sort") if self.is_bound else None
        return value or Sort.NEWEST


def _choices(rows):
    return [(slug, name) for slug, (_key, name) in rows.items()]


def _pks(**lookup):
    # A subquery instead of a join: a project never appears twice in the list.
    return ProjectPage.objects.filter(**lookup).values("pk")


def _with(queryset, **lookup):
    return queryset.filter(pk__in=_pks(**lookup))
