from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("Consultations")

    def ready(self):
        from wagtail.signals import page_published

        from .signals import announce_on_publish
        from .translation import share_page_settings

        # Before the announcement: an English page announced takes the French dates.
        page_published.connect(share_page_settings, dispatch_uid="consultation-share")
        page_published.connect(announce_on_publish)
        # Whether an organization invites to its panel is cached (the thanks of
        # every feedback asks): a change to its settings shows at once.
        from django.db.models.signals import post_delete, post_save

        from numeriqc import sharedcache

        from .lab.invitation_snippet import invalidate_invitations, invitation_pairs
        from .lab.models import OrganizationLabSettings

        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_invitations,
                sender=OrganizationLabSettings,
                dispatch_uid=f"lab-invitations-{signal is post_save}",
            )
        # The answer to a public post reads it: fetched with the rate limit's count.
        sharedcache.register_prefetch(
            lambda request, language: invitation_pairs(), kind="post"
        )
