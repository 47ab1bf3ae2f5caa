from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    name = "users"
    verbose_name = _("Users")
    default_auto_field = "django.db.models.BigAutoField"


class NumeriqcWagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the organizations a user belongs to."""

    user_viewset = "users.viewsets.UserViewSet"
