"""Sending use cases: create deliveries, claim and send them once, sweep, purge."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.cleaning import as_id

from . import quiet_hours
from .channels import PermanentError, TransientError
from .channels import email as email_channel
from .channels import sms as sms_channel
from .models import Channel, Delivery, Message, Subscriber, Subscription, Suppression
from .text import sms_segments

logger = logging.getLogger("numeriqc.notifications")

NORMAL_QUEUE = "notifications"
BULK_QUEUE = "notifications-bulk"
CHANNELS = {Channel.EMAIL: email_channel, Channel.SMS: sms_channel}


def sms_opt_out_line(language):
    with override(language):
        return _("STOP to opt out")


def with_opt_out(body, language):
    """Every text message ends with a short opt-out instruction."""
    return f"{body.rstrip()}\n{sms_opt_out_line(language)}"


def new_delivery(message, channel, to, language, subject, body, **fields):
    """An unsaved delivery; text messages are held outside quiet hours."""
    due_at = fields.pop("due_at", None) or message.send_at
    if channel == Channel.SMS and message.kind != Message.Kind.CODE:
        due_at = quiet_hours.next_allowed(due_at)
    return Delivery(
        message=message,
        channel=channel,
        to=to,
        language=language,
        subject=subject,
        body=body,
        segments=sms_segments(body) if channel == Channel.SMS else 0,
        due_at=due_at,
        **fields,
    )


def queue_after_commit(deliveries):
    """Once the transaction commits, hand the deliveries that are due to workers."""
    ids = [d.pk for d in deliveries if d.due_at <= timezone.now()]
    if ids:
        transaction.on_commit(lambda: queue(ids))


def queue(delivery_ids):
    from .tasks import send_delivery

    now = timezone.now()
    rows = list(
        Delivery.objects.filter(
            pk__in=delivery_ids, status=Delivery.Status.CREATED, due_at__lte=now
        ).values_list("pk", "message__priority")
    )
    # Marked first, in one UPDATE: a publish that fails leaves the row for
    # dispatch_due to queue again once the mark is stale.
    queued = [pk for pk, _priority in rows]
    Delivery.objects.filter(pk__in=queued).update(queued_at=now)
    for pk, priority in rows:
        queue_name = BULK_QUEUE if priority == "bulk" else NORMAL_QUEUE
        send_delivery.apply_async((pk,), queue=queue_name)
    return queued


# Deliveries claimed together by one task: one UPDATE claims them and one UPDATE
# records them. A worker killed mid-batch leaves at most this many in "sending"
# for the sweeper (each may then reach its recipient twice, as one did before).
BATCH = 25


def send_delivery(delivery_id):
    """Send one delivery at most once, with the due deliveries of its lane that
    were queued beside it. Returns a retry delay in seconds for this one, or None.

    The worker claims the rows with one conditional UPDATE (created -> sending):
    only the worker whose UPDATE changed a row calls the channel for it. A second
    run of the same task, or a second worker, finds nothing to claim, and the
    tasks of the deliveries claimed here find their row already taken.
    """
    anchor = (
        Delivery.objects.filter(pk=delivery_id)
        .values("status", "channel", "message__priority")
        .first()
    )
    if anchor is None or anchor["status"] != Delivery.Status.CREATED:
        return None
    now = timezone.now()
    batch = _due_with(delivery_id, anchor, now)
    if delivery_id not in {d.pk for d in batch}:
        return None  # not yet: the dispatcher queues it when it falls due
    batch = _without_held_or_cancelled(batch, now)
    claimed = _claim([d.pk for d in batch], now)
    outcomes = _Outcomes(delivery_id, claimed)
    try:
        for delivery in batch:
            if delivery.pk in claimed:
                outcomes.trying = delivery.pk
                delivery.attempts += 1
                outcomes.add(delivery, _call_channel(delivery))
    finally:
        outcomes.record()
    return outcomes.delay


def _due_with(delivery_id, anchor, now):
    """This delivery and up to BATCH - 1 others of its channel and lane (a bulk
    batch never holds a normal message back, nor the reverse) that fell due and
    have a task queued."""
    lane = Q(message__priority="bulk")
    if anchor["message__priority"] != "bulk":
        lane = ~lane
    return list(
        Delivery.objects.select_related("message", "message__event", "subscriber")
        .filter(status=Delivery.Status.CREATED, due_at__lte=now)
        .filter(Q(pk=delivery_id) | Q(lane, queued_at__isnull=False))
        .filter(channel=anchor["channel"])
        .order_by(Case(When(pk=delivery_id, then=0), default=1), "due_at", "pk")[:BATCH]
    )


def _without_held_or_cancelled(batch, now):
    suppressed = _suppressed(batch)
    kept = []
    for delivery in batch:
        if _held_for_quiet_hours(delivery, now):
            continue
        if _cancelled_for_consent(delivery, suppressed):
            continue
        kept.append(delivery)
    return kept


def _claim(ids, now):
    """The ids this worker claimed, in one UPDATE … RETURNING."""
    if not ids:
        return set()
    table = Delivery._meta.db_table
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, claimed_at = %s, "  # noqa: S608
            f"attempts = attempts + 1 WHERE status = %s AND id IN ({marks}) "
            "RETURNING id",
            [
                Delivery.Status.SENDING,
                connection.ops.adapt_datetimefield_value(now),
                Delivery.Status.CREATED,
                *ids,
            ],
        )
        return {row[0] for row in cursor.fetchall()}


class _Outcomes:
    """What the channel said for each delivery, written in one UPDATE at the end
    (even when a channel raised something unforeseen half-way through)."""

    def __init__(self, delivery_id, claimed):
        self.delivery_id, self.claimed = delivery_id, claimed
        self.sent, self.failed, self.retried = {}, {}, set()
        self.trying = self.delay = None

    def add(self, delivery, outcome):
        kind, value = outcome
        self.trying = None
        if kind == "sent":
            self.sent[delivery.pk] = value
        elif kind == "failed":
            self.failed[delivery.pk] = value
        else:
            self.retried.add(delivery.pk)
            if delivery.pk == self.delivery_id:
                self.delay = value

    def record(self):
        sending = Delivery.objects.filter(status=Delivery.Status.SENDING)
        if self.sent:
            sending.filter(pk__in=self.sent).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                provider_reference=_per_row(self.sent),
                failure_reason="",
            )
        if self.failed:
            sending.filter(pk__in=self.failed).update(
                status=Delivery.Status.FAILED, failure_reason=_per_row(self.failed)
            )
        # The others' tasks are gone: the dispatcher queues their retry when due.
        others = self.retried - {self.delivery_id}
        if others:
            Delivery.objects.filter(
                pk__in=others, status=Delivery.Status.CREATED
            ).update(queued_at=None)
        # Claimed but never tried (a channel raised half-way): back to "created"
        # for the dispatcher; the one that raised stays "sending" for the sweeper.
        tried = {*self.sent, *self.failed, *self.retried, self.trying}
        untried = self.claimed - tried
        if untried:
            sending.filter(pk__in=untried).update(
                status=Delivery.Status.CREATED,
                attempts=F("attempts") - 1,
                queued_at=None,
            )


def _per_row(values):
    return Case(
        *(When(pk=pk, then=Value(value)) for pk, value in values.items()),
        default=Value(""),
        output_field=CharField(),
    )


def _call_channel(delivery):
    """("sent", reference), ("failed", reason) or ("retry", delay)."""
    try:
        reference = CHANNELS[delivery.channel].send(delivery)
    except PermanentError as error:
        return "failed", str(error)[:300]
    except TransientError as error:
        sending = Delivery.objects.filter(
            pk=delivery.pk, status=Delivery.Status.SENDING
        )
        return "retry", _after_transient(delivery, sending, error)
    return "sent", reference or ""


def _after_transient(delivery, sending, error):
    reason = str(error)[:300]
    if delivery.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        sending.update(status=Delivery.Status.FAILED, failure_reason=reason)
        return None
    delay = backoff_seconds(delivery.attempts, error.retry_after)
    sending.update(
        status=Delivery.Status.CREATED,
        due_at=timezone.now() + timedelta(seconds=delay),
        queued_at=timezone.now(),
        failure_reason=reason,
    )
    return delay


def backoff_seconds(attempts, retry_after=None):
    """Exponential: base, 2×base, 4×base…; at least what the provider asked for."""
    delay = settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1)
    return max(delay, retry_after or 0)


def _held_for_quiet_hours(delivery, now):
    if delivery.channel != Channel.SMS or delivery.message.kind == Message.Kind.CODE:
        return False
    if not quiet_hours.is_quiet(now):
        return False
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.CREATED).update(
        due_at=quiet_hours.next_allowed(now), queued_at=None
    )
    return True


def _suppressed(deliveries):
    """(channel, address, organization id or None) of every suppression that
    concerns these deliveries' addresses, in one query."""
    addresses = {d.to for d in deliveries if d.to}
    if not addresses:
        return set()
    return set(
        Suppression.objects.filter(address__in=addresses).values_list(
            "channel", "address", "organization_id"
        )
    )


