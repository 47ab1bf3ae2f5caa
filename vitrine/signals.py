from . import services


def announce_first_publication(sender, instance, **kwargs):
    services.announce_project(instance)
