from django.urls import include, path
from django.utils.translation import gettext_lazy as _

app_name = "consultation"

urlpatterns = [
    path(_("lab/"), include("consultation.lab.urls")),
]
