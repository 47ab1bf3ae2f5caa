"""The one public POST of the Vitrine: a submission to a call for projects."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.public_post import PublicPostGuard, Wording, is_robot

from . import services
from .forms import SubmissionForm

SUBMITTED_FLAG = "submitted"


def _too_many(minutes):
    return ngettext(
        "You have sent several submissions in a short time. Please try again "
        "in %(minutes)s minute.",
        "You have sent several submissions in a short time. Please try again "
        "in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


#: The call page carries a CSRF token (it is not cached): no Origin check here.
GUARD = PublicPostGuard(
    "vitrine-call",
    limit="VITRINE_SUBMISSIONS_PER_ADDRESS",
    window="VITRINE_SUBMISSION_WINDOW_SECONDS",
    check_origin=False,
    wording=Wording(too_many=_too_many),
)


def submit_to_call(request, call):
    """Validate and store; every refusal says why, in the reader's language."""
    refusal = GUARD.check(request)
    if refusal:
        form = SubmissionForm(request.POST)
        return refusal.apply(_render(request, call, form, refusal.message, 200))
    form = SubmissionForm(request.POST)
    if is_robot(request.POST):
        # Robots fill every field: answer as if it worked, store nothing.
        return _thanks(request, call)
    if not form.is_valid():
        # The error summary above the form lists each problem.
        return _render(request, call, form, None, 400)
    try:
        services.submit_to_call(call, form.cleaned_data, translation.get_language())
    except services.CallClosed:
        return _render(request, call, form, closed_message(call), 403)
    except services.DuplicateSubmission:
        message = _(
            "This project has already been submitted to this call with this email "
            "address. The organizers have it: there is no need to send it again."
        )
        return _render(request, call, form, message, 409)
    return _thanks(request, call)


def closed_message(call):
    if call.has_not_opened():
        return _("This call is not open yet: submissions are not accepted.")
    return _("This call is closed: submissions are no longer accepted.")


def _thanks(request, call):
    messages.success(
        request,
        _("Thank you. Your submission was received; the organizers will contact you."),
    )
    return HttpResponseRedirect(f"{call.url}?{SUBMITTED_FLAG}=1#submission")


def _render(request, call, form, message, status):
    context = call.get_context(request)
    context.update({"form": form, "refusal": message, "form_errors": bool(form.errors)})
    return TemplateResponse(request, call.get_template(request), context, status=status)
