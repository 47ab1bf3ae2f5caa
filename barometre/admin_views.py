"""Admin view of the Baromètre: import measurements from a CSV file."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .admin_forms import ImportForm

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportMeasurementsView(WagtailAdminTemplateMixin, FormView):
    """Upload a CSV file; the page then reports the rows written and those rejected."""

    template_name = "barometre/admin/import.html"
    form_class = ImportForm
    page_title = _("Import measurements")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("barometre.add_measurement"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        listing = reverse("wagtailsnippets_barometre_measurement:list")
        return [
            *self.breadcrumbs_items,
            {"url": listing, "label": _("Measurements")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        uploaded = form.cleaned_data["file"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is larger than 2 MB."))
            return self.form_invalid(form)
        report = services.import_measurements(uploaded, self.request.user)
        return self.render_to_response(
            self.get_context_data(form=ImportForm(), report=report)
        )
