"""Admin wiring of the lab: studies (scoped by organization), the recruiting page,
each organization's panel-invitation setting, roles and demo content."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.permissions import (
    OrganizationScopedPolicy,
    ScopedEditView,
    ScopedIndexView,
    ScopedViewSet,
)

from . import admin_views
from .admin_forms import OrganizationLabSettingsForm, StudyForm, criterion_field
from .choices import CRITERIA
from .models import OrganizationLabSettings, Study

register_permission_policy(Study, OrganizationScopedPolicy(Study, "organization"))
register_permission_policy(
    OrganizationLabSettings,
    OrganizationScopedPolicy(OrganizationLabSettings, "organization"),
)


class StudyIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organization")


class StudyEditView(ScopedEditView):
    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Recruit participants"),
                url=reverse("lab_recruit", args=[self.object.pk]),
                icon_name="group",
            ),
        ]


class PlacesColumn(Column):
    def get_value(self, instance):
        return f"{instance.accepted_count} / {instance.participants_wanted}"


STUDY_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("organization"),
                FieldPanel("title"),
                FieldPanel("service_tested"),
                FieldPanel("method"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel([FieldPanel("mode"), FieldPanel("duration_minutes")]),
                FieldPanel("location"),
                FieldPanel("compensation"),
                FieldPanel("participants_wanted"),
                FieldPanel("screener_questions"),
                InlinePanel("slots", heading=_("Time slots"), label=_("Time slot")),
            ],
            heading=_("Study"),
        ),
        ObjectList(
            [
                MultiFieldPanel(
                    [FieldPanel(criterion_field(criterion)) for criterion in CRITERIA],
                    heading=_("Members must match"),
                ),
                FieldPanel("balance"),
                InlinePanel("quotas", heading=_("Quotas"), label=_("Quota")),
            ],
            heading=_("Criteria and balance"),
        ),
    ],
    base_form_class=StudyForm,
)


class StudyViewSet(ScopedViewSet):
    model = Study
    icon = "group"
    menu_label = _("Studies")
    menu_name = "lab-studies"
    index_view_class = StudyIndexView
    edit_view_class = StudyEditView
    list_per_page = 50
    list_display = [
        "title",
        "organization",
        Column("method", label=_("Method"), accessor="get_method_display"),
        DateColumn("starts_on", label=_("Starts on"), sort_key="starts_on"),
        PlacesColumn("places", label=_("Participants")),
    ]
    list_filter = ["method"]
    search_fields = ["title", "service_tested"]
    edit_handler = STUDY_PANELS


class OrganizationLabSettingsViewSet(ScopedViewSet):
    model = OrganizationLabSettings
    icon = "cog"
    menu_label = _("Panel invitation")
    menu_name = "lab-settings"
    list_display = ["organization", "invite_after_feedback", "invite_after_survey"]
    edit_handler = ObjectList(
        [
            FieldPanel("organization"),
            FieldPanel("invite_after_feedback"),
            FieldPanel("invite_after_survey"),
        ],
        base_form_class=OrganizationLabSettingsForm,
    )


class LabGroup(SnippetViewSetGroup):
    items = (StudyViewSet, OrganizationLabSettingsViewSet)
    menu_icon = "group"
    menu_label = _("User-testing lab")
    menu_name = "lab"
    menu_order = 260


register_snippet(LabGroup)


@hooks.register("register_admin_urls")
def lab_admin_urls():
    return [
        path(
            "lab/studies/<int:pk>/recruit/",
            admin_views.RecruitView.as_view(),
            name="lab_recruit",
        )
    ]


@hooks.register("numeriqc_role_permissions")
def lab_role_permissions():
    research = [
        "consultation.add_study",
        "consultation.change_study",
        "consultation.view_study",
        "consultation.delete_study",
        "consultation.add_organizationlabsettings",
        "consultation.change_organizationlabsettings",
        "consultation.view_organizationlabsettings",
    ]
    return {"Editors": research, "Analysts": ["consultation.view_study"]}


@hooks.register("numeriqc_seed_demo", order=60)
def seed_lab(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("numeriqc_barometre_sources")
def lab_barometre_sources():
    from barometre.sources import Source

    from . import stats

    return [
        Source(
            key="lab.panel_members",
            label=_("Members of the user-testing panel"),
            compute=stats.panel_size,
            unit=_("people"),
        ),
        Source(
            key="lab.studies",
            label=_("User studies run by the lab"),
            compute=stats.studies_run,
            unit=_("studies"),
        ),
        Source(
            key="lab.reports",
            label=_("Lab reports published"),
            compute=stats.reports_published,
            unit=_("reports"),
        ),
    ]


@hooks.register("numeriqc_personal_data", order=10)
def lab_personal_data(email):
    from . import personal_data

    return personal_data.sections_for(email)


@hooks.register("numeriqc_erase_personal_data", order=10)
def lab_erase_personal_data(email):
    from . import personal_data

    return personal_data.erase_for(email)
