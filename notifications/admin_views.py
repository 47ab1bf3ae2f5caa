"""Admin views: message log, delivery statistics, resend, API keys. Every list and
figure is scoped to the user's organizations (home.scoping)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import Organization
from home.scoping import is_platform_admin, scope_queryset, user_organization_keys

from . import reminders, services
from .models import ApiKey, Channel, Delivery

PER_PAGE = 50


def organizations_of(user):
    """Source-language organizations the user may act for."""
    rows = Organization.objects.filter(locale=Locale.get_default())
    if is_platform_admin(user):
        return rows
    return rows.filter(translation_key__in=user_organization_keys(user))


def scoped_deliveries(user):
    return scope_queryset(Delivery.objects.all(), user, "message__organization")


class DeliveryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All"))] + Delivery.Status.choices,
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"),
        required=False,
        choices=[("", gettext_lazy("All"))] + Channel.choices,
    )


class AdminMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = ModelPermissionPolicy(Delivery)
    permission_required = "view"
    header_icon = "mail"


class MessageLogView(AdminMixin, TemplateView):
    """Deliveries of the user's organizations, newest first; failures with why."""

    template_name = "notifications/admin/log.html"
    page_title = gettext_lazy("Message log")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = DeliveryFilterForm(self.request.GET)
        deliveries = scoped_deliveries(self.request.user).select_related(
            "message__organization", "message__template"
        )
        if form.is_valid():
            for name in ("status", "channel"):
                if form.cleaned_data[name]:
                    deliveries = deliveries.filter(**{name: form.cleaned_data[name]})
        page = Paginator(deliveries.order_by("-created_at", "-pk"), PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        context.update(
            filter_form=form,
            page_obj=page,
            deliveries=page.object_list,
            can_resend=self.request.user.has_perm("notifications.change_delivery"),
        )
        return context


class StatisticsView(AdminMixin, TemplateView):
    """Counts by organization, channel and status, computed in SQL."""

    template_name = "notifications/admin/statistics.html"
    page_title = gettext_lazy("Delivery statistics")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = Delivery.Status
        counts = {
            status: Count("pk", filter=Q(status=status)) for status in statuses.values
        }
        rows = (
            scoped_deliveries(self.request.user)
            .values("message__organization__name", "channel")
            .annotate(total=Count("pk"), **counts)
            .order_by("message__organization__name", "channel")
        )
        context["statuses"] = statuses.choices
        context["rows"] = [
            {
                "organization": row["message__organization__name"] or _("numériQc"),
                "channel": Channel(row["channel"]).label,
                "total": row["total"],
                "counts": [row[status] for status in statuses.values],
            }
            for row in rows
        ]
        context["failures"] = (
            scoped_deliveries(self.request.user)
            .filter(status=statuses.FAILED)
            .values("failure_reason")
            .annotate(total=Count("pk"))
            .order_by("-total")[:20]
        )
        return context


@require_POST
def resend_delivery(request, pk):
    """Put a failed delivery of one's organization back in the queue."""
    if not request.user.has_perm("notifications.change_delivery"):
        raise PermissionDenied
    delivery = get_object_or_404(scoped_deliveries(request.user), pk=pk)
    if services.resend(delivery.pk):
        messages.success(request, _("The delivery is queued again."))
    else:
        messages.error(
            request, _("Only a failed delivery whose data is kept can be sent again.")
        )
    return redirect(reverse("notifications_log") + "?status=failed")


class ApiKeyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Organization"), queryset=Organization.objects.none()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations_of(user)


class ApiKeysView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """API keys of one's organizations: create (the key is shown once), revoke."""

    permission_policy = ModelPermissionPolicy(ApiKey)
    permission_required = "add"
    header_icon = "key"
    template_name = "notifications/admin/api_keys.html"
    page_title = gettext_lazy("Reminders API keys")

    def keys(self):
        return scope_queryset(
            ApiKey.objects.select_related("organization"),
            self.request.user,
            "organization",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ApiKeyForm(user=self.request.user))
        context["keys"] = self.keys()
        context["openapi_url"] = reverse("notifications:api_openapi")
        return context

    def post(self, request, *args, **kwargs):
        if "revoke" in request.POST:
            key = get_object_or_404(self.keys(), pk=request.POST.get("revoke"))
            reminders.revoke(key.pk)
            messages.success(request, _("The key is revoked."))
            return redirect("notifications_api_keys")
        form = ApiKeyForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        _key, raw = reminders.create_api_key(
            form.cleaned_data["organization"], form.cleaned_data["name"]
        )
        context = self.get_context_data(new_key=raw)
        return self.render_to_response(context)
