from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import api, views

app_name = "notifications"

urlpatterns = [
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/thanks/"), views.subscribed, name="subscribed"),
    path(_("confirm/<str:token>/"), views.confirm_email, name="confirm"),
    path(_("verify/<str:token>/"), views.verify_phone, name="verify"),
    path(_("preferences/<str:token>/"), views.preferences, name="preferences"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path("sms/inbound/", views.sms_inbound, name="sms_inbound"),
    path("sms/receipts/", views.sms_receipt, name="sms_receipt"),
    path("api/v1/reminders/", api.schedule, name="api_reminders"),
    path("api/v1/reminders/<int:pk>/", api.reminder, name="api_reminder"),
    path("api/v1/reminders/<int:pk>/cancel/", api.cancel, name="api_cancel"),
    path("api/v1/openapi.json", api.openapi, name="api_openapi"),
]
