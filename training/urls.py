from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("<int:pk>.ics", views.session_calendar, name="session_calendar"),
]
