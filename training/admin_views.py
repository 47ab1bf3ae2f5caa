"""Admin report of sessions, scoped to the organizations of the staff member."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.exports import stream_csv
from home.scoping import scope_queryset

from .models import Session

EXPORT_CHUNK = 2000
REPORT_LIMIT = 200


def scoped_sessions(user):
    """Sessions of the courses provided by the user's organizations."""
    return scope_queryset(Session.objects.all(), user, "course__provider")


def upcoming_sessions(user):
    return (
        scoped_sessions(user)
        .filter(start_at__gt=timezone.now())
        .select_related("course", "course__provider", "course__locale")
        .order_by("start_at", "pk")
    )


class SessionReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/admin/session_report.html"
    page_title = gettext_lazy("Training sessions")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sessions = upcoming_sessions(self.request.user)
        context["sessions"] = sessions[:REPORT_LIMIT]
        context["total"] = sessions.count()
        context["export_url"] = reverse("training_sessions_export")
        return context


def export_header():
    return [
        _("Course"),
        _("Language of the page"),
        _("Provider"),
        _("Starts at"),
        _("Ends at"),
        _("Place"),
        _("Language"),
        _("Seats"),
        _("Registration deadline"),
        _("Status"),
    ]


def export_rows(sessions):
    for session in sessions.iterator(chunk_size=EXPORT_CHUNK):
        yield [
            session.course.title,
            session.course.locale.language_code,
            str(session.course.provider),
            timezone.localtime(session.start_at).replace(tzinfo=None),
            timezone.localtime(session.end_at).replace(tzinfo=None),
            _("Online") if session.online else session.place,
            session.get_language_display(),
            session.seats,
            session.registration_deadline,
            session.get_status_display(),
        ]


def export_sessions(request):
    sessions = upcoming_sessions(request.user)
    return stream_csv("seances.csv", export_header(), export_rows(sessions))
