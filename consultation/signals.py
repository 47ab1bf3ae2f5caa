"""Signal handlers, connected in ConsultationConfig.ready()."""


def announce_on_publish(sender, instance, **kwargs):
    from .announcements import announce
    from .models import ConsultationPage

    if isinstance(instance, ConsultationPage):
        announce(instance)
