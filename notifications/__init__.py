def publish(topic, obj, key=""):
    """Announce an event to the notification platform (see notifications.events)."""
    from .events import publish as record_event

    return record_event(topic, obj, key=key)
