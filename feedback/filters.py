"""Filters of the triage queue. Every choice offered is within the user's scope."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from home.scoping import scope_queryset

from .admin_forms import organizations_of
from .models import RATINGS, FeedbackEntry, FeedbackReason, Service


def _organizations(request):
    return organizations_of(request.user).filter(
        locale__language_code=translation.get_language()
    )


def _services(request):
    return scope_queryset(
        Service.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
        request.user,
        "organization",
    )


def scoped_entries(request):
    return scope_queryset(FeedbackEntry.objects.all(), request.user, "organization")


def _pages(request):
    with_feedback = scoped_entries(request).filter(page__isnull=False).values("page_id")
    return Page.objects.filter(pk__in=with_feedback).order_by("title")


def _tags(request):
    entries = scoped_entries(request).values("pk")
    return Tag.objects.filter(
        feedback_taggedfeedbackentry_items__content_object__in=entries
    ).distinct()


def _colleagues(request):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    return scope_queryset(users, request.user, "organizations").order_by("username")


class PageChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({page.locale.language_code})"


class PageFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


class FeedbackEntryFilterSet(WagtailFilterSet):
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"), queryset=_organizations, method="filter_organization"
    )
    service = django_filters.ModelChoiceFilter(label=_("Service"), queryset=_services)
    page = PageFilter(label=_("Page"), queryset=_pages)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received between"), widget=DateRangePickerWidget
    )
    found = django_filters.BooleanFilter(
        label=_("Found what they were looking for"),
        widget=forms.Select(
            choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    rating = django_filters.MultipleChoiceFilter(
        label=_("Satisfaction"),
        choices=[(value, str(value)) for value in RATINGS],
        widget=forms.CheckboxSelectMultiple,
    )
    reason = django_filters.ModelChoiceFilter(
        label=_("Reason"), queryset=FeedbackReason.objects.all()
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=FeedbackEntry.Status.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    has_comment = django_filters.BooleanFilter(
        label=_("Has a comment or suggestion"),
        method="filter_has_comment",
        widget=forms.Select(
            choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    urgent = django_filters.BooleanFilter(
        label=_("Urgent"),
        method="filter_urgent",
        widget=forms.Select(
            choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("Assigned to"), queryset=_colleagues
    )
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"),
        queryset=_tags,
        field_name="tags",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = FeedbackEntry
        fields = []

    def filter_organization(self, queryset, name, organization):
        return queryset.filter(
            organization__translation_key=organization.translation_key
        )

    def filter_has_comment(self, queryset, name, value):
        has_text = ~Q(comment="") | ~Q(suggestion="")
        return queryset.filter(has_text) if value else queryset.exclude(has_text)

    def filter_urgent(self, queryset, name, value):
        return queryset.exclude(urgency="") if value else queryset.filter(urgency="")
