from django.dispatch import receiver
from wagtail.signals import page_published

from .models import CoursePage
from .services import announce_new_sessions


@receiver(page_published, sender=CoursePage)
def course_published(sender, instance, **kwargs):
    # Wagtail sends page_published inside the publishing transaction.
    announce_new_sessions(instance)
