"""Notification tasks: late acknowledgement, ids only, safe to run twice."""

from celery import shared_task

from . import consumers, services


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def send_delivery(self, delivery_id):
    """Claim and send one delivery; transient errors come back with back-off."""
    delay = services.send_delivery(delivery_id)
    if delay is not None and not self.request.is_eager:
        # The row is back in "created" with due_at in the future and the service
        # counts attempts; the dispatcher would find it too, this is only punctual.
        raise self.retry(countdown=delay)
    return delay


@shared_task(acks_late=True)
def dispatch_due_deliveries():
    """Every minute (beat): queue what fell due, and put back what got stuck."""
    return services.sweep_stuck() + services.dispatch_due()


@shared_task(acks_late=True)
def purge_personal_data():
    """Daily (beat): blank personal data of deliveries past the retention period,
    and the addresses of subscribers who no longer consent to anything."""
    return services.purge_personal_data() + services.forget_inactive_subscribers()


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30)
def handle_event(event_id):
    """Turn an outbox event into messages to the subscribers of its topic."""
    return consumers.handle_event(event_id)


@shared_task(acks_late=True)
def noop(value=None):
    """The benchmark's yardstick: a task that does nothing on the same broker."""
    return value
