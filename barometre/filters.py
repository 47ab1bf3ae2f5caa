"""Admin filters of the Baromètre. Every choice offered is within the user's scope."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from home.scoping import scope_queryset

from .models import Indicator, Measurement


def _indicators(request):
    if request is None:
        return Indicator.objects.none()
    return scope_queryset(
        Indicator.objects.filter(locale=Locale.get_default()), request.user
    )


class MeasurementFilterSet(WagtailFilterSet):
    indicator = django_filters.ModelChoiceFilter(
        label=_("Indicator"), queryset=_indicators
    )
    origin = django_filters.ChoiceFilter(
        label=_("Origin"), choices=Measurement.Origin.choices
    )

    class Meta:
        model = Measurement
        fields = ["indicator", "origin"]
