"""Use cases of the feedback tool: receive feedback, triage it, publish results."""

from datetime import timedelta

from django.db import transaction
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


def submit_feedback(data, language):
    """Store one citizen's feedback. `data` is FeedbackForm.cleaned_data.

    Nothing the citizen typed is stored before it is masked; urgency is read
    from what they typed, so that masking never hides a cry for help.
    """
    page, service = data.get("page"), data.get("service")
    comment, suggestion = data.get("comment", ""), data.get("suggestion", "")
    entry = FeedbackEntry(
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
    with transaction.atomic():
        entry.save()
        if entry.is_urgent:
            transaction.on_commit(lambda: _alert(entry.pk))
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
