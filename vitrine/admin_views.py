"""Admin export of the submissions to calls for projects, within the user's scope."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from home.cleaning import as_id
from home.exports import stream_csv
from home.scoping import scope_queryset

from .models import CallSubmission

EXPORT_CHUNK = 1000


def scoped_submissions(user):
    return scope_queryset(CallSubmission.objects.all(), user, "call__organization")


def export_header():
    return [
        _("Submitted on"),
        _("Call for projects"),
        _("Project name"),
        _("Team"),
        _("Description"),
        _("Link"),
        _("Contact name"),
        _("Contact email"),
        _("Consent to be contacted"),
        _("Language"),
    ]


def export_rows(submissions):
    yes, no = _("Yes"), _("No")
    rows = submissions.select_related("call").order_by("-submitted_at", "-pk")
    for submission in rows.iterator(chunk_size=EXPORT_CHUNK):
        yield [
            timezone.localtime(submission.submitted_at).replace(tzinfo=None),
            submission.call.title,
            submission.project_name,
            submission.team,
            submission.description,
            submission.link,
            submission.contact_name,
            submission.contact_email,
            yes if submission.consent else no,
            submission.language,
        ]


def export_submissions(request):
    if not request.user.has_perm("vitrine.view_callsubmission"):
        raise PermissionDenied
    submissions = scoped_submissions(request.user)
    call = request.GET.get("call")
    if as_id(call) is not None:
        submissions = submissions.filter(call_id=as_id(call))
    stamp = timezone.localdate().isoformat()
    return stream_csv(
        f"soumissions-{stamp}.csv", export_header(), export_rows(submissions)
    )
