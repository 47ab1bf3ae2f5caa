from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin


class Topic(models.TextChoices):
    """What other parts of the platform announce. Subscribers choose among these."""

    CONSULTATION_OPENED = "consultation.opened", _("A consultation opened")
    CONSULTATION_CLOSING = (
        "consultation.closing",
        _("A consultation closes in 48 hours"),
    )
    CONSULTATION_RESULTS = (
        "consultation.results",
        _("Results of a consultation published"),
    )
    TRAINING_SESSION = "training.session", _("New session of a course")
    VITRINE_PROJECT = "vitrine.project", _("New project in the Vitrine")
    FEEDBACK_DIGEST = "feedback.digest", _("Feedback digest for an organization")
    FEEDBACK_URGENT = "feedback.urgent", _("Urgent feedback for an organization")


class Event(models.Model):
    """Outbox of things that happened, written in the same transaction as the change.

    One row per (topic, object, key): announcing the same thing twice is harmless.
    The notifications part turns each event into messages once it is committed.
    """

    topic = models.CharField(_("topic"), max_length=40, choices=Topic)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    key = models.CharField(
        max_length=64,
        blank=True,
        help_text="Distinguishes repeated events about one object (a date, a version).",
    )
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-occurred_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "content_type", "object_id", "key"],
                name="one_event_per_topic_object_and_key",
            )
        ]

    def __str__(self):
        return f"{self.topic} {self.content_type.model}#{self.object_id}"

    @property
    def subject(self):
        return self.content_type.get_object_for_this_type(pk=self.object_id)


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class Language(models.TextChoices):
    FRENCH = "fr", "Français"
    ENGLISH = "en", "English"


#: Topics a citizen may choose on the public form (digests are for organizations).
PUBLIC_TOPICS = [
    Topic.CONSULTATION_OPENED,
    Topic.CONSULTATION_CLOSING,
    Topic.CONSULTATION_RESULTS,
    Topic.TRAINING_SESSION,
    Topic.VITRINE_PROJECT,
]


class Subscriber(models.Model):
    """A citizen who asked to be told of things, by email and/or text message.

    No account: the subscriber reaches their preferences through signed links.
    Nothing is sent on a channel until its address is confirmed.
    """

    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language, default=Language.FRENCH
    )
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    phone_confirmed_at = models.DateTimeField(null=True, blank=True)
    phone_code_hash = models.CharField(max_length=64, blank=True)
    phone_code_sent_at = models.DateTimeField(null=True, blank=True)
    phone_code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=~models.Q(email=""),
                name="one_subscriber_per_email",
            ),
            models.UniqueConstraint(
                fields=["phone"],
                condition=~models.Q(phone=""),
                name="one_subscriber_per_phone",
            ),
        ]

    def __str__(self):
        return self.email or self.phone or f"#{self.pk}"

    def address(self, channel):
        return self.email if channel == Channel.EMAIL else self.phone

    def is_confirmed(self, channel):
        if channel == Channel.EMAIL:
            return bool(self.email and self.email_confirmed_at)
        return bool(self.phone and self.phone_confirmed_at)


