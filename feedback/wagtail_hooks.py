"""Admin wiring of the feedback tool (triage queue, services, reasons, dashboards),
and what it offers to the Baromètre, open data and the search."""

from django import forms
from django.urls import path, reverse
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from barometre.sources import Source
from home.permissions import (
    OrganizationScopedPolicy,
    ScopedIndexView,
    ScopedViewSet,
)
from opendata.datasets import HOOK as DATASETS_HOOK
from search.registry import SNIPPETS_HOOK

from . import admin_views, dataset, services, stats
from .admin_forms import (
    DigestSubscriptionForm,
    ImprovementForm,
    ServiceForm,
    TriageForm,
)
from .filters import FeedbackEntryFilterSet
from .models import (
    DigestSubscription,
    FeedbackEntry,
    FeedbackReason,
    Improvement,
    Service,
)

register_permission_policy(
    FeedbackEntry, OrganizationScopedPolicy(FeedbackEntry, "organization")
)
register_permission_policy(Service, OrganizationScopedPolicy(Service, "organization"))
register_permission_policy(
    Improvement, OrganizationScopedPolicy(Improvement, "service__organization")
)


class TriageIndexView(ScopedIndexView):
    """The triage queue, urgent entries first, with CSV and Excel exports."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("organization", "service", "page", "reason", "assignee")
        )

    @property
    def header_more_buttons(self):
        query = self.request.GET.urlencode()
        return [
            *super().header_more_buttons,
            HeaderButton(
                _("Download CSV"),
                url=f"{reverse('feedback_export', args=['csv'])}?{query}",
                icon_name="download",
            ),
            HeaderButton(
                _("Download Excel"),
                url=f"{reverse('feedback_export', args=['xlsx'])}?{query}",
                icon_name="download",
            ),
        ]


class SubjectColumn(Column):
    """Where the feedback is about: a service, or a page."""

    def get_value(self, instance):
        if instance.service_id:
            return instance.service.name
        return instance.page.title if instance.page_id else instance.path


class ServiceLinksPanel(Panel):
    """The addresses of a service's feedback page, and its QR codes, to print."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/service_links_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["links"] = self.instance.feedback_links()
            return context


class FeedbackEntryViewSet(ScopedViewSet):
    model = FeedbackEntry
    icon = "comment"
    menu_label = _("Triage queue")
    menu_name = "feedback-triage"
    index_view_class = TriageIndexView
    add_view_enabled = False
    inspect_view_enabled = True
    filterset_class = FeedbackEntryFilterSet
    ordering = ["-urgency", "-created_at"]
    list_per_page = 50
    search_fields = None
    list_display = [
        "__str__",
        DateColumn("created_at", label=_("Received on"), sort_key="created_at"),
        SubjectColumn("subject", label=_("About")),
        Column("found", label=_("Found"), accessor="get_found_display"),
        Column("rating", label=_("Satisfaction")),
        Column("urgency", label=_("Urgency"), accessor="get_urgency_display"),
        Column(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
        ),
        Column("assignee", label=_("Assigned to")),
    ]
    edit_handler = ObjectList(FeedbackEntry.panels, base_form_class=TriageForm)


class ServiceViewSet(ScopedViewSet):
    model = Service
    icon = "site"
    menu_label = _("Public services")
    menu_name = "feedback-services"
    list_display = ["name", "organization", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [*Service.panels, ServiceLinksPanel(heading=_("Feedback page and QR code"))],
        base_form_class=ServiceForm,
    )


class ImprovementViewSet(ScopedViewSet):
    model = Improvement
    icon = "success"
    menu_label = _("You said, we did")
    menu_name = "feedback-improvements"
    list_display = ["title", "service", "completed_on", "locale"]
    list_filter = ["locale"]
    edit_handler = ObjectList(Improvement.panels, base_form_class=ImprovementForm)


class FeedbackReasonViewSet(SnippetViewSet):
    model = FeedbackReason
    icon = "list-ul"
    menu_label = _("Reasons offered")
    menu_name = "feedback-reasons"
    list_display = ["label_fr", "label_en", "found", "sort_order", "is_active"]
    list_filter = ["found", "is_active"]