def _cancelled_for_consent(delivery, suppressed):
    """Consent can be withdrawn between scheduling and sending: check again."""
    reason = ""
    kind = delivery.message.kind
    organization_id = delivery.message.organization_id
    opted_out = delivery.to and (
        (delivery.channel, delivery.to, None) in suppressed
        or (delivery.channel, delivery.to, organization_id) in suppressed
    )
    if kind != Message.Kind.CODE and opted_out:
        reason = "recipient opted out"
    elif delivery.message.kind == Message.Kind.TOPIC and delivery.subscriber_id:
        event = delivery.message.event
        still = Subscription.objects.filter(
            subscriber_id=delivery.subscriber_id,
            channel=delivery.channel,
            topic=event.topic if event else "",
            active=True,
        ).exists()
        if not still or not delivery.subscriber.is_confirmed(delivery.channel):
            reason = "consent withdrawn"
    if reason:
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.CREATED).update(
            status=Delivery.Status.CANCELLED, failure_reason=reason
        )
    return bool(reason)


def is_suppressed(channel, address, organization_id=None):
    if not address:
        return False
    return Suppression.objects.filter(
        Q(organization__isnull=True) | Q(organization_id=organization_id),
        channel=channel,
        address=address,
    ).exists()


def dispatch_due(limit=1000):
    """Queue deliveries that fell due (scheduled, held, waiting for a retry)."""
    stale = timezone.now() - timedelta(
        seconds=settings.NOTIFICATIONS_STUCK_AFTER_SECONDS
    )
    ids = list(
        Delivery.objects.filter(
            Q(queued_at__isnull=True) | Q(queued_at__lt=stale),
            status=Delivery.Status.CREATED,
            due_at__lte=timezone.now(),
        )
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )
    return len(queue(ids)) if ids else 0


