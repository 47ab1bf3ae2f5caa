"""Admin wiring of the training offer, its demo content, and what it offers to the
Baromètre, to open data and to notifications."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from barometre.sources import Source
from opendata.datasets import Dataset, Field

from . import admin_views, stats, subscriptions


@hooks.register("register_admin_urls")
def training_admin_urls():
    return [
        path(
            "training/sessions/",
            admin_views.SessionReportView.as_view(),
            name="training_sessions",
        ),
        path(
            "training/sessions/export/",
            admin_views.export_sessions,
            name="training_sessions_export",
        ),
    ]


@hooks.register("register_reports_menu_item")
def training_sessions_menu_item():
    return MenuItem(
        _("Training sessions"),
        reverse("training_sessions"),
        icon_name="date",
        name="training-sessions",
        order=700,
    )


@hooks.register("numeriqc_barometre_sources")
def barometre_sources():
    return [
        Source(
            key="training.courses_offered",
            label=_("Courses in the digital training offer"),
            unit=_("courses"),
            compute=stats.courses_offered,
        ),
        Source(
            key="training.sessions_next_90_days",
            label=_("Training sessions in the next 90 days"),
            unit=_("sessions"),
            compute=stats.sessions_next_90_days,
        ),
        Source(
            key="training.sessions_held",
            label=_("Training sessions held"),
            unit=_("sessions"),
            compute=stats.sessions_held,
        ),
    ]


@hooks.register("numeriqc_open_datasets")
def open_datasets():
    return [
        Dataset(
            slug="training-courses",
            title=_("Digital training courses for the public service"),
            description=_(
                "Courses of the training offer (Académie de la transformation "
                "numérique, ENAP): level, format, audience, duration, cost and "
                "upcoming sessions."
            ),
            frequency=Dataset.CONTINUOUS,
            fields=[
                Field("course", "string", _("Title of the course")),
                Field("provider", "string", _("Organization offering it")),
                Field("level", "string", _("introduction, intermediate, advanced")),
                Field(
                    "format",
                    "string",
                    _("self_paced, virtual, in_person or hybrid"),
                ),
                Field(
                    "audience",
                    "string",
                    _("all_staff, managers, specialists or executives"),
                ),
                Field("languages", "string", _("fr, en or fr_en")),
                Field("duration_hours", "number", _("Total hours of training")),
                Field("cost", "number", _("Cost in dollars, 0 when free")),
                Field("certificate", "boolean", _("A certificate is given")),
                Field("upcoming_sessions", "integer", _("Sessions not started yet")),
                Field("next_session", "datetime", _("Start of the next session")),
                Field("url", "url", _("Page of the course")),
            ],
            rows=stats.course_rows,
            last_modified=stats.last_change,
        ),
        Dataset(
            slug="training-sessions",
            title=_("Sessions of the digital training courses"),
            description=_(
                "Every session of the training offer: dates in Montréal time, "
                "place or online, language, seats and status."
            ),
            frequency=Dataset.CONTINUOUS,
            fields=[
                Field("course", "string", _("Title of the course")),
                Field("provider", "string", _("Organization offering it")),
                Field("start", "datetime", _("Start, Montréal time")),
                Field("end", "datetime", _("End, Montréal time")),
                Field("online", "boolean", _("Given online")),
                Field("place", "string", _("Place, when in person")),
                Field("language", "string", _("fr or en")),
                Field("seats", "integer", _("Seats offered")),
                Field(
                    "registration_deadline",
                    "date",
                    _("Last day to register"),
                ),
                Field("status", "string", _("open, full, cancelled or completed")),
            ],
            rows=stats.session_rows,
            last_modified=stats.last_change,
        ),
    ]


@hooks.register("numeriqc_seed_demo", order=50)
def seed_training(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("numeriqc_notification_scopes")
def training_notification_scopes():
    """New sessions of one course, or of the courses on one theme."""
    return [subscriptions.COURSE, subscriptions.THEME]
