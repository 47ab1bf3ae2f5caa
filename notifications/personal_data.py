"""What the notification platform holds about an address, for the platform's
"my personal data" page (home/personal_data.py): the subscriber, their current
subscriptions, the whole consent history with its wording, and messages sent."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.personal_data import Section, fields_of

from .models import Consent, Delivery, Subscriber, Subscription, Suppression

SUBSCRIBER_FIELDS = [
    "email",
    "phone",
    "language",
    ("email_confirmed_at", gettext_lazy("email confirmed on")),
    ("phone_confirmed_at", gettext_lazy("mobile number confirmed on")),
    ("created_at", gettext_lazy("subscribed on")),
]
CONSENT_FIELDS = [
    "topic",
    "channel",
    "scope",
    "action",
    "method",
    ("language", gettext_lazy("language")),
    ("wording", gettext_lazy("text you accepted")),
    ("recorded_at", gettext_lazy("recorded on")),
]
SUBSCRIPTION_FIELDS = ["topic", "channel", "scope", "active"]
DELIVERY_FIELDS = ["channel", "to", "subject", "body", "status", "sent_at"]


def _subscribers(email):
    return Subscriber.objects.filter(email__iexact=email) if email else []


def _addresses(subscribers, email):
    addresses = {email}
    addresses.update(s.phone for s in subscribers if s.phone)
    return addresses


def _deliveries(addresses):
    return Delivery.objects.filter(to__in=addresses).exclude(to="")


def sections_for(email):
    subscribers = list(_subscribers(email))
    addresses = _addresses(subscribers, email)
    subscriptions = Subscription.objects.filter(subscriber__in=subscribers)
    consents = Consent.objects.filter(subscriber__in=subscribers).order_by(
        "recorded_at", "pk"
    )
    return [
        Section(
            "notifications.subscriber",
            _("Notifications: your subscriber record"),
            [fields_of(s, SUBSCRIBER_FIELDS) for s in subscribers],
        ),
        Section(
            "notifications.subscriptions",
            _("Notifications: your current choices"),
            [
                fields_of(s, [*SUBSCRIPTION_FIELDS, ("changed_at", _("changed on"))])
                for s in subscriptions.order_by("topic", "channel", "scope")
            ],
        ),
        Section(
            "notifications.consents",
            _("Notifications: consent history"),
            [fields_of(consent, CONSENT_FIELDS) for consent in consents],
        ),
        Section(
            "notifications.messages",
            _("Notifications: messages sent to you"),
            [
                fields_of(delivery, DELIVERY_FIELDS)
                for delivery in _deliveries(addresses).order_by("created_at", "pk")
            ],
        ),
        Section(
            "notifications.refusals",
            _("Notifications: addresses that asked for no more messages"),
            [
                [
                    ("channel", _("channel"), s.get_channel_display()),
                    ("address", _("address"), s.address),
                    ("created_at", _("since"), s.created_at),
                ]
                for s in Suppression.objects.filter(address__in=addresses)
            ],
        ),
    ]


@transaction.atomic
def erase_for(email):
    """Delete the subscriber (their subscriptions and consent log go with it) and
    blank every message addressed to them; a message not sent yet is cancelled.
    A refusal to receive messages is kept: erasing it would let them be sent."""
    subscribers = list(_subscribers(email))
    addresses = _addresses(subscribers, email)
    deliveries = _deliveries(addresses)
    deliveries.filter(
        status__in=[Delivery.Status.CREATED, Delivery.Status.SENDING]
    ).update(status=Delivery.Status.CANCELLED)
    blanked = deliveries.update(
        to="",
        personalisation={},
        subject="",
        body="",
        unsubscribe_url="",
        purged_at=timezone.now(),
    )
    removed, _by_model = Subscriber.objects.filter(
        Q(pk__in=[s.pk for s in subscribers])
    ).delete()
    return removed + blanked
