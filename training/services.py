"""Use cases of the training offer."""

from django.db import transaction
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from notifications.events import publish
from notifications.models import Topic

from .models import CoursePage


def is_original(page):
    """False for aliases and wagtail-localize translations of another page.

    Translations hold copies of the original's sessions (new rows at every
    synchronisation); announcing them would tell subscribers twice.
    """
    if page.alias_of_id:
        return False
    translated_from_elsewhere = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .exists()
    )
    return not translated_from_elsewhere


@transaction.atomic
def announce_new_sessions(course):
    """Emit one TRAINING_SESSION event per upcoming session not announced yet.

    Runs inside the publishing transaction; `publish` is idempotent per session,
    so publishing the course again announces only the sessions added since.
    """
    if not isinstance(course, CoursePage) or not is_original(course):
        return []
    sessions = course.sessions.upcoming(timezone.now()).order_by("start_at")
    return [publish(Topic.TRAINING_SESSION, session) for session in sessions]
