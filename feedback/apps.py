from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        from numeriqc import sharedcache

        from .models import FeedbackReason
        from .widget import REASONS_VERSION_KEY, invalidate_reasons, reasons_key

        # The widget caches the reasons it offers: any change shows at once.
        post_save.connect(invalidate_reasons, sender=FeedbackReason)
        post_delete.connect(invalidate_reasons, sender=FeedbackReason)
        # Every page shows the widget: its reasons come with the request's first
        # cache trip (numeriqc.sharedcache).
        sharedcache.register_prefetch(
            lambda request, language: [(reasons_key(language), REASONS_VERSION_KEY)]
        )
