from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "personal_data"

urlpatterns = [
    path("", views.request_link, name="request"),
    path(_("sent/"), views.link_sent, name="sent"),
    path("<str:token>/", views.overview, name="overview"),
]
