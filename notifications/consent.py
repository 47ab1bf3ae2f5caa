"""Citizens' use cases: subscribe, confirm, change preferences, withdraw consent."""

import hashlib
import hmac
import re
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from . import links, scopes
from .models import (
    PUBLIC_TOPICS,
    Channel,
    Consent,
    Message,
    Subscriber,
    Subscription,
    Suppression,
)
from .services import new_delivery, queue_after_commit, with_opt_out

#: The wording shown next to each checkbox. Change the text, change the version:
#: each consent record keeps the version and the exact text the person saw.
WORDING_VERSION = "2026-11-v1"
WORDING = gettext_lazy(
    "I agree to receive from numériQc, by %(channel)s, a message about each topic "
    "I check below. I can withdraw this consent at any time with the link in each "
    "message."
)
CODE_ATTEMPTS = 5
CODE_LIFETIME = timedelta(minutes=15)
STOP_WORDS = {"STOP", "ARRET", "ARRÊT", "UNSUBSCRIBE", "DESABONNER", "DÉSABONNER"}


def wording(channel, language):
    """The consent sentence shown above a channel's checkboxes, in that language."""
    with override(language):
        return str(WORDING) % {"channel": Channel(channel).label.lower()}


def normalise_phone(value):
    """North American numbers to E.164 (+1…); other "+" numbers kept. None if bad."""
    digits = re.sub(r"[^\d]", "", value or "")
    if (value or "").strip().startswith("+") and 8 <= len(digits) <= 15:
        return "+" + digits
    if len(digits) == 10:
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return None


def subscribe(email, phone, language, email_topics, sms_topics, scope=""):
    """Record the choices and consents; send the confirmations.

    `scope` narrows the scoped topics (new sessions) to a course or a theme.
    Returns (subscriber, known). An address that belongs to someone with a
    confirmed channel changes nothing: that person gets a link to their preference
    centre instead (nobody can change someone else's choices)."""
    with transaction.atomic():
        subscriber, known = _find_or_create(email, phone, language)
        if known:
            _send_preferences_link(subscriber, add_scope=scope)
            return subscriber, True
        subscriber.language = language
        subscriber.email = email or subscriber.email
        subscriber.phone = phone or subscriber.phone
        subscriber.save()
        choices = [(t, Channel.EMAIL) for t in email_topics if email] + [
            (t, Channel.SMS) for t in sms_topics if phone
        ]
        for topic, channel in choices:
            topic_scope = scope if topic == scopes.topic_of(scope) else ""
            set_consent(
                subscriber, topic, channel, True, Consent.Method.FORM, topic_scope
            )
        if email and email_topics:
            _send_email_confirmation(subscriber)
        if phone and sms_topics:
            send_phone_code(subscriber)
    return subscriber, False


def _confirmed(subscriber):
    return bool(subscriber.email_confirmed_at or subscriber.phone_confirmed_at)


def _find_or_create(email, phone, language):
    """The subscriber these addresses belong to, and whether it is "known" (has a
    confirmed channel). Rows are locked; an unconfirmed number held by another
    unconfirmed row moves to this one."""
    rows = Subscriber.objects.select_for_update()
    by_email = rows.filter(email=email).first() if email else None
    by_phone = rows.filter(phone=phone).first() if phone else None
    for found in (by_email, by_phone):
        if found is not None and _confirmed(found):
            return found, True
    if by_email is not None and by_phone is not None and by_email != by_phone:
        Subscriber.objects.filter(pk=by_phone.pk).update(phone="")
    existing = by_email or by_phone
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Subscriber.objects.create(
                email=email, phone=phone, language=language
            ), False
    except IntegrityError:  # the same form sent twice at once: one row
        return _find_or_create(email, phone, language)


def set_consent(subscriber, topic, channel, active, method, scope=""):
    """Change one consent and log it with the wording; no-op when unchanged."""
    subscription, created = Subscription.objects.get_or_create(
        subscriber=subscriber,
        topic=topic,
        channel=channel,
        scope=scope,
        defaults={"active": active},
    )
    if not created and subscription.active == active:
        return False
    if not created:
        Subscription.objects.filter(pk=subscription.pk).update(
            active=active, changed_at=timezone.now()
        )
    if not created or active:
        Consent.objects.create(
            subscriber=subscriber,
            topic=topic,
            channel=channel,
            scope=scope,
            action=Consent.Action.GIVEN if active else Consent.Action.WITHDRAWN,
            method=method,
            wording_version=WORDING_VERSION if active else "",
            wording=_scoped_wording(channel, subscriber.language, scope)
            if active
            else "",
            language=subscriber.language,
        )
    return True


def _scoped_wording(channel, language, scope):
    """The consent sentence, followed by what a scoped box said ("New sessions
    of: …"), as the person saw them."""
    text = wording(channel, language)
    if not scope:
        return text
    title = scopes.titles([scope], language).get(scope, scope)
    with override(language):
        return f"{text}\n{scopes.describe(scope, title)}"


def _system_message(kind):
    return Message.objects.create(kind=kind, send_at=timezone.now())


def _send_email_confirmation(subscriber):
    url = links.absolute(
        "confirm", subscriber.language, links.confirm_token(subscriber)
    )
    with override(subscriber.language):
        subject = _("Confirm your subscription to numériQc notifications")
        body = _(
            "Hello,\n\nYou asked to receive notifications from numériQc. To confirm "
            "this address, open this link and press the button (valid 7 days):\n"
            "%(url)s\n\nIf you did not ask for this, ignore this message: nothing "
            "will be sent to you."
        ) % {"url": url}
    delivery = new_delivery(
        _system_message(Message.Kind.CONFIRMATION),
        Channel.EMAIL,
        subscriber.email,
        subscriber.language,
        subject,
        body,
    )
    delivery.save()
    queue_after_commit([delivery])