def sweep_stuck(limit=1000):
    """Deliveries left in "sending" by a worker that died go back to "created".

    The provider may have received such a message before the worker died: that is
    the one case where a recipient can get it twice (at most once per lost worker).
    """
    stale = timezone.now() - timedelta(
        seconds=settings.NOTIFICATIONS_STUCK_AFTER_SECONDS
    )
    ids = list(
        Delivery.objects.filter(
            status=Delivery.Status.SENDING, claimed_at__lt=stale
        ).values_list("pk", flat=True)[:limit]
    )
    reset = Delivery.objects.filter(
        pk__in=ids, status=Delivery.Status.SENDING, claimed_at__lt=stale
    ).update(status=Delivery.Status.CREATED, queued_at=None, due_at=timezone.now())
    if reset:
        logger.warning("notifications: %s stuck deliveries put back", reset)
    return reset


def resend(delivery_id):
    """Give a failed delivery another go (admin action). False if not possible."""
    reset = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.FAILED, purged_at__isnull=True
    ).update(
        status=Delivery.Status.CREATED,
        attempts=0,
        due_at=timezone.now(),
        queued_at=None,
    )
    if reset:
        transaction.on_commit(lambda: queue([delivery_id]))
    return bool(reset)


def purge_personal_data(days=None):
    """Blank addresses, personalisation and text of finished deliveries past the
    retention period; the rows (and so the counts) stay."""
    days = settings.NOTIFICATIONS_RETENTION_DAYS if days is None else days
    limit = timezone.now() - timedelta(days=days)
    finished = [
        Delivery.Status.SENT,
        Delivery.Status.DELIVERED,
        Delivery.Status.FAILED,
        Delivery.Status.CANCELLED,
    ]
    return Delivery.objects.filter(
        created_at__lt=limit, status__in=finished, purged_at__isnull=True
    ).update(
        to="",
        personalisation={},
        subject="",
        body="",
        unsubscribe_url="",
        purged_at=timezone.now(),
    )


def forget_inactive_subscribers(days=None):
    """Erase the address of subscribers who withdrew every consent, or never
    confirmed one, more than `days` ago. Their consent log stays, without address."""
    days = settings.NOTIFICATIONS_RETENTION_DAYS if days is None else days
    limit = timezone.now() - timedelta(days=days)
    recent = Subscription.objects.filter(changed_at__gte=limit)
    active = Subscription.objects.filter(active=True).filter(
        Q(channel=Channel.EMAIL, subscriber__email_confirmed_at__isnull=False)
        | Q(channel=Channel.SMS, subscriber__phone_confirmed_at__isnull=False)
    )
    return (
        Subscriber.objects.filter(created_at__lt=limit)
        .exclude(email="", phone="")
        .exclude(pk__in=active.values("subscriber_id"))
        .exclude(pk__in=recent.values("subscriber_id"))
        .update(email="", phone="", phone_code_hash="")
    )


def record_receipt(reference, state, reason=""):
    """A provider's delivery receipt for "delivery-<id>": delivered, or failed
    after it was accepted. Only a sent delivery changes. True if one did."""
    prefix, _dash, number = (reference or "").partition("-")
    if prefix != "delivery" or as_id(number) is None:
        return False
    if state not in (Delivery.Status.DELIVERED, Delivery.Status.FAILED):
        return False
    return bool(
        Delivery.objects.filter(pk=as_id(number), status=Delivery.Status.SENT).update(
            status=state, failure_reason=str(reason or "")[:300]
        )
    )
