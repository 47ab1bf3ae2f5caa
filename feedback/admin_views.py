"""Admin views of the feedback tool: exports of the triage queue, and dashboards."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from home.exports import stream_csv, stream_xlsx
from home.models import Organization
from home.scoping import scope_queryset, user_can_access

from . import dashboards, services
from .admin_forms import organizations_of
from .filters import FeedbackEntryFilterSet
from .models import FeedbackEntry, OrganizationFeedbackSettings, Service, source_row

EXPORT_CHUNK = 2000


def triage_queryset(request):
    """The triage queue of this user, with the filters of the request applied."""
    entries = scope_queryset(FeedbackEntry.objects.all(), request.user, "organization")
    filterset = FeedbackEntryFilterSet(request.GET, queryset=entries, request=request)
    if filterset.is_valid():
        entries = filterset.qs
    return entries


def export_header():
    return [
        _("Received on"),
        _("Language"),
        _("Organization"),
        _("Service"),
        _("Page"),
        _("Address"),
        _("Found what they were looking for"),
        _("Reason"),
        _("Satisfaction"),
        _("Comment"),
        _("Suggestion"),
        _("Urgency"),
        _("Status"),
        _("Assigned to"),
        _("Tags"),
        _("Internal note"),
    ]


def export_rows(entries):
    yes, no = _("Yes"), _("No")
    related = entries.select_related(
        "organization", "service", "page", "reason", "assignee"
    ).prefetch_related("tags")
    for entry in related.order_by("-created_at", "-pk").iterator(
        chunk_size=EXPORT_CHUNK
    ):
        yield [
            timezone.localtime(entry.created_at).replace(tzinfo=None),
            entry.language,
            str(entry.organization or ""),
            str(entry.service or ""),
            entry.page.title if entry.page else "",
            entry.path,
            yes if entry.found else no,
            entry.reason.label() if entry.reason else "",
            entry.rating,
            entry.comment,
            entry.suggestion,
            entry.get_urgency_display() if entry.urgency else "",
            entry.get_status_display(),
            entry.assignee.get_username() if entry.assignee else "",
            sorted(tag.name for tag in entry.tags.all()),
            entry.internal_note,
        ]


def export_entries(request, file_format):
    if not request.user.has_perm("feedback.view_feedbackentry"):
        raise PermissionDenied
    entries = triage_queryset(request)
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        return stream_xlsx(
            f"retroaction-{stamp}.xlsx",
            export_header(),
            export_rows(entries),
            sheet_title=_("Feedback"),
        )
    return stream_csv(f"retroaction-{stamp}.csv", export_header(), export_rows(entries))


class DashboardMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = FeedbackEntry
    permission_required = "view"
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback_dashboard"), "label": _("Feedback dashboards")},
        ]

    @cached_property
    def weeks(self):
        try:
            weeks = int(self.request.GET.get("weeks", dashboards.DEFAULT_WEEKS))
        except ValueError:
            weeks = dashboards.DEFAULT_WEEKS
        return (
            weeks if weeks in dashboards.PERIODS_IN_WEEKS else dashboards.DEFAULT_WEEKS
        )

    def scoped_entries(self):
        return scope_queryset(
            FeedbackEntry.objects.all(), self.request.user, "organization"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = dashboards.PERIODS_IN_WEEKS
        context["weeks"] = self.weeks
        return context


class DashboardIndexView(DashboardMixin, TemplateView):
    """The organizations (and their services) whose dashboards the user may read."""

    template_name = "feedback/admin/dashboard_index.html"
    page_title = gettext_lazy("Feedback dashboards")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = dashboards.totals_by_organization(self.scoped_entries(), self.weeks)
        organizations = organizations_of(self.request.user).filter(
            locale__language_code=translation.get_language()
        )
        context["organizations"] = [
            (organization, figures.get(organization.translation_key))
            for organization in organizations.order_by("name")
        ]
        return context


class OrganizationDashboardView(DashboardMixin, TemplateView):
    template_name = "feedback/admin/dashboard.html"

    @cached_property
    def organization(self):
        organization = get_object_or_404(Organization, pk=self.kwargs["pk"])
        if not user_can_access(self.request.user, organization):
            raise PermissionDenied
        return organization

    def get_page_title(self):
        return _("Feedback: %(name)s") % {"name": self.organization.name}

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": "", "label": str(self.organization)},
        ]

    def entries(self):
        return self.scoped_entries().filter(
            organization__translation_key=self.organization.translation_key
        )

    def services_figures(self):
        start = dashboards.period_start(self.weeks)
        counts = Count(
            "feedback_entries",
            filter=Q(feedback_entries__created_at__gte=start)
            & ~Q(feedback_entries__status=FeedbackEntry.Status.SPAM),
        )
        return (
            Service.objects.filter(
                organization__translation_key=self.organization.translation_key,
                locale=source_row(self.organization).locale,
            )
            .annotate(answers=counts)
            .order_by("name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(dashboards.build(self.entries(), self.weeks))
        context["subject"] = self.organization
        context["services"] = self.services_figures()
        context["publication_form"] = self.publication_form()
        return context

    def can_publish(self):
        return self.request.user.has_perm(
            "feedback.change_organizationfeedbacksettings"
        )

    def publication_form(self, data=None):
        if not self.can_publish():
            return None
        return PublicationForm(
            data,
            initial={
                "publish_results": OrganizationFeedbackSettings.publishes_results(
                    self.organization
                )
            },
        )

    def post(self, request, *args, **kwargs):
        form = self.publication_form(request.POST)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            publish = form.cleaned_data["publish_results"]
            services.set_results_publication(self.organization, publish)
            messages.success(
                request,
                _("The results of your services are now public.")
                if publish
                else _("The results of your services are no longer public."),
            )
        return redirect(request.get_full_path())


class PublicationForm(forms.Form):
    publish_results = forms.BooleanField(
        label=gettext_lazy("Publish the results of our services"),
        required=False,
        help_text=OrganizationFeedbackSettings._meta.get_field(
            "publish_results"
        ).help_text,
    )


class ServiceDashboardView(DashboardMixin, TemplateView):
    template_name = "feedback/admin/dashboard.html"

    @cached_property
    def service(self):
        service = get_object_or_404(
            Service.objects.select_related("organization"), pk=self.kwargs["pk"]
        )
        if not user_can_access(self.request.user, service.organization):
            raise PermissionDenied
        return service

    def get_page_title(self):
        return _("Feedback: %(name)s") % {"name": self.service.name}

    def get_breadcrumbs_items(self):
        organization = self.service.organization
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse(
                    "feedback_dashboard_organization", args=[organization.pk]
                ),
                "label": str(organization),
            },
            {"url": "", "label": self.service.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = self.scoped_entries().filter(
            service__translation_key=self.service.translation_key
        )
        context.update(dashboards.build(entries, self.weeks))
        context["subject"] = self.service
        context["service"] = self.service
        return context
