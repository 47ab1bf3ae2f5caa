"""The feedback digest: what is new and what is urgent, for each staff member who
asked for it, counted over their organizations only, in their own language."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from home.scoping import scope_queryset
from notifications.events import publish
from notifications.models import Topic

from .models import DigestDelivery, DigestSubscription, FeedbackEntry
from .stats import FIGURES, rates

PERIODS = {
    DigestSubscription.Frequency.DAILY: timedelta(days=1),
    DigestSubscription.Frequency.WEEKLY: timedelta(days=7),
}
LATEST_COMMENTS = 10


def period_start(frequency, now=None):
    """Start of the last complete day (or week, Monday to Sunday), local time."""
    today = timezone.localdate(now)
    end = timezone.make_aware(datetime.combine(today, time.min))
    return end - PERIODS[frequency]


def subscribers(frequency):
    """Active staff who asked for this digest and may read feedback."""
    users = get_user_model().objects.filter(
        is_active=True, feedback_digest__frequency=frequency
    )
    return [user for user in users if user.has_perm("feedback.view_feedbackentry")]


def preferred_language(user):
    language = UserProfile.get_for_user(user).get_preferred_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def entries_for(user, start, end):
    entries = FeedbackEntry.objects.filter(
        created_at__gte=start, created_at__lt=end
    ).exclude(status=FeedbackEntry.Status.SPAM)
    return scope_queryset(entries, user, "organization")


def digest_context(user, frequency, start):
    end = start + PERIODS[frequency]
    entries = entries_for(user, start, end)
    per_organization = [
        rates(dict(row))
        for row in entries.values("organization__name", "organization__acronym")
        .annotate(**FIGURES)
        .order_by("organization__name")
    ]
    related = entries.select_related("page", "service")
    return {
        "user": user,
        "start": start,
        "last_day": end - timedelta(days=1),
        "totals": rates(entries.aggregate(**FIGURES)),
        "per_organization": per_organization,
        "urgent": list(related.exclude(urgency="")[:LATEST_COMMENTS]),
        "urgent_count": entries.exclude(urgency="").count(),
        "latest": list(
            related.filter(urgency="").exclude(comment="")[:LATEST_COMMENTS]
        ),
        "queue_url": admin_url(reverse("wagtailsnippets_feedback_feedbackentry:list")),
        "edit_url_name": "wagtailsnippets_feedback_feedbackentry:edit",
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }


def admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def send_digest(user_id, frequency, start):
    """Hand one digest to the notification platform, once: returns False when
    there was nothing to send or it was already handed over for this period.

    The platform sends it after the commit (its message log, retries, retention)
    and asks `digest_email` for the text, in the staff member's language.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if (
        user is None
        or not entries_for(user, start, start + PERIODS[frequency]).exists()
    ):
        return False
    try:
        with transaction.atomic():
            digest = DigestDelivery.objects.create(
                user=user, frequency=frequency, period_start=start
            )
            publish(Topic.FEEDBACK_DIGEST, digest)
    except IntegrityError:
        return False  # already handed over for this period
    return True


def digest_email(digest):
    """(language, subject, body) of a digest, counted when it is written."""
    user = digest.user
    language = preferred_language(user)
    with translation.override(language):
        context = digest_context(user, digest.frequency, digest.period_start)
        subject = _("numériQc feedback: %(count)s new, %(urgent)s urgent") % {
            "count": context["totals"]["answers"],
            "urgent": context["urgent_count"],
        }
        body = render_to_string("feedback/email/digest.txt", context)
    return language, subject, body


def urgent_recipients(entry):
    """Active staff of the entry's organization who receive its feedback by email."""
    if entry.organization is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            organizations__translation_key=entry.organization.translation_key,
            feedback_digest__frequency__in=list(PERIODS),
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def urgent_alert_emails(entry):
    """(address, language, subject, body) of the urgent alert, for each recipient."""
    url = admin_url(
        reverse("wagtailsnippets_feedback_feedbackentry:edit", args=[entry.pk])
    )
    emails = []
    for user in urgent_recipients(entry):
        language = preferred_language(user)
        with translation.override(language):
            subject = _("numériQc: urgent feedback to read")
            body = render_to_string(
                "feedback/email/urgent.txt", {"entry": entry, "url": url}
            )
        emails.append((user.email, language, subject, body))
    return emails
