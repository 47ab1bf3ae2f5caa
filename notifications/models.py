from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