class Subscription(models.Model):
    """The current state of one consent: this subscriber, this topic, this channel."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(_("topic"), max_length=40, choices=Topic)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    # "" for every event of the topic, else "course:<key>" or "theme:<key>"
    # (translation keys; see scopes.py). Never NULL, so UNIQUE covers it.
    scope = models.CharField(_("scope"), max_length=60, blank=True, default="")
    active = models.BooleanField(_("active"), default=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic", "channel", "scope"],
                name="one_subscription_per_topic_channel_and_scope",
            ),
            models.CheckConstraint(
                condition=models.Q(scope="") | models.Q(topic="training.session"),
                name="subscription_scope_only_for_training_sessions",
            ),
        ]

    def __str__(self):
        return f"{self.subscriber} {self.topic} {self.channel}"


class Consent(models.Model):
    """Append-only record of every consent given or withdrawn, with its wording."""

    class Action(models.TextChoices):
        GIVEN = "given", _("given")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Method(models.TextChoices):
        FORM = "form", _("public subscription form")
        PREFERENCES = "preferences", _("preference centre")
        UNSUBSCRIBE = "unsubscribe", _("unsubscribe link")
        SMS_STOP = "sms_stop", _("STOP reply by text message")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents"
    )
    topic = models.CharField(_("topic"), max_length=40, choices=Topic)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    scope = models.CharField(_("scope"), max_length=60, blank=True, default="")
    action = models.CharField(_("action"), max_length=10, choices=Action)
    method = models.CharField(_("method"), max_length=20, choices=Method)
    wording_version = models.CharField(max_length=20, blank=True)
    wording = models.TextField(blank=True)
    language = models.CharField(max_length=2, choices=Language)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.subscriber} {self.topic} {self.channel} {self.action}"


class Suppression(models.Model):
    """An address that asked not to receive a kind of message any more.

    `organization` empty: nothing from anyone on that channel (an SMS STOP);
    otherwise only that organization's reminders (the unsubscribe link of a reminder).
    """

    channel = models.CharField(max_length=10, choices=Channel)
    address = models.CharField(max_length=254)
    organization = models.ForeignKey(
        "home.Organization", on_delete=models.CASCADE, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "address", "organization"],
                name="one_suppression_per_address_and_organization",
            ),
            models.UniqueConstraint(
                fields=["channel", "address"],
                condition=models.Q(organization__isnull=True),
                name="one_global_suppression_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.channel} {self.address}"


class ApiKey(models.Model):
    """An organization's key to the reminders API. Only its SHA-256 is stored."""

    organization = models.ForeignKey(
        "home.Organization",
        on_delete=models.CASCADE,
        related_name="notification_api_keys",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"


class SendingLimit(models.Model):
    """Per-organization API limits; organizations without a row get the defaults."""

    # Internal quota: keeps the page cache warm.
    shown_on_public_pages = False

    organization = models.OneToOneField(
        "home.Organization",
        on_delete=models.CASCADE,
        related_name="notification_limits",
        verbose_name=_("organization"),
    )
    per_minute = models.PositiveIntegerField(_("reminders per minute"), default=60)
    per_day = models.PositiveIntegerField(_("reminders per day"), default=5000)

    class Meta:
        verbose_name = _("sending limit")
        verbose_name_plural = _("sending limits")

    def __str__(self):
        return str(self.organization)


class MessageTemplate(PreviewableMixin, models.Model):
    """An organization's reminder wording in one language, with ((placeholders)).

    `((name??text))` shows `text` only when `name` has a value.
    """

    # Text of messages, never of pages: keeps the page cache warm.
    shown_on_public_pages = False

    organization = models.ForeignKey(
        "home.Organization",
        on_delete=models.CASCADE,
        related_name="notification_templates",
        verbose_name=_("organization"),
    )
    slug = models.SlugField(
        _("identifier"),
        max_length=60,
        help_text=_("Used by the API; the same in both languages."),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    subject = models.CharField(
        _("subject"), max_length=200, blank=True, help_text=_("Emails only.")
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Placeholders: ((name)). Optional text: ((name??text shown when name "
            "has a value))."
        ),
    )
    max_segments = models.PositiveSmallIntegerField(
        _("maximum SMS segments"),
        default=3,
        help_text=_("Text messages longer than this are refused when scheduled."),
    )
    sample_values = models.JSONField(
        _("sample values"),
        default=dict,
        blank=True,
        help_text=_('For the preview, e.g. {"name": "Marie"}.'),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["organization", "slug", "language", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "slug", "language", "channel"],
                name="one_template_per_language_and_channel",
            )
        ]

    def __str__(self):
        return f"{self.slug} ({self.language}, {self.channel})"

    def preview(self):
        """Subject, body and SMS segments with the sample values."""
        from .services import with_opt_out
        from .text import preview, sms_segments

        values = self.sample_values if isinstance(self.sample_values, dict) else {}
        body = preview(self.body, values)
        if self.channel == Channel.SMS:
            body = with_opt_out(body, self.language)
        return {
            "subject": preview(self.subject, values),
            "body": body,
            "segments": sms_segments(body) if self.channel == Channel.SMS else None,
        }

    def get_preview_template(self, request, mode_name):
        return "notifications/admin/template_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["preview"] = self.preview()
        return context


class Priority(models.TextChoices):
    NORMAL = "normal", _("normal")
    BULK = "bulk", _("bulk")


class Message(models.Model):
    """Something to say: an organization's reminder, or an event for subscribers."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("reminder")
        TOPIC = "topic", _("topic announcement")
        CONFIRMATION = "confirmation", _("confirmation")
        CODE = "code", _("one-time code")
        DIRECT = "direct", _("direct message")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    organization = models.ForeignKey(
        "home.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notification_messages",
        verbose_name=_("organization"),
    )
    template = models.ForeignKey(
        MessageTemplate, on_delete=models.SET_NULL, null=True, blank=True
    )
    event = models.OneToOneField(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="message"
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority, default=Priority.NORMAL
    )
    send_at = models.DateTimeField(_("send at"), default=timezone.now)
    idempotency_key = models.CharField(max_length=100, blank=True)
    request_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="one_message_per_idempotency_key",
            ),
            # Direct messages (another app writing to one person) have no
            # organization: their key alone is unique.
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=models.Q(kind="direct"),
                name="one_direct_message_per_key",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"


class Delivery(models.Model):
    """One message to one recipient on one channel: sent once, or failed with why."""

    class Status(models.TextChoices):
        CREATED = "created", _("created")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    # Personal data, blanked once the retention period is over (see purge).
    to = models.CharField(_("recipient"), max_length=254, blank=True)
    personalisation = models.JSONField(default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    body = models.TextField(_("body"), blank=True)
    unsubscribe_url = models.CharField(max_length=500, blank=True)
    segments = models.PositiveSmallIntegerField(default=0)

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.CREATED
    )
    due_at = models.DateTimeField(_("due at"), default=timezone.now)
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failure_reason = models.CharField(_("reason"), max_length=300, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    purged_at = models.DateTimeField(_("personal data removed on"), null=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "due_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "subscriber", "channel"],
                name="one_delivery_per_subscriber_and_channel",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} #{self.pk} ({self.status})"
