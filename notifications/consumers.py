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

from home.public_url import public_url

from . import links, scopes
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

# Topics whose subject names its recipients instead of reaching subscribers.
ADDRESSED_TOPICS = {Topic.FEEDBACK_DIGEST, Topic.FEEDBACK_URGENT}
# Room for the title, the page's address, the preference link and STOP. One ê
# turns the whole text into UCS-2 (67 characters a segment): four segments (GC
# Notify's limit too) still leave a French title about 70 characters.
SMS_SEGMENTS = 4


def on_event_published(event_id):
    """Hook `numeriqc_event_published`: the fan-out runs in a worker."""
    from .tasks import handle_event

    handle_event.delay(event_id)


def handle_event(event_id):
    """Create the event's message and deliveries once; returns how many."""
    event = Event.objects.filter(pk=event_id, message__isnull=True).first()
    if event is None:
        return 0
    subject = _subject_or_none(event)
    if subject is None or not _addressable(event, subject):
        Event.objects.filter(pk=event_id).update(dispatched_at=timezone.now())
        return 0
    try:
        with transaction.atomic():
            message = Message.objects.create(
                kind=Message.Kind.TOPIC,
                event=event,
                # A fan-out to subscribers waits behind reminders; a message
                # to named staff (an urgent alert) does not.
                priority=Priority.NORMAL
                if event.topic in ADDRESSED_TOPICS
                else Priority.BULK,
                send_at=timezone.now(),
                # Citizens subscribed to the platform, not to the organization:
                # only messages to its own staff (digests, alerts) belong to it.
                organization=_organization_of(subject)
                if event.topic in ADDRESSED_TOPICS
                else None,
            )
            deliveries = _deliveries(event, subject, message)
            Delivery.objects.bulk_create(deliveries, batch_size=500)
            Event.objects.filter(pk=event_id).update(dispatched_at=timezone.now())
            queue_after_commit(deliveries)
    except IntegrityError:
        return 0  # another worker handled this event first
    return len(deliveries)


def _addressable(event, subject):
    """A topic for named staff needs a subject that names them (a digest, an
    urgent feedback entry)."""
    if event.topic not in ADDRESSED_TOPICS:
        return True
    return callable(getattr(subject, "notification_emails", None))


def _subject_or_none(event):
    try:
        return event.subject
    except Exception:  # noqa: BLE001 the object was deleted since
        return None


def _deliveries(event, subject, message):
    if event.topic in ADDRESSED_TOPICS:
        return _addressed_deliveries(subject, message)
    writer = _TopicWriter(event, subject)
    deliveries = []
    seen = set()
    for subscription in _confirmed_subscriptions(event.topic, subject):
        subscriber = subscription.subscriber
        # Several matching scopes (the course and one of its themes): one message.
        if (subscriber.pk, subscription.channel) in seen:
            continue
        seen.add((subscriber.pk, subscription.channel))
        deliveries.append(writer.delivery(message, subscriber, subscription.channel))
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


class _TopicWriter:
    """The text of one event for each subscriber, each with their own signed
    links. What depends only on the language is worked out once per language."""

    def __init__(self, event, subject):
        self.event, self.subject = event, subject
        self._content = {}
        self._sms_titles = {}

    def delivery(self, message, subscriber, channel):
        language = subscriber.language
        topic, title, url, subject_text = self.content(language)
        unsubscribe = ""
        if channel == Channel.SMS:
            link = links.short_preferences_url(subscriber)
            title = self._sms_title(language, len(link))
            body = _sms_body(topic, title, url, link, language)
        else:
            token = links.subscriber_unsubscribe_token(subscriber, Channel.EMAIL)
            unsubscribe = links.unsubscribe_url(language, token)
            with override(language):
                body = _read_more(topic, title, url) + "\n\n"
                body += _("Change or withdraw your consent: %(url)s") % {
                    "url": links.preferences_url(subscriber)
                }
        return new_delivery(
            message,
            channel,
            subscriber.address(channel),
            language,
            subject_text,
            body,
            subscriber=subscriber,
            unsubscribe_url=unsubscribe,
        )

    def content(self, language):
        """(topic label, title, URL, email subject line) in that language."""
        if language not in self._content:
            localized = _in_language(self.subject, language)
            title = _title(localized)
            with override(language):
                topic = str(Topic(self.event.topic).label)
                subject_line = _("numériQc: %(topic)s — %(title)s") % {
                    "topic": topic,
                    "title": title,
                }
            self._content[language] = (
                topic,
                title,
                _url(localized),
                subject_line[:250],  # the column's length
            )
        return self._content[language]

    def _sms_title(self, language, link_length):
        """The title, shortened until the text message fits SMS_SEGMENTS. Links
        of one length count the same: their characters (letters, digits, / - _
        . :) take one GSM-7 septet each."""
        key = (language, link_length)
        if key not in self._sms_titles:
            topic, title, url, _line = self.content(language)
            stand_in = "x" * link_length
            while (
                sms_segments(_sms_body(topic, title, url, stand_in, language))
                > SMS_SEGMENTS
                and len(title) > 20
            ):
                title = _shortened(title)
            self._sms_titles[key] = title
        return self._sms_titles[key]


def _shortened(title):
    """Ten characters less at least, cut between words; three dots because "…"
    is not in the GSM alphabet."""
    cut = title[: len(title) - 10]
    if " " in cut.strip():
        cut = cut.strip().rsplit(" ", 1)[0]
    return cut.rstrip(" :,;-") + "..."


def _read_more(topic, title, url):
    return _("%(topic)s: %(title)s\n\nRead more: %(url)s") % {
        "topic": topic,
        "title": title,
        "url": url,
    }


def _sms_body(topic, title, url, preferences, language):
    """A hyphen, not a dash: a dash alone would halve what a segment holds
    (UCS-2 instead of GSM-7)."""
    with override(language):
        lines = [
            f"numériQc - {topic} : {title}",
            url,
            _("Your choices: %(url)s") % {"url": preferences},
        ]
    return with_opt_out("\n".join(line for line in lines if line), language)


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
    # A page: the public address, never the one its Site record holds.
    if hasattr(subject, "get_url_parts"):
        return public_url(subject)
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


def _addressed_deliveries(subject, message):
    """A feedback digest or urgent alert is not for subscribers: it names its
    recipients (staff who asked for feedback by email) and writes its own text,
    in each one's language."""
    return [
        new_delivery(message, Channel.EMAIL, to, language, subject_text[:250], body)
        for to, language, subject_text, body in subject.notification_emails()
    ]
