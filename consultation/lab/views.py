"""Public views of the lab: sign-up (on the lab page), confirmation, the member's
own record, and the answer to an invitation. No account, no session: signed links.

Posts carry no CSRF token (the lab page is public and cacheable, and sets no
cookie): they are accepted only from a page of this site (Origin check) and a
few at a time per address.
"""

from functools import wraps

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from home.models import Theme
from home.public_post import PublicPostGuard, Wording

from . import services
from .forms import AcceptForm, MemberProfileForm, SignUpForm
from .models import Invitation, LabReportPage, StudySlot


def _too_many(minutes):
    return ngettext(
        "You have sent a lot of answers in a short time. Please try again in "
        "%(minutes)s minute.",
        "You have sent a lot of answers in a short time. Please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


GUARD = PublicPostGuard(
    "lab",
    limit="LAB_POSTS_PER_ADDRESS",
    window="LAB_RATE_WINDOW_SECONDS",
    wording=Wording(
        not_from_this_site=gettext_lazy(
            "Your answer was not accepted because it was not sent from a page of "
            "this site. Go back to the page and send it from there."
        ),
        too_many=_too_many,
    ),
)


def _refusal(request):
    """A response refusing the post, or None when it may go ahead."""
    refusal = GUARD.check(request)
    if refusal:
        context = {"message": refusal.message}
        return refusal.page(request, "consultation/lab/refused.html", **context)
    return None


def private(view):
    """Pages reached by a personal link: never cached, never sent as a referrer."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


def _invalid_link(request):
    return render(request, "consultation/lab/link_invalid.html", status=404)


# The lab page ---------------------------------------------------------------


def lab_index(request, page, *args, **kwargs):
    """The lab page: what it is, the reports by theme, and the sign-up form."""
    form, status = SignUpForm(), 200
    if request.method == "POST":
        refused = _refusal(request)
        if refused:
            return refused
        form = SignUpForm(request.POST)
        if form.is_valid():
            services.sign_up(form.profile(), translation.get_language())
            return redirect("consultation:lab:signup_sent")
        status = 400
    elif request.method != "GET":
        return render(
            request,
            "consultation/lab/refused.html",
            {"message": _("This page only answers GET and POST.")},
            status=405,
        )
    context = page.get_context(request, *args, **kwargs)
    context.update(
        {
            "form": form,
            "themes": reports_by_theme(page, request.GET.get("theme", "")),
            "all_themes": report_themes(page),
            "selected_theme": request.GET.get("theme", ""),
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def published_reports(page):
    return (
        LabReportPage.objects.child_of(page)
        .live()
        .public()
        .select_related("theme", "organization")
        .order_by("-first_published_at", "-pk")
    )


def report_themes(page):
    ids = published_reports(page).values("theme")
    return Theme.objects.filter(pk__in=ids).order_by("sort_order", "name")


def reports_by_theme(page, theme_slug=""):
    """[(theme or None, [report, ...])], themes in their order, reports newest first."""
    reports = published_reports(page)
    if theme_slug:
        reports = reports.filter(theme__slug=theme_slug)
    groups = {}
    for report in reports:
        groups.setdefault(report.theme, []).append(report)
    return sorted(
        groups.items(),
        key=lambda item: (
            item[0] is None,
            item[0].sort_order if item[0] else 0,
            item[0].name if item[0] else "",
        ),
    )


@require_GET
def signup_sent(request):
    return render(request, "consultation/lab/signup_sent.html")


# The member's own record ----------------------------------------------------


@require_GET
@private
def confirm(request, token):
    member = services.confirm_email(token)
    if member is None:
        return _invalid_link(request)
    return render(
        request,
        "consultation/lab/confirmed.html",
        {"manage_url": _manage_path(member)},
    )


def _manage_path(member):
    from .tasks import member_link

    return member_link(member)


@csrf_exempt
@require_http_methods(["GET", "POST"])
@private
def member(request, token):
    """See, change or delete everything the lab holds about the member."""
    panel_member = services.member_from_link(token)
    if panel_member is None:
        return _invalid_link(request)
    kind = request.GET.get("format", "")
    if request.method == "GET" and kind in {"json", "txt"}:
        return _download(panel_member, kind)
    form, status, saved = None, 200, False
    if request.method == "POST":
        refused = _refusal(request)
        if refused:
            return refused
        if request.POST.get("action") == "delete":
            services.delete_member(panel_member)
            return render(request, "consultation/lab/member_deleted.html")
        form = MemberProfileForm(request.POST)
        if form.is_valid():
            services.update_member(panel_member, form.profile())
            saved = True
            form = None
        else:
            status = 400
    form = form or MemberProfileForm(initial=MemberProfileForm.initial_of(panel_member))
    invitations = panel_member.invitations.select_related("study", "slot").order_by(
        "-invited_at"
    )
    context = {
        "member": panel_member,
        "form": form,
        "saved": saved,
        "invitations": invitations,
        "contacts": panel_member.contacts.order_by("-contacted_at"),
        "action": request.path,
    }
    return render(request, "consultation/lab/member.html", context, status=status)


def _download(panel_member, kind):
    """The member's record as JSON or a readable text file (Loi 25 portability)."""
    from home import personal_data

    from .personal_data import member_sections

    sections = [s for s in member_sections(panel_member) if s.records]
    address = panel_member.email or panel_member.mobile
    if kind == "json":
        body, content_type = (
            personal_data.as_json(address, sections),
            "application/json",
        )
    else:
        body, content_type = personal_data.as_text(address, sections), "text/plain"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lab-record.{kind}"'
    return response


# Invitations ----------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "POST"])
@private
def invitation(request, token):
    """Accept (choosing a time and answering the screener) or decline."""
    invitation = services.invitation_from_link(token)
    if invitation is None:
        return _invalid_link(request)
    study = invitation.study
    slots = list(StudySlot.objects.filter(study=study).order_by("starts_at"))
    form, status, error = None, 200, ""
    if request.method == "POST":
        refused = _refusal(request)
        if refused:
            return refused
        if request.POST.get("action") == "decline":
            services.decline(invitation)
            invitation.refresh_from_db()
        else:
            form = AcceptForm(request.POST, study=study, slots=slots)
            if not form.is_valid():
                status = 400
            else:
                error = _accept(invitation, form)
                invitation.refresh_from_db()
                study.refresh_from_db()
                form, status = None, 409 if error else 200
                slots = list(
                    StudySlot.objects.filter(study=study).order_by("starts_at")
                )
    context = {
        "invitation": invitation,
        "study": study,
        "form": form or AcceptForm(study=study, slots=slots),
        "error": error,
        "open": invitation.status == Invitation.Status.INVITED and not study.is_full,
        "action": request.path,
    }
    return render(request, "consultation/lab/invitation.html", context, status=status)


def _accept(invitation, form):
    try:
        services.accept(invitation, form.chosen_slot(), form.answers())
    except services.StudyFull:
        return _("Sorry: the study is now full. Thank you for your interest.")
    except services.SlotFull:
        return _("This time was just taken by someone else: choose another one.")
    except services.AlreadyAnswered:
        return _("You have already answered this invitation.")
    return ""
