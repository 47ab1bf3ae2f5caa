"""Public views of the training offer: the catalogue's context, the calendar feed
and one session's calendar file. Queries live in catalogue.py."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home.public_url import public_url
from numeriqc.sharedcache import public

from . import catalogue
from .calendar import calendar_bytes
from .models import Session

PER_PAGE = 12


def catalogue_context(request, page):
    now = timezone.now()
    filterset = catalogue.filtered_courses(page, request.GET, now)
    courses = catalogue.sorted_courses(filterset, now)
    paginator = Paginator(courses, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    catalogue.localize_labels(page_obj.object_list, page.locale)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "courses": page_obj.object_list,
        "active_filters": filterset.active_filters(),
        "calendar_url": _calendar_url(page, query.urlencode()),
        "learning_paths": _learning_paths(page),
        # Aliases show the original's text: their cards carry its language.
        "source_language": settings.LANGUAGE_CODE,
    }


def _calendar_url(page, query):
    url = page.url + page.calendar_path()
    return f"{url}?{query}" if query else url


def _learning_paths(page):
    from .models import LearningPathPage

    return public(LearningPathPage.objects.child_of(page).live()).order_by("title")


def catalogue_calendar(request, page):
    """Upcoming sessions of the courses the same filters would show."""
    filterset = catalogue.filtered_courses(page, request.GET)
    sessions = catalogue.calendar_sessions(filterset)
    name = _("%(catalogue)s — upcoming sessions") % {"catalogue": page.title}
    return _ics_response(
        calendar_bytes(name, sessions, _absolute_url(request)),
        slugify(page.title) or "sessions",
    )


@require_GET
def session_calendar(request, pk):
    session = get_object_or_404(
        Session.objects.on_live_courses().select_related("course", "course__provider"),
        pk=pk,
    )
    if session.course.get_view_restrictions().exists():
        raise Http404
    body = calendar_bytes(session.course.title, [session], _absolute_url(request))
    local = timezone.localtime(session.start_at)
    return _ics_response(body, f"{slugify(session.course.title)}-{local:%Y-%m-%d}")


def _absolute_url(request):
    def url_of(course):
        return public_url(course)

    return url_of


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
