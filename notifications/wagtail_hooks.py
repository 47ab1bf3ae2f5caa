"""Admin wiring of the notification platform, and the event consumer hook."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.permissions import OrganizationScopedPolicy, ScopedIndexView, ScopedViewSet

from . import admin_views
from .admin_forms import MessageTemplateForm
from .consent_log import PRIVACY_OFFICERS, ConsentLogViewSet, ReadOnlyPolicy
from .consumers import on_event_published
from .direct import deliver_direct_message
from .models import Consent, MessageTemplate, SendingLimit

hooks.register("numeriqc_event_published", on_event_published)
hooks.register("numeriqc_deliver_direct_message", deliver_direct_message)


register_permission_policy(Consent, ReadOnlyPolicy(Consent))
register_permission_policy(
    MessageTemplate, OrganizationScopedPolicy(MessageTemplate, "organization")
)


class MessageTemplateIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organization")


class MessageTemplateViewSet(ScopedViewSet):
    model = MessageTemplate
    icon = "doc-full"
    menu_label = _("Message templates")
    menu_name = "notification-templates"
    edit_handler = ObjectList(
        [
            FieldPanel("organization"),
            FieldRowPanel(
                [FieldPanel("slug"), FieldPanel("language"), FieldPanel("channel")]
            ),
            FieldPanel("subject"),
            FieldPanel("body"),
            FieldPanel("max_segments"),
            FieldPanel("sample_values"),
        ],
        base_form_class=MessageTemplateForm,
    )
    index_view_class = MessageTemplateIndexView
    # Copying a template starts from one of the user's organizations' only.
    copy_view_enabled = True
    list_display = ["slug", "organization", "language", "channel", "updated_at"]
    list_filter = ["language", "channel"]
    search_fields = ["slug", "subject", "body"]


class SendingLimitViewSet(SnippetViewSet):
    """Per-organization API limits; administrators only (by model permission)."""

    model = SendingLimit
    icon = "time"
    menu_label = _("Sending limits")
    menu_name = "notification-limits"
    list_display = ["organization", "per_minute", "per_day"]


class NotificationsGroup(SnippetViewSetGroup):
    items = (MessageTemplateViewSet, SendingLimitViewSet)
    menu_icon = "mail"
    menu_label = _("Notifications")
    menu_name = "notifications"
    menu_order = 320

    def get_submenu_items(self):
        items = super().get_submenu_items()
        extra = [
            (
                _("Message log"),
                "notifications_log",
                "list-ul",
                admin_views.MessageLogView,
            ),
            (
                _("Delivery statistics"),
                "notifications_statistics",
                "view",
                admin_views.StatisticsView,
            ),
            (
                _("Reminders API keys"),
                "notifications_api_keys",
                "key",
                admin_views.ApiKeysView,
            ),
        ]
        for label, name, icon, view in extra:
            items.append(
                _PermittedMenuItem(
                    label, reverse(name), icon_name=icon, name=name, view=view
                )
            )
        return items


class _PermittedMenuItem(MenuItem):
    def __init__(self, *args, view, **kwargs):
        super().__init__(*args, **kwargs)
        self.view = view

    def is_shown(self, request):
        policy = self.view.permission_policy
        return policy.user_has_permission(request.user, self.view.permission_required)


register_snippet(NotificationsGroup)


@hooks.register("register_admin_urls")
def notifications_admin_urls():
    return [
        path(
            "notifications/log/",
            admin_views.MessageLogView.as_view(),
            name="notifications_log",
        ),
        path(
            "notifications/statistics/",
            admin_views.StatisticsView.as_view(),
            name="notifications_statistics",
        ),
        path(
            "notifications/deliveries/<int:pk>/resend/",
            admin_views.resend_delivery,
            name="notifications_resend",
        ),
        path(
            "notifications/api-keys/",
            admin_views.ApiKeysView.as_view(),
            name="notifications_api_keys",
        ),
    ]


@hooks.register("numeriqc_role_permissions")
def notifications_role_permissions():
    templates = [
        "notifications.add_messagetemplate",
        "notifications.change_messagetemplate",
        "notifications.delete_messagetemplate",
        "notifications.view_messagetemplate",
    ]
    log = ["notifications.view_delivery"]
    return {
        "Editors": [
            *templates,
            *log,
            "notifications.change_delivery",
            "notifications.add_apikey",
        ],
        "Analysts": log,
    }


@hooks.register("numeriqc_seed_demo", order=70)
def seed_notifications(stdout):
    from .demo import seed

    seed(stdout)


@hooks.register("numeriqc_home_panels")
def notifications_home_panel(request, home_page):
    return {"template": "notifications/includes/home_panel.html"}


@hooks.register("numeriqc_course_panels")
def notifications_course_panel(request, course):
    """A "Tell me about new sessions" section on every course page: a plain link
    (the page stays cacheable), the course preselected by its id."""
    return {"template": "notifications/includes/course_panel.html", "course": course}


@hooks.register("numeriqc_personal_data", order=20)
def notifications_personal_data(email):
    from . import personal_data

    return personal_data.sections_for(email)


@hooks.register("numeriqc_erase_personal_data", order=20)
def notifications_erase_personal_data(email):
    from . import personal_data

    return personal_data.erase_for(email)


@hooks.register("register_admin_viewset")
def register_consent_log():
    return ConsentLogViewSet("consent_log")


@hooks.register("numeriqc_role_permissions")
def privacy_officer_permissions():
    return {
        PRIVACY_OFFICERS: ["wagtailadmin.access_admin", "notifications.view_consent"]
    }
