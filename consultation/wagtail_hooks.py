"""Admin wiring of consultations: surveys, result reports, exports, hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.permissions import OrganizationScopedPolicy, ScopedViewSet
from home.wagtail_hooks import language_column

from . import admin_views
from .admin_forms import SurveyForm
from .models import Survey

register_permission_policy(Survey, OrganizationScopedPolicy(Survey, "organization"))


class SurveyViewSet(ScopedViewSet):
    model = Survey
    icon = "form"
    menu_label = _("Surveys")
    menu_name = "consultation-surveys"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["title", "organization", "integrity", language_column()]
    list_filter = ["locale", "integrity"]
    search_fields = ["title"]
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyForm)


register_snippet(SurveyViewSet)


@hooks.register("register_admin_menu_item")
def consultation_results_menu_item():
    return MenuItem(
        _("Consultation results"),
        reverse("consultation_reports"),
        icon_name="view",
        name="consultation-results",
        order=241,
    )


@hooks.register("register_admin_urls")
def consultation_admin_urls():
    return [
        path(
            "consultation/results/",
            admin_views.ReportIndexView.as_view(),
            name="consultation_reports",
        ),
        path(
            "consultation/results/<int:pk>/",
            admin_views.SurveyReportView.as_view(),
            name="consultation_report",
        ),
        path(
            "consultation/results/<int:pk>/text/<int:question_pk>/",
            admin_views.TextAnswersView.as_view(),
            name="consultation_text_answers",
        ),
        path(
            "consultation/results/<int:pk>/export/<str:file_format>/",
            admin_views.export_responses,
            name="consultation_export",
        ),
    ]


@hooks.register("numeriqc_role_permissions")
def consultation_role_permissions():
    analysis = [
        "consultation.view_response",
        "consultation.view_answer",
        "consultation.change_answer",
        "consultation.view_survey",
    ]
    editing = ["consultation.add_survey", "consultation.change_survey"]
    # Personal answers: Administrators only (they hold every permission).
    return {"Editors": [*analysis, *editing], "Analysts": analysis}


@hooks.register("numeriqc_seed_demo", order=30)
def seed_consultations(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("numeriqc_barometre_sources")
def consultation_barometre_sources():
    from barometre.sources import Source

    from . import stats

    return [
        Source(
            key="consultation.held",
            label=_("Public consultations held"),
            compute=stats.consultations_held,
        ),
        Source(
            key="consultation.responses",
            label=_("Responses received in public consultations"),
            compute=stats.responses_received,
        ),
    ]


@hooks.register("numeriqc_open_datasets")
def consultation_open_datasets():
    from opendata.datasets import Dataset, Field

    from . import stats

    return [
        Dataset(
            slug="consultation-results",
            title=_("Published results of public consultations"),
            description=_(
                "For each consultation whose results are published: the number of "
                "answers per question and choice. Categories below the "
                "consultation's minimum count are left out, so that nobody can be "
                "identified; written answers are never included."
            ),
            frequency=Dataset.DAILY,
            fields=[
                Field("consultation", "string", _("Title of the consultation")),
                Field("organization", "string", _("Organization that ran it")),
                Field("closed_on", "date", _("Date it closed")),
                Field("question", "string", _("Question asked")),
                Field("answer", "string", _("Answer given (choice or value)")),
                Field("count", "integer", _("Number of answers")),
                Field("respondents", "integer", _("Respondents to the question")),
            ],
            rows=stats.published_result_rows,
            last_modified=stats.last_response,
        )
    ]


@hooks.register("numeriqc_personal_data", order=30)
def consultation_personal_data(email):
    from . import personal_data

    return personal_data.sections_for(email)


@hooks.register("numeriqc_erase_personal_data", order=30)
def consultation_erase_personal_data(email):
    from . import personal_data

    return personal_data.erase_for(email)


@hooks.register("numeriqc_home_panels")
def open_consultations_panel(request, home_page):
    from .open_consultations import home_panel

    return home_panel(request, home_page)


# The user-testing lab (measure 5) lives in consultation/lab/.
from .lab import wagtail_hooks as lab_hooks  # noqa: E402, F401
