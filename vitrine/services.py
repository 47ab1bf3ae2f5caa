"""Use cases of the Vitrine: receive a submission, announce a new project."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from notifications.events import publish
from notifications.models import Topic

from .models import CallSubmission, ProjectPage


class DuplicateSubmission(Exception):
    """This team already submitted this project to this call."""


class CallClosed(Exception):
    """The call does not accept submissions now."""


def project_key(name):
    return slugify(name)[:200] or name.strip().casefold()[:200]


def submit_to_call(call, data, language, now=None):
    """Store one submission (form.cleaned_data); refuse a closed call or a repeat.

    The database's unique key decides what a repeat is: two identical posts sent
    at the same moment store one row.
    """
    if not call.is_open(now):
        raise CallClosed
    submission = CallSubmission(
        call=call,
        call_key=call.translation_key,
        project_name=data["project_name"].strip(),
        project_key=project_key(data["project_name"]),
        team=data["team"].strip(),
        description=data["description"].strip(),
        link=data.get("link", ""),
        contact_name=data["contact_name"].strip(),
        contact_email=data["contact_email"],
        consent=data["consent"],
        language=language,
    )
    try:
        with transaction.atomic():
            submission.save()
            transaction.on_commit(lambda: _acknowledge(submission.pk))
    except IntegrityError as error:
        raise DuplicateSubmission from error
    return submission


def _acknowledge(submission_id):
    from .tasks import send_submission_acknowledgement

    send_submission_acknowledgement.delay(submission_id)


def announce_project(page):
    """Announce a project the first time it is published, in the source language.

    The outbox keeps one event per project, so publishing again announces nothing.
    """
    page = page.specific
    if not isinstance(page, ProjectPage) or page.alias_of_id:
        return None
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return None
    return publish(Topic.VITRINE_PROJECT, page)
