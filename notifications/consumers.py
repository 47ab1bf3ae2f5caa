"""Events from the other apps become messages to the confirmed subscribers of the
topic, in each subscriber's language. Written against `Event.subject` only: a
subject has a title (or a string form) and a URL (full URL, url or absolute URL).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from . import conf, links, scopes
from .models import (
    Channel,
    Delivery,
    Event,
    Message,
    Priority,
    Subscription,
    Topic,
)
from .services import new_delivery, queue_after_commit, with_opt_out
from .text import sms_segments

SMS_SEGMENTS = 2


def on_event_published(event_id):
    """Hook `numeriqc_event_published`: the fan-out runs in a worker."""
    from .tasks import handle_event

    handle_event.delay(event_id)


def handle_event(event_id):
    """Create the event's message and deliveries once; returns how many."""
    event = Event.objects.filter(pk=event_id, message__isnull=True).first()
    if event is None:
        return 0
    subject = None if _sent_elsewhere(event) else _subject_or_none(event)
    if subject is None:
        Event.objects.filter(pk=event_id).update(dispatched_at=timezone.now())
        return 0
    try:
        with transaction.atomic():
            message = Message.objects.create(
                kind=Message.Kind.TOPIC,
                event=event,
                priority=Priority.BULK,
                send_at=timezone.now(),
                # Citizens subscribed to the platform, not to the organization:
                # only digests (to the organization's own staff) belong to it.
                organization=_organization_of(subject)
                if event.topic == Topic.FEEDBACK_DIGEST
                else None,
            )
            deliveries = _deliveries(event, subject, message)
            Delivery.objects.bulk_create(deliveries, batch_size=500)
            Event.objects.filter(pk=event_id).update(dispatched_at=timezone.now())
            queue_after_commit(deliveries)
    except IntegrityError:
        return 0  # another worker handled this event first
    return len(deliveries)


def _sent_elsewhere(event):
    """Staff digests are the feedback app's own (one path, never two digests)."""
    return event.topic == Topic.FEEDBACK_DIGEST and not (
        conf.feedback_digest_through_events()
    )


def _subject_or_none(event):
    try:
        return event.subject
    except Exception:  # noqa: BLE001 the object was deleted since
        return None


def _deliveries(event, subject, message):
    if event.topic == Topic.FEEDBACK_DIGEST:
        return list(_staff_deliveries(event, subject, message))
    texts = {}
    deliveries = []
    seen = set()
    for subscription in _confirmed_subscriptions(event.topic, subject):
        subscriber = subscription.subscriber
        # Several matching scopes (the course and one of its themes): one message.
        if (subscriber.pk, subscription.channel) in seen:
            continue
        seen.add((subscriber.pk, subscription.channel))
        key = (subscriber.language, subscription.channel)
        if key not in texts:
            texts[key] = _texts(event, subject, *key)
        subject_text, body = texts[key]
        preferences = links.preferences_url(subscriber)
        unsubscribe = ""
        if subscription.channel == Channel.EMAIL:
            token = links.subscriber_unsubscribe_token(subscriber, Channel.EMAIL)
            unsubscribe = links.unsubscribe_url(subscriber.language, token)
            with override(subscriber.language):
                body += "\n\n" + _("Change or withdraw your consent: %(url)s") % {
                    "url": preferences
                }
        deliveries.append(
            new_delivery(
                message,
                subscription.channel,
                subscriber.address(subscription.channel),
                subscriber.language,
                subject_text,
                body,
                subscriber=subscriber,
                unsubscribe_url=unsubscribe,
            )
        )
    return deliveries


def _confirmed_subscriptions(topic, subject):
    """Unscoped subscriptions of the topic, and those whose scope (a course, a
    theme) the subject matches."""
    return (
        Subscription.objects.filter(topic=topic, active=True)
        .filter(Q(scope="") | Q(scope__in=scopes.scopes_of(topic, subject)))
        .filter(
            Q(channel=Channel.EMAIL, subscriber__email_confirmed_at__isnull=False)
            | Q(channel=Channel.SMS, subscriber__phone_confirmed_at__isnull=False)
        )
        .select_related("subscriber")
        .order_by("pk")
    )


def _texts(event, subject, language, channel):
    localized = _in_language(subject, language)
    title, url = _title(localized), _url(localized)
    with override(language):
        topic = Topic(event.topic).label
        subject_text = _("numériQc: %(topic)s — %(title)s") % {
            "topic": topic,
            "title": title,
        }
        if channel == Channel.SMS:
            body = _short_sms(topic, title, url, language)
        else:
            body = _("%(topic)s: %(title)s\n\nRead more: %(url)s") % {
                "topic": topic,
                "title": title,
                "url": url,
            }
    return subject_text[:250], body


def _short_sms(topic, title, url, language):
    """At most SMS_SEGMENTS segments: a long title is shortened, never the URL."""
    while True:
        body = with_opt_out(f"numériQc — {topic} : {title} {url}".strip(), language)
        if sms_segments(body) <= SMS_SEGMENTS or len(title) <= 20:
            return body
        title = title[: len(title) - 10].rstrip() + "…"


def _in_language(subject, language):
    """The subject's translation in that language when there is a live one.

    A subject that is not translatable itself (a training session) can say how it
    reads in a language with `in_language(language)` -> an object with a title and
    a URL.
    """
    reader = getattr(subject, "in_language", None)
    if callable(reader):
        return reader(language)
    finder = getattr(subject, "get_translation_or_none", None)
    if finder is None:
        return subject
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    translated = finder(locale) if locale else None
    if translated is None or not getattr(translated, "live", True):
        return subject
    if getattr(translated, "alias_of_id", None):
        return subject
    return translated


def _title(subject):
    return str(getattr(subject, "title", "") or subject)


def _url(subject):
    for attribute in ("get_full_url", "get_absolute_url"):
        method = getattr(subject, attribute, None)
        if callable(method):
            url = method() or ""
            if url.startswith("/"):
                url = settings.SITE_URL + url
            if url:
                return url
    url = getattr(subject, "url", "") or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def _organization_of(subject):
    from home.models import Organization

    if isinstance(subject, Organization):
        return subject
    organization = getattr(subject, "organization", None)
    return organization if isinstance(organization, Organization) else None


def _staff_deliveries(event, subject, message):
    """Feedback digests go to the staff of the organization concerned, by email."""
    from django.contrib.auth import get_user_model

    organization = _organization_of(subject)
    if organization is None:
        return
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            organizations__translation_key=organization.translation_key,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    subject_text, body = _texts(event, subject, "fr", Channel.EMAIL)
    for user in users:
        yield new_delivery(message, Channel.EMAIL, user.email, "fr", subject_text, body)
