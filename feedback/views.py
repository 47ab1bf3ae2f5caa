"""Public views: receive feedback, and the pages of each public service."""

from io import BytesIO

import segno
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from home.models import Organization
from home.public_post import PublicPostGuard, Wording
from home.ratelimit import client_address
from numeriqc import sharedcache

from . import services, stats
from .forms import FeedbackForm
from .models import Improvement, OrganizationFeedbackSettings, Service
from .widget import (
    THANKS_FLAG,
    THANKS_VALUE,
    feedback_organization,
    widget_context,
)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@csrf_exempt  # the page holding the form is shared and cached: no per-visitor token
@require_POST
def submit(request):
    """Receive the widget's post, from a page of this site only, a few per address."""
    refusal = GUARD.check(
        request,
        # What the thanks reads (the lab's invitation), in the same round trip.
        prefetch=sharedcache.prefetch_pairs(request, "post"),
    )
    if refusal:
        return _refused(request, refusal)
    form = FeedbackForm(request.POST, host=request.get_host())
    if not form.is_valid():
        return _invalid(request, form)
    services.submit_feedback(
        form.cleaned_data, translation.get_language(), visitor=client_address(request)
    )
    return _thanks(request, form.cleaned_data)


def _too_many(minutes):
    return ngettext(
        "You have sent a lot of feedback in a short time. Please try again in "
        "%(minutes)s minute.",
        "You have sent a lot of feedback in a short time. Please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


GUARD = PublicPostGuard(
    "feedback",
    limit="FEEDBACK_POSTS_PER_ADDRESS",
    window="FEEDBACK_RATE_WINDOW_SECONDS",
    wording=Wording(
        not_from_this_site=gettext_lazy(
            "Your feedback was not accepted because it was not sent from a page of "
            "this site. Go back to the page and send it from there."
        ),
        too_many=_too_many,
    ),
)


def _refused(request, refusal):
    """The widget posts with fetch (JSON) or, without JavaScript, as a form."""
    if _wants_json(request):
        body = {"status": "refused", "message": refusal.message}
        return refusal.apply(JsonResponse(body))
    context = {"message": refusal.message, "back_url": _back_url(request)}
    return refusal.page(request, "feedback/submission_refused.html", **context)


def _invalid(request, form):
    message = _("Your feedback could not be sent: correct what is shown and try again.")
    if _wants_json(request):
        errors = {field: list(messages) for field, messages in form.errors.items()}
        return JsonResponse(
            {"status": "invalid", "message": message, "errors": errors}, status=400
        )
    data = form.cleaned_data
    context = {
        "message": message,
        "back_url": _back_url(request),
        "widget": widget_context(
            request, page=data.get("page"), service=data.get("service"), form=form
        ),
    }
    return render(request, "feedback/submission_refused.html", context, status=400)


def _back_url(request):
    """Where the visitor came from, if it is a page of this site."""
    form = FeedbackForm(request.POST, host=request.get_host())
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return _target_url(data) or f"/{translation.get_language()}/"


def _target_url(data):
    if data.get("service"):
        return data["service"].get_absolute_url()
    if data.get("page"):
        return data["page"].url
    return data.get("path") or ""


def _thanks(request, data):
    if _wants_json(request):
        organization = feedback_organization(data.get("page"), data.get("service"))
        html = render_to_string(
            "feedback/includes/thanks.html",
            {"organization": organization},
            request=request,
        )
        return JsonResponse({"status": "ok", "message": _("Thank you."), "html": html})
    target = _target_url(data)
    return HttpResponseRedirect(f"{target}?{THANKS_FLAG}={THANKS_VALUE}#feedback")


def _service_or_404(slug):
    """The service in the reader's language, else in its original language."""
    language = translation.get_language()
    candidates = Service.objects.filter(slug=slug).select_related(
        "organization", "locale"
    )
    by_language = {service.locale.language_code: service for service in candidates}
    service = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
    if service is None:
        raise Http404(_("No such service."))
    return service


@require_GET
def service_feedback(request, slug):
    """A service's own feedback page, for services delivered outside the site."""
    service = _service_or_404(slug)
    question = _("Did you get what you needed from this service?")
    context = {
        "service": service,
        "organization": service.organization.localized,
        "publishes_results": OrganizationFeedbackSettings.publishes_results(
            service.organization
        ),
        "widget": widget_context(request, service=service, question=question),
    }
    return render(request, "feedback/service_feedback.html", context)


@require_GET
def service_results(request, slug):
    """ "You said, we did": a service's satisfaction and the changes it led to."""
    service = _service_or_404(slug)
    if not OrganizationFeedbackSettings.publishes_results(service.organization):
        raise Http404(_("This organization does not publish its results."))
    context = {
        "service": service,
        "organization": service.organization.localized,
        "figures": stats.public_figures(service),
        "improvements": localized_improvements(service),
    }
    return render(request, "feedback/service_results.html", context)


def in_reader_language(rows):
    """One row per translation_key: the reader's language if translated, else any.

    For short lists of translatable snippets (a service's improvements, the
    services that publish results): content not yet translated still shows.
    """
    language = translation.get_language()
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        if current is None or row.locale.language_code == language:
            chosen[row.translation_key] = row
    return list(chosen.values())


def localized_improvements(service):
    """The service's improvements, newest first, in the reader's language."""
    rows = Improvement.objects.filter(
        service__translation_key=service.translation_key
    ).select_related("locale", "project_page")
    improvements = in_reader_language(rows)
    return sorted(
        improvements, key=lambda item: (item.completed_on, item.pk), reverse=True
    )


def attach_localized_organizations(services, language):
    """Sets `organization_in_language` on each service, in one query for all."""
    services = list(services)
    keys = {service.organization.translation_key for service in services}
    translated = {
        organization.translation_key: organization
        for organization in Organization.objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    for service in services:
        key = service.organization.translation_key
        service.organization_in_language = translated.get(key, service.organization)
    return services


@require_GET
def results_index(request):
    """Every service whose organization publishes its feedback results."""
    language = translation.get_language()
    published = OrganizationFeedbackSettings.objects.filter(
        publish_results=True
    ).values("organization__translation_key")
    rows = Service.objects.filter(
        organization__translation_key__in=published
    ).select_related("organization", "locale")
    services = sorted(in_reader_language(rows), key=lambda service: service.name)
    page_obj = Paginator(services, 20).get_page(request.GET.get("page"))
    page_obj.object_list = attach_localized_organizations(
        page_obj.object_list, language
    )
    return render(request, "feedback/results_index.html", {"page_obj": page_obj})


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def service_qr_code(request, slug):
    """A QR code (SVG, drawn here) that leads to the service's feedback page."""
    service = _service_or_404(slug)
    address = f"{settings.SITE_URL}{service.get_absolute_url()}"
    title = _("QR code: feedback on %(service)s") % {"service": service.name}
    svg = BytesIO()
    segno.make(address, error="m").save(
        svg, kind="svg", scale=8, border=4, title=title, desc=address
    )
    response = HttpResponse(svg.getvalue(), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = (
            f'attachment; filename="qr-{service.slug}.svg"'
        )
    return response
