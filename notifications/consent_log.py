"""The consent log in the admin, for privacy officers: every consent given or
withdrawn, with the wording accepted. It is evidence, so nobody changes it there,
administrators included."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Consent

PRIVACY_OFFICERS = "Privacy officers"


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action == "view"]
        )


class ConsentLogViewSet(ModelViewSet):
    model = Consent
    icon = "list-ul"
    menu_label = _("Consent log")
    menu_name = "consent-log"
    menu_order = 850
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["subscriber", "topic", "channel", "action", "method", "recorded_at"]
    list_filter = ["action", "channel", "method", "topic", "language"]
    search_fields = ["subscriber__email", "subscriber__phone"]
    search_backend_name = None
    # The add and edit views exist but the policy refuses them to everyone.
    form_fields = []
    inspect_view_fields = [
        "subscriber",
        "topic",
        "channel",
        "scope",
        "action",
        "method",
        "language",
        "wording_version",
        "wording",
        "recorded_at",
    ]

    def get_queryset(self, request):
        return Consent.objects.select_related("subscriber")
