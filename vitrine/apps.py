from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VitrineConfig(AppConfig):
    name = "vitrine"
    verbose_name = _("Vitrine numériQc")

    def ready(self):
        from wagtail.signals import page_published

        from .models import ProjectPage
        from .signals import announce_first_publication

        page_published.connect(announce_first_publication, sender=ProjectPage)
