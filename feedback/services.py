"""Use cases of the feedback tool: receive feedback, triage it, publish results."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .masking import mask_personal_data
from .models import FeedbackEntry, OrganizationFeedbackSettings, source_row
from .screening import mask_profanity, urgency_of


def clean_citizen_text(text, language):
    """What may be stored of a citizen's text: personal data and profanity masked."""
    if not text:
        return ""
    with translation.override(language):
        masked = mask_personal_data(text).text
    return mask_profanity(masked)


def organization_of(page=None, service=None):
    """The organization that receives feedback about this page or service."""
    if service is not None:
        return source_row(service.organization)
    if page is None:
        return None
    owners = getattr(page.specific, "owning_organizations", None)
    organizations = owners() if owners else []
    # A page owned by several organizations goes to the first one listed.
    return source_row(organizations[0]) if organizations else None


DUPLICATE_WINDOW_SECONDS = 60


def duplicate_key(data, language, visitor, now):
    """The same text from the same visitor in the same minute: one key, UNIQUE in
    the database, so a double click or a resent form stores one entry whatever runs
    in parallel. Only written feedback has one: two people behind one address may
    well both answer "Yes". The visitor's address is hashed with the site's key."""
    comment, suggestion = data.get("comment", ""), data.get("suggestion", "")
    if not visitor or not (comment or suggestion):
        return None
    parts = [
        settings.SECRET_KEY,
        visitor,
        language,
        data.get("page") and data["page"].pk,
        data.get("service") and data["service"].pk,
        data.get("path", ""),
        data.get("found"),
        data.get("reason") and data["reason"].pk,
        data.get("rating"),
        comment,
        suggestion,
        int(now.timestamp()) // DUPLICATE_WINDOW_SECONDS,
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def submit_feedback(data, language, visitor="", now=None):
    """Store one citizen's feedback. `data` is FeedbackForm.cleaned_data.

    Nothing the citizen typed is stored before it is masked; urgency is read
    from what they typed, so that masking never hides a cry for help. A repeat of
    the same written feedback within the minute returns the entry stored first.
    """
    now = now or timezone.now()
    page, service = data.get("page"), data.get("service")
    comment, suggestion = data.get("comment", ""), data.get("suggestion", "")
    entry = FeedbackEntry(
        created_at=now,
        duplicate_key=duplicate_key(data, language, visitor, now),
        language=language,
        page=page,
        path=_path_of(data, page, service),
        service=source_row(service),
        organization=organization_of(page, service),
        found=data["found"],
        reason=data.get("reason"),
        rating=data.get("rating"),
        comment=clean_citizen_text(comment, language),
        suggestion=clean_citizen_text(suggestion, language),
        urgency=urgency_of(comment, suggestion),
    )
    try:
        with transaction.atomic():
            entry.save()
            if entry.is_urgent:
                transaction.on_commit(lambda: _alert(entry.pk))
    except IntegrityError:
        existing = FeedbackEntry.objects.filter(
            duplicate_key=entry.duplicate_key
        ).first()
        if entry.duplicate_key is None or existing is None:
            raise
        return existing
    return entry


def _path_of(data, page, service):
    if service is not None:
        return service.get_absolute_url()
    if page is not None:
        return page.url or ""
    return data.get("path", "")


def _alert(entry_id):
    from .tasks import alert_urgent_entry

    alert_urgent_entry.delay(entry_id)


def change_status(entries, status):
    """Give many entries one status in a single UPDATE; returns how many changed."""
    return entries.exclude(status=status).update(status=status)


def set_results_publication(organization, publish):
    """An organization agrees (or stops agreeing) to publish its services' results."""
    settings_row, _created = OrganizationFeedbackSettings.objects.update_or_create(
        organization=source_row(organization), defaults={"publish_results": publish}
    )
    return settings_row


def remove_expired_text(retention_days, now=None):
    """Empty the comment and suggestion of entries older than the retention period."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days)
    expired = FeedbackEntry.objects.filter(
        created_at__lt=cutoff, text_removed_at__isnull=True
    )
    return expired.update(comment="", suggestion="", text_removed_at=now)
