"""The editors' report of what people search for, and what finds nothing.

Queries belong to no organization (they are typed on the public site), so the
report is for whoever manages search promotions, in every organization.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.cleaning import as_id

from . import services

PERIODS = (7, 30, 90)
PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


class QueryReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/query_report.html"
    page_title = gettext_lazy("Search queries")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.request.GET.get("days", "30")
        days = as_id(days) if as_id(days) in PERIODS else 30
        language = self.request.GET.get("language", "")
        language = language if language in dict(settings.LANGUAGES) else ""
        context.update(
            days=days,
            periods=PERIODS,
            language=language,
            languages=settings.LANGUAGES,
            frequent=services.frequent_queries(language, days),
            fruitless=services.frequent_queries(language, days, zero_results=True),
        )
        return context