def _send_preferences_link(subscriber, add_scope=""):
    """The preference centre's link; with `add_scope`, the centre offers to add
    that course or theme (the person asked for it on the form)."""
    channel = Channel.EMAIL if subscriber.email_confirmed_at else Channel.SMS
    if channel == Channel.SMS:
        url = links.short_preferences_url(subscriber)
    else:
        url = links.preferences_url(subscriber)
    if add_scope:
        url += "?" + urlencode({"add": add_scope})
    with override(subscriber.language):
        subject = _("Your numériQc notification preferences")
        body = _(
            "You are already subscribed. To change your choices, use this "
            "link:\n%(url)s"
        ) % {"url": url}
    if channel == Channel.SMS:
        body = with_opt_out(body, subscriber.language)
    delivery = new_delivery(
        _system_message(Message.Kind.CONFIRMATION),
        channel,
        subscriber.address(channel),
        subscriber.language,
        subject,
        body,
    )
    delivery.save()
    queue_after_commit([delivery])


def code_hash(subscriber, code):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{subscriber.pk}:{code}".encode(), hashlib.sha256).hexdigest()


def send_phone_code(subscriber):
    """A fresh six-digit code by SMS (never held by quiet hours)."""
    code = f"{secrets.randbelow(1_000_000):06d}"
    Subscriber.objects.filter(pk=subscriber.pk).update(
        phone_code_hash=code_hash(subscriber, code),
        phone_code_sent_at=timezone.now(),
        phone_code_attempts=0,
    )
    with override(subscriber.language):
        body = _(
            "numériQc: your confirmation code is %(code)s. It expires in 15 minutes."
        ) % {"code": code}
    delivery = new_delivery(
        _system_message(Message.Kind.CODE),
        Channel.SMS,
        subscriber.phone,
        subscriber.language,
        "",
        with_opt_out(body, subscriber.language),
    )
    delivery.save()
    queue_after_commit([delivery])


def verify_phone_code(subscriber_id, code):
    """ "ok", "wrong", "expired" or "locked" (too many attempts)."""
    counted = Subscriber.objects.filter(
        pk=subscriber_id, phone_code_attempts__lt=CODE_ATTEMPTS
    ).update(phone_code_attempts=F("phone_code_attempts") + 1)
    if not counted:
        return "locked"
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    if not subscriber.phone_code_hash or (
        subscriber.phone_code_sent_at < timezone.now() - CODE_LIFETIME
    ):
        return "expired"
    given = code_hash(subscriber, (code or "").strip())
    if not hmac.compare_digest(given, subscriber.phone_code_hash):
        return "wrong"
    Subscriber.objects.filter(pk=subscriber_id).update(
        phone_confirmed_at=timezone.now(), phone_code_hash=""
    )
    Suppression.objects.filter(
        channel=Channel.SMS, address=subscriber.phone, organization__isnull=True
    ).delete()
    return "ok"


def confirm_email(subscriber_id, email):
    """Confirm the address the link was sent to (not one changed since)."""
    return bool(
        Subscriber.objects.filter(pk=subscriber_id, email=email).update(
            email_confirmed_at=timezone.now()
        )
    )


def update_preferences(
    subscriber, language, email_topics, sms_topics, scope_changes=()
):
    """Unscoped topics as chosen; `scope_changes`: (channel, topic, scope, active)
    of scoped subscriptions to give or withdraw."""
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        subscriber.language = language
        for channel, chosen in (
            (Channel.EMAIL, email_topics),
            (Channel.SMS, sms_topics),
        ):
            if not subscriber.address(channel):
                continue
            for topic in PUBLIC_TOPICS:
                set_consent(
                    subscriber,
                    topic,
                    channel,
                    topic in chosen,
                    Consent.Method.PREFERENCES,
                )
        for channel, topic, scope, active in scope_changes:
            set_consent(
                subscriber, topic, channel, active, Consent.Method.PREFERENCES, scope
            )


def withdraw_channel(subscriber, channel, method):
    """Withdraw every consent on one channel (unsubscribe link, SMS STOP)."""
    with transaction.atomic():
        active = Subscription.objects.filter(
            subscriber=subscriber, channel=channel, active=True
        ).values_list("topic", "scope")
        for topic, scope in list(active):
            set_consent(subscriber, topic, channel, False, method, scope)


def unsubscribe(payload):
    """Act on a signed unsubscribe link; returns True when it was valid."""
    channel = payload.get("c")
    if channel not in Channel.values:
        return False
    if "s" in payload:
        subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
        if subscriber is None:
            return False
        withdraw_channel(subscriber, channel, Consent.Method.UNSUBSCRIBE)
        return True
    from home.models import Organization

    organization = Organization.objects.filter(pk=payload.get("o")).first()
    if organization is None or not payload.get("a"):
        return False
    Suppression.objects.get_or_create(
        channel=channel, address=payload["a"], organization=organization
    )
    return True


def inbound_sms(sender, text):
    """A reply to our text messages. STOP/ARRET withdraws every SMS consent and
    stops every text message to that number. Returns True if it was a stop."""
    phone = normalise_phone(sender)
    if not phone or (text or "").strip().upper().rstrip(".!") not in STOP_WORDS:
        return False
    with transaction.atomic():
        Suppression.objects.get_or_create(
            channel=Channel.SMS, address=phone, organization=None
        )
        subscriber = Subscriber.objects.filter(phone=phone).first()
        if subscriber is not None:
            withdraw_channel(subscriber, Channel.SMS, Consent.Method.SMS_STOP)
    return True
