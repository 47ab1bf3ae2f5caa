from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "lab"

urlpatterns = [
    path(_("sign-up/sent/"), views.signup_sent, name="signup_sent"),
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("my-record/<str:token>/"), views.member, name="member"),
    path(_("invitation/<str:token>/"), views.invitation, name="invitation"),
]