class FeedbackGroup(SnippetViewSetGroup):
    items = (
        FeedbackEntryViewSet,
        ServiceViewSet,
        ImprovementViewSet,
        FeedbackReasonViewSet,
    )
    menu_icon = "comment"
    menu_label = _("Feedback")
    menu_name = "feedback"
    menu_order = 250

    def get_submenu_items(self):
        dashboards = MenuItem(
            _("Dashboards"),
            reverse("feedback_dashboard"),
            icon_name="view",
            name="feedback-dashboards",
            order=50,
        )
        return [dashboards, *super().get_submenu_items()]


register_snippet(FeedbackGroup)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"), choices=FeedbackEntry.Status.choices
    )


@hooks.register("register_bulk_action")
class ChangeStatusBulkAction(SnippetBulkAction):
    """Give a status to many entries at once, within the user's organizations."""

    display_name = _("Change status")
    action_type = "change_status"
    aria_label = _("Change the status of the selected entries")
    template_name = "feedback/admin/bulk_change_status.html"
    form_class = StatusForm
    action_priority = 10

    @classproperty
    def models(cls):
        return [FeedbackEntry]

    def check_perm(self, entry):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", entry
        )

    def get_all_objects_in_listing_query(self, parent_id):
        return admin_views.triage_queryset(self.request).values_list("pk", flat=True)

    def get_execution_context(self):
        return {"status": self.cleaned_form.cleaned_data["status"]}

    @classmethod
    def execute_action(cls, objects, status=None, **kwargs):
        entries = FeedbackEntry.objects.filter(pk__in=[entry.pk for entry in objects])
        return services.change_status(entries, status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d feedback entry changed status.",
            "%(count)d feedback entries changed status.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path(
            "feedback/export/<str:file_format>/",
            admin_views.export_entries,
            name="feedback_export",
        ),
        path(
            "feedback/dashboards/",
            admin_views.DashboardIndexView.as_view(),
            name="feedback_dashboard",
        ),
        path(
            "feedback/dashboards/organization/<int:pk>/",
            admin_views.OrganizationDashboardView.as_view(),
            name="feedback_dashboard_organization",
        ),
        path(
            "feedback/dashboards/service/<int:pk>/",
            admin_views.ServiceDashboardView.as_view(),
            name="feedback_dashboard_service",
        ),
    ]


class DigestSettingsPanel(BaseSettingsPanel):
    name = "feedback_digest"
    title = _("Feedback digest")
    order = 450
    form_class = DigestSubscriptionForm

    def is_active(self):
        return self.user.has_perm("feedback.view_feedbackentry")

    def get_form(self):
        instance = DigestSubscription.objects.filter(user=self.user).first()
        instance = instance or DigestSubscription(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=instance, prefix=self.name)


@hooks.register("register_account_settings_panel")
def digest_settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)


@hooks.register("numeriqc_role_permissions")
def feedback_role_permissions():
    triage = [
        "feedback.view_feedbackentry",
        "feedback.change_feedbackentry",
        "feedback.view_service",
        "feedback.view_improvement",
    ]
    publishing = [
        "feedback.add_service",
        "feedback.change_service",
        "feedback.add_improvement",
        "feedback.change_improvement",
        "feedback.change_organizationfeedbacksettings",
    ]
    return {"Editors": [*triage, *publishing], "Analysts": triage}


@hooks.register("numeriqc_seed_demo", order=40)
def seed_feedback(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("numeriqc_footer_links")
def feedback_footer_links():
    from django.urls import reverse
    from django.utils.translation import gettext

    return [(gettext("You said, we did"), reverse("feedback:results_index"))]


@hooks.register("numeriqc_barometre_sources")
def feedback_barometre_sources():
    """Figures of the feedback tool, counted in SQL (stats.py)."""
    return [
        Source(
            key="feedback.average_satisfaction",
            label=_("Average satisfaction with public services (feedback tool)"),
            unit=_("out of 5"),
            compute=stats.average_satisfaction,
        ),
        Source(
            key="feedback.yes_rate",
            label=_("Share of visitors who found what they were looking for"),
            unit="%",
            compute=stats.yes_rate,
        ),
    ]


@hooks.register(DATASETS_HOOK)
def feedback_datasets():
    return [dataset.dataset()]


@hooks.register(SNIPPETS_HOOK)
def feedback_search_snippets():
    """The public services: each has its own public page."""
    return [Service]
