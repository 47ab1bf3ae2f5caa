"""Filters of the consultation listing: theme, organization and status."""

import django_filters
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from home.models import Organization, Theme

from .models import ConsultationPage


def _in_language(model):
    def queryset(request):
        return model.objects.filter(locale__language_code=translation.get_language())

    return queryset


class ConsultationFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=_in_language(Theme),
        method="filter_theme",
        empty_label=_("All themes"),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"),
        queryset=_in_language(Organization),
        method="filter_organization",
        empty_label=_("All organizations"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ConsultationPage.Status.choices,
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = ConsultationPage
        fields = []

    def filter_theme(self, queryset, name, theme):
        return queryset.filter(themes__translation_key=theme.translation_key)

    def filter_organization(self, queryset, name, organization):
        return queryset.filter(
            organization__translation_key=organization.translation_key
        )

    def filter_status(self, queryset, name, status):
        return queryset.filter(status_filter(status))


def status_filter(status, now=None):
    """The SQL condition of each derived status."""
    now = now or timezone.now()
    Status = ConsultationPage.Status
    return {
        Status.UPCOMING: Q(opens_at__gt=now),
        Status.OPEN: Q(opens_at__lte=now, closes_at__gt=now),
        Status.CLOSED: Q(closes_at__lte=now, results_published=False),
        Status.RESULTS: Q(closes_at__lte=now, results_published=True),
    }[status]
