"""A person's own data (Loi 25): ask for a private link, then see, download
(JSON or a readable text file) and delete everything held about an address.

Posts carry no CSRF token, as the site's other public forms (no cookie on public
pages): they are accepted only from a page of this site, a few at a time.
"""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import personal_data, tasks
from .forms import PersonalDataRequestForm
from .public_post import PublicPostGuard
from .ratelimit import hit


def _message(request, title, text, status):
    context = {"title": title, "text": text}
    return render(request, "home/personal_data/message.html", context, status=status)


#: Requests for a link, per client address and hour.
LINK_GUARD = PublicPostGuard(
    "personal-data", limit="PERSONAL_DATA_REQUESTS_PER_HOUR", window=3600
)
#: Erasures, per address whose data is shown, and hour.
ERASE_GUARD = PublicPostGuard("personal-data-erase", limit=10, window=3600)


def _refused(refusal, request):
    return refusal.page(request, "home/personal_data/message.html")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def request_link(request):
    form, status = PersonalDataRequestForm(), 200
    if request.method == "POST":
        refusal = LINK_GUARD.check(request)
        if refusal:
            return _refused(refusal, request)
        form = PersonalDataRequestForm(request.POST)
        if form.is_valid():
            email = personal_data.normalise(form.cleaned_data["email"])
            language = translation.get_language()
            # One link an hour per address: the form cannot be used to flood a mailbox.
            if hit("personal-data-email", email, 3, 3600)[0]:
                transaction.on_commit(
                    lambda: tasks.send_personal_data_link.delay(email, language)
                )
            return redirect("personal_data:sent")
        status = 400
    return render(
        request, "home/personal_data/request.html", {"form": form}, status=status
    )


@require_GET
def link_sent(request):
    return _message(
        request,
        _("Check your email"),
        _(
            "We have sent a private link to the address you gave. It shows everything "
            "we hold about this address, lets you download it and delete it. The link "
            "is valid for 24 hours."
        ),
        200,
    )


def _private(response):
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _download(email, sections, kind):
    if kind == "json":
        body = personal_data.as_json(email, sections)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = "numeriqc-my-data.json"
    else:
        body = personal_data.as_text(email, sections)
        response = HttpResponse(body, content_type="text/plain; charset=utf-8")
        filename = (
            "numeriqc-mes-donnees.txt"
            if translation.get_language() == "fr"
            else "numeriqc-my-data.txt"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def overview(request, token):
    """See everything; download it (?format=json or txt); delete it (POST)."""
    email = personal_data.email_from_token(token)
    if email is None:
        return _private(
            _message(
                request,
                _("Link expired"),
                _(
                    "This link is no longer valid. Ask for a new one on the "
                    "“My personal data” page."
                ),
                404,
            )
        )
    if request.method == "POST":
        refusal = ERASE_GUARD.check(request, identity=email)
        if refusal:
            return _private(_refused(refusal, request))
        if request.POST.get("confirm") != "yes":
            sections = personal_data.for_display(personal_data.collect(email))
            context = {"email": email, "sections": sections, "unconfirmed": True}
            return _private(
                render(request, "home/personal_data/overview.html", context, status=400)
            )
        removed = personal_data.erase(email)
        context = {"removed": removed}
        return _private(render(request, "home/personal_data/deleted.html", context))
    sections = personal_data.collect(email)
    kind = request.GET.get("format", "")
    if kind in {"json", "txt"}:
        return _private(_download(email, sections, kind))
    context = {"email": email, "sections": personal_data.for_display(sections)}
    return _private(render(request, "home/personal_data/overview.html", context))
