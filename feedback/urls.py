from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "feedback"

urlpatterns = [
    path(_("send/"), views.submit, name="submit"),
    path(_("services/"), views.results_index, name="results_index"),
    path(_("services/<slug:slug>/"), views.service_feedback, name="service"),
    path(
        _("services/<slug:slug>/results/"),
        views.service_results,
        name="service_results",
    ),
    path(
        _("services/<slug:slug>/qr-code.svg"),
        views.service_qr_code,
        name="service_qr_code",
    ),
]
