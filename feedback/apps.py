from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        from .models import FeedbackReason
        from .widget import invalidate_reasons

        # The widget caches the reasons it offers: any change shows at once.
        post_save.connect(invalidate_reasons, sender=FeedbackReason)
        post_delete.connect(invalidate_reasons, sender=FeedbackReason)
