"""Public views: the consultation listing, answering a survey, the results."""

import contextlib
import uuid

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from home.images import prefetch_renditions
from home.public_post import PublicPostGuard, Wording, is_robot
from numeriqc.sharedcache import public

from . import results, services
from .filters import ConsultationFilter
from .forms import Condition, FinishForm, SurveyPageForm, split_pages, sub_name
from .models import ConsultationPage, Response, source_row

PER_PAGE = 12
DONE_COOKIE = "consultation-done-%s"
COOKIE_SALT = "consultation.done"
COOKIE_MAX_AGE = 365 * 24 * 3600
#: Survey pages carry Django's CSRF token: no Origin check here.
GUARD = PublicPostGuard(
    "consultation",
    limit="CONSULTATION_POSTS_PER_ADDRESS",
    window="CONSULTATION_RATE_WINDOW_SECONDS",
    check_origin=False,
    wording=Wording(
        too_many=lambda _minutes: _(
            "Too many answers came from your connection. Please try again later."
        )
    ),
)


def consultation_listing(request, index_page):
    pages = (
        public(ConsultationPage.objects.child_of(index_page).live())
        .select_related("organization", "image")
        .prefetch_related(prefetch_renditions())
        .order_by("-opens_at", "-pk")
    )
    filterset = ConsultationFilter(request.GET or None, queryset=pages, request=request)
    paginator = Paginator(filterset.qs, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    _attach_organization_names(page_obj.object_list)
    return {"filter": filterset, "page_obj": page_obj, "consultations": page_obj}


def _attach_organization_names(pages):
    """`organization_name` in the reader's language, one query for the whole page."""
    from home.models import Organization

    pages = list(pages)
    keys = {page.organization.translation_key for page in pages if page.organization}
    names = dict(
        Organization.objects.filter(
            translation_key__in=keys, locale__language_code=translation.get_language()
        ).values_list("translation_key", "name")
    )
    for page in pages:
        organization = page.organization
        page.organization_name = (
            names.get(organization.translation_key, organization.name)
            if organization
            else ""
        )


class SurveyFlow:
    """One visitor's way through a survey: pages, answers so far, submission key."""

    def __init__(self, request, page, survey):
        self.request = request
        self.page = page
        self.survey = survey
        self.questions = services.questions_of(survey)
        self.pages = split_pages(self.questions)
        self.condition = Condition({q.translation_key: q for q in self.questions})
        self.session_key = f"consultation-{survey.translation_key.hex}"
        self.state = request.session.get(self.session_key) or {}
        self.key = self._submission_key()
        self.step = min(int(self.state.get("step", 0)), len(self.pages) - 1)

    def _submission_key(self):
        candidates = [self.request.POST.get("submission_key"), self.state.get("key")]
        for candidate in candidates:
            try:
                return uuid.UUID(str(candidate))
            except ValueError:
                continue
        return uuid.uuid4()

    @property
    def data(self):
        return self.state.get("data", {})

    def save(self, step, data):
        self.state = {"key": self.key.hex, "step": step, "data": data}
        self.request.session[self.session_key] = self.state

    def forget(self):
        self.request.session.pop(self.session_key, None)

    def earlier(self, step):
        """Raw answers of the pages before `step`."""
        names = {q.field_name for page in self.pages[step:] for q in page}
        return {k: v for k, v in self.data.items() if k.split("__")[0] not in names}

    def form(self, step, data=None):
        return SurveyPageForm(
            self.pages[step],
            self.condition,
            self.earlier(step),
            data,
            initial=self.data if data is None else None,
            last=step == len(self.pages) - 1,
            prefix=None,
        )

    def finish_form(self, data=None, **kwargs):
        return FinishForm(self.survey, data, **kwargs)

    def is_last(self, step):
        return step == len(self.pages) - 1


def _raw_of(form):
    """What to keep of a page's POST: the survey's fields only, as sent."""
    raw = {}
    for name in form.fields:
        values = form.data.getlist(name)
        if values:
            raw[name] = values if len(values) > 1 or name in _multi(form) else values[0]
    return raw


def _multi(form):
    from .models import Question

    names = {q.field_name for q in form.questions if q.kind == Question.Kind.MULTIPLE}
    for question in form.questions:
        if question.kind == Question.Kind.MATRIX_MULTIPLE:
            names.update(sub_name(question, row) for row in question.rows)
    return names


def _localized_survey(page):
    survey = page.survey
    return survey.localized if survey is not None else None


def _done_cookie_name(survey):
    return DONE_COOKIE % source_row(survey).pk


def already_answered(request, survey):
    value = request.get_signed_cookie(
        _done_cookie_name(survey), default=None, salt=COOKIE_SALT
    )
    return value


def answer_survey(request, page):
    survey = _localized_survey(page)
    if survey is None:  # a page without a survey to answer
        return TemplateResponse(
            request, page.get_template(request), _context(page, request)
        )
    if request.method == "POST":
        return _post(request, page, survey)
    thanks = request.GET.get("thanks")
    if thanks:
        return _thanks(request, page, survey, thanks)
    flow = SurveyFlow(request, page, survey)
    return _render(request, page, survey, flow, flow.step)


def _context(page, request):
    context = page.get_context(request)
    context["page"] = page
    return context


def _render(
    request, page, survey, flow, step, form=None, finish=None, status=200, revealed=()
):
    context = _context(page, request)
    status_now = page.status
    context["survey_ui"] = {
        "survey": survey,
        "state": status_now,
        "answered": survey.integrity == survey.Integrity.OPEN
        and already_answered(request, survey),
        "form": form or flow.form(step),
        "finish": finish or (flow.finish_form() if flow.is_last(step) else None),
        "step": step,
        "steps": len(flow.pages),
        "is_last": flow.is_last(step),
        "key": flow.key.hex,
        "refusal": _refusal(page),
        "revealed": revealed,
    }
    ui = context["survey_ui"]
    # The page title starts with "Error:" while the form shows errors.
    context["form_errors"] = any(
        form is not None and form.is_bound and form.errors
        for form in (ui["form"], ui["finish"])
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _refusal(page):
    status = page.status
    if status == page.Status.UPCOMING:
        return _("This consultation is not open yet. It opens on %(date)s.") % {
            "date": _format(page.opens_at)
        }
    if status in (page.Status.CLOSED, page.Status.RESULTS):
        return _(
            "This consultation closed on %(date)s: answers are no longer accepted."
        ) % {"date": _format(page.closes_at)}
    return ""


def _format(moment):
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _post(request, page, survey):
    flow = SurveyFlow(request, page, survey)
    if not page.is_open:
        return _render(request, page, survey, flow, flow.step, status=403)
    step = _posted_step(request, flow)
    form = flow.form(step, request.POST)
    if request.POST.get("action") == "previous" and step > 0:
        flow.save(step - 1, {**flow.data, **_raw_of(form)})
        return HttpResponseRedirect(page.url)
    if form.revealed(request.POST.getlist("unseen")):
        return _ask_revealed(request, page, survey, flow, step, form)
    if not form.is_valid():
        return _render(request, page, survey, flow, step, form=form, status=400)
    data = {**flow.data, **_raw_of(form)}
    if not flow.is_last(step):
        flow.save(step + 1, data)
        return HttpResponseRedirect(page.url)
    return _finish(request, page, survey, flow, step, data)


def _ask_revealed(request, page, survey, flow, step, form):
    """The same page again, with the questions the answers just revealed and what
    was typed (kept as the answers so far), before any validation."""
    flow.save(step, {**flow.data, **_raw_of(form)})
    finish = None
    if flow.is_last(step):
        posted = request.POST
        finish = flow.finish_form(
            initial={"email": posted.get("email", ""), "consent": "consent" in posted}
        )
    return _render(
        request,
        page,
        survey,
        flow,
        step,
        form=flow.form(step),
        finish=finish,
        revealed=form.revealed(request.POST.getlist("unseen")),
    )


def _posted_step(request, flow):
    try:
        step = int(request.POST.get("step", flow.step))
    except ValueError:
        step = flow.step
    return max(0, min(step, len(flow.pages) - 1))


def _finish(request, page, survey, flow, step, data):
    finish = flow.finish_form(request.POST)
    if not finish.is_valid():
        form = flow.form(step, request.POST)
        form.is_valid()
        return _render(
            request, page, survey, flow, step, form=form, finish=finish, status=400
        )
    if is_robot(request.POST):
        return _thanks(request, page, survey, flow.key.hex, stored=False)
    previous = already_answered(request, survey)
    if (
        survey.integrity == survey.Integrity.OPEN
        and previous
        and previous != flow.key.hex
    ):
        return _thanks(request, page, survey, previous)
    refusal = GUARD.check(request)
    if refusal:
        form = flow.form(step, request.POST)
        form.is_valid()
        response = _render(request, page, survey, flow, step, form=form, status=200)
        response.context_data["survey_ui"]["refusal"] = refusal.message
        return refusal.apply(response)
    answers = {}
    for index in range(len(flow.pages)):
        page_form = flow.form(index, _as_query(data))
        if not page_form.is_valid():
            flow.save(index, data)
            return _render(
                request, page, survey, flow, index, form=page_form, status=400
            )
        answers.update(page_form.answers())
    stored = services.finish_response(
        survey,
        answers,
        key=flow.key,
        language=translation.get_language(),
        page=page,
        email=finish.cleaned_data.get("email", ""),
        consented=bool(finish.cleaned_data.get("consent")),
    )
    if stored is None:
        return _thanks(request, page, survey, flow.key.hex, stored=False)
    flow.forget()
    redirect = HttpResponseRedirect(f"{page.url}?thanks={stored.submission_key.hex}")
    _remember_answered(request, redirect, survey, stored.submission_key.hex)
    return redirect


def _remember_answered(request, response, survey, key):
    """A signed cookie says this browser answered (open surveys show it)."""
    response.set_signed_cookie(
        _done_cookie_name(survey),
        key,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        # Secure wherever the session cookie is (production: HTTPS only).
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
    )


def _as_query(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in data.items():
        if isinstance(value, list):
            query.setlist(name, value)
        else:
            query[name] = value
    return query


def _thanks(request, page, survey, key, stored=True):
    response_row = None
    with contextlib.suppress(ValueError):
        response_row = Response.objects.filter(submission_key=uuid.UUID(key)).first()
    pending = survey.integrity == survey.Integrity.EMAIL and (
        not stored or response_row is None or response_row.status == "pending"
    )
    if stored and response_row is None:
        raise Http404
    context = _context(page, request)
    context["survey_ui"] = {
        "survey": survey,
        "thanks": True,
        "pending": pending,
        # The lab's panel invitation, when this organization wants it.
        "organization": survey.organization or page.organization,
    }
    return TemplateResponse(request, page.get_template(request), context)


def confirm_response(request, page, token):
    confirmed = services.confirm(token)
    context = _context(page, request)
    survey = _localized_survey(page)
    context["survey_ui"] = {
        "survey": survey,
        "confirmed": confirmed is not None,
        "confirm_failed": confirmed is None,
    }
    status = 200 if confirmed else 400
    return TemplateResponse(request, page.get_template(request), context, status=status)


def public_results(request, page):
    survey = page.survey
    if survey is None or not page.results_published:
        raise Http404(_("The results of this consultation are not published."))
    context = _context(page, request)
    context["results"] = results.cached_public_results(
        survey.localized, page.minimum_count
    )
    return TemplateResponse(request, "consultation/results_page.html", context)
