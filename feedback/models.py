"""Citizens' feedback on pages and services, and what organizations do with it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

TEXT_MAX_LENGTH = 750
RATINGS = range(1, 6)


def source_row(instance):
    """The default-language row of a translatable snippet (itself when missing).

    Feedback points at the source row, so that French and English entries about
    one service or organization count together (as consultation answers do).
    """
    if instance is None:
        return None
    if type(instance).locale.is_cached(instance):
        # Loaded with its row (the form's select_related): no Locale query.
        default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if instance.locale.language_code == default_code:
            return instance
    elif instance.locale_id == Locale.get_default().pk:
        return instance
    return instance.get_translation_or_none(Locale.get_default()) or instance


class FeedbackReason(models.Model):
    """One of the short reasons offered after "Yes" or after "No".

    Reasons are interface labels rather than content: each row carries both
    languages, so that the widget never lacks a translation and French and English
    answers are counted on the same row.
    """

    # Offered by the widget on every page: an edit purges the page cache.
    shown_on_public_pages = True

    found = models.BooleanField(
        _("offered after"), choices=[(True, _("Yes")), (False, _("No"))]
    )
    label_fr = models.CharField(_("label in French"), max_length=120)
    label_en = models.CharField(_("label in English"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("offered"),
        default=True,
        help_text=_("Unticked reasons stay on past entries but are no longer offered."),
    )

    panels = [
        FieldPanel("found"),
        FieldPanel("label_fr"),
        FieldPanel("label_en"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("feedback reason")
        verbose_name_plural = _("feedback reasons")
        ordering = ["-found", "sort_order", "pk"]

    def __str__(self):
        return self.label()

    def label(self, language=None):
        language = language or translation.get_language()
        return self.label_en if language == "en" else self.label_fr


class Service(TranslatableMixin, index.Indexed, models.Model):
    """A public service delivered by an organization, on this site or elsewhere.

    Each service has its own feedback page, reachable by a link or a QR code
    printed at a counter, and (if its organization agrees) a public results page.
    """

    # Listed by search and the results pages: an edit purges the page cache.
    shown_on_public_pages = True

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in the addresses of the service's feedback pages."),
    )
    organization = models.ForeignKey(
        "home.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    url = models.URLField(
        _("address of the service"),
        blank=True,
        help_text=_("Where citizens use the service, if it is online."),
    )
    description = models.TextField(_("description"), blank=True, max_length=600)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("organization"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    # The slug, address and organization are the same in every language: the
    # feedback page has one address per language, and scoping follows the
    # organization.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("url"),
        SynchronizedField("organization"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("public service")
        verbose_name_plural = _("public services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_service_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("feedback:service", kwargs={"slug": self.slug})

    def results_url(self):
        return reverse("feedback:service_results", kwargs={"slug": self.slug})

    def qr_code_url(self):
        return reverse("feedback:service_qr_code", kwargs={"slug": self.slug})

    def feedback_links(self):
        """[(language name, feedback page address, QR code address)], absolute."""
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append(
                    (
                        name,
                        f"{settings.SITE_URL}{self.get_absolute_url()}",
                        self.qr_code_url(),
                    )
                )
        return links


class OrganizationFeedbackSettings(models.Model):
    """What an organization agreed to publish about the feedback it receives."""

    # Decides which results are public: a change purges the page cache.
    shown_on_public_pages = True

    organization = models.OneToOneField(
        "home.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="feedback_settings",
    )
    publish_results = models.BooleanField(
        _("publish results"),
        default=False,
        help_text=_(
            "Show, on a public page per service, the satisfaction rate, the number "
            "of ratings and the improvements made because of feedback."
        ),
    )

    class Meta:
        verbose_name = _("feedback settings of an organization")
        verbose_name_plural = _("feedback settings of organizations")

    def __str__(self):
        return str(self.organization)

    @classmethod
    def publishes_results(cls, organization):
        return cls.objects.filter(
            organization__translation_key=organization.translation_key,
            publish_results=True,
        ).exists()


class Improvement(TranslatableMixin, models.Model):
    """ "You said, we did": a change made to a service because of feedback.

    It tells the public what changed, in a note, in a Vitrine project page, or
    both; the feedback entries it answers are linked to it from the triage queue.
    """

    # Shown on a service's public results: an edit purges the page cache.
    shown_on_public_pages = True

    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="improvements",
    )
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(
        _("public note"),
        blank=True,
        max_length=1500,
        help_text=_("What changed, in plain words, for the public."),
    )
    project_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Vitrine project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project page that tells the story of this change, if any."),
    )
    completed_on = models.DateField(_("completed on"), default=timezone.localdate)

    panels = [
        FieldPanel("service"),
        FieldPanel("title"),
        FieldPanel("note"),
        # The Vitrine is another part of the site: the type is resolved lazily.
        PageChooserPanel("project_page", page_type="vitrine.ProjectPage"),
        FieldPanel("completed_on"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("note"),
        SynchronizedField("service"),
        SynchronizedField("project_page"),
        SynchronizedField("completed_on"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("improvement (you said, we did)")
        verbose_name_plural = _("improvements (you said, we did)")
        ordering = ["-completed_on", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.service = source_row(self.service)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.note and not self.project_page_id:
            raise ValidationError(
                _("Tell the public what changed: write a note or choose a project.")
            )

    def live_project_page(self):
        """The project page in the reader's language, only when it is live."""
        if self.project_page_id is None:
            return None
        page = self.project_page.localized
        return page.specific if page.live else None


class TaggedFeedbackEntry(TaggedItemBase):
    content_object = models.ForeignKey(
        "FeedbackEntry", on_delete=models.CASCADE, related_name="tagged_items"
    )


class FeedbackEntry(models.Model):
    """One citizen's answer to "Did you find what you were looking for?".

    The comment and suggestion are stored already masked (see masking.py) and
    lose their text after the retention period (see tasks.py).
    """

    # A citizen's post: pages show feedback only as computed figures (Baromètre
    # measurements, the results views), so a wave of feedback keeps the cache warm.
    shown_on_public_pages = False

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ADDRESSED = "addressed", _("Addressed")
        CLOSED = "closed", _("Closed")
        SPAM = "spam", _("Spam")

    class Urgency(models.TextChoices):
        NONE = "", _("Not urgent")
        SELF_HARM = "self_harm", _("Urgent: self-harm")
        THREAT = "threat", _("Urgent: threat")

    created_at = models.DateTimeField(_("received on"), default=timezone.now)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    path = models.CharField(_("address"), max_length=255, blank=True)
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_entries",
    )
    organization = models.ForeignKey(
        "home.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    found = models.BooleanField(
        _("found what they were looking for"),
        choices=[(True, _("Yes")), (False, _("No"))],
    )
    reason = models.ForeignKey(
        FeedbackReason,
        verbose_name=_("reason"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    # TextField ignores max_length in the database and in full_clean: the
    # validator enforces it wherever the model is cleaned.
    comment = models.TextField(
        _("comment"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    suggestion = models.TextField(
        _("suggestion"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    urgency = models.CharField(
        _("urgency"), max_length=12, choices=Urgency, default=Urgency.NONE, blank=True
    )
    urgent_alert_sent_at = models.DateTimeField(
        _("urgent alert sent on"), null=True, blank=True, editable=False
    )
    text_removed_at = models.DateTimeField(
        _("text removed on"),
        null=True,
        blank=True,
        help_text=_(
            "The comment and suggestion are removed after the retention period."
        ),
    )

    # Triage, by the organization's staff.
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = TaggableManager(
        verbose_name=_("tags"), through=TaggedFeedbackEntry, blank=True
    )
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Seen by staff only, never published."),
    )
    improvement = models.ForeignKey(
        Improvement,
        verbose_name=_("answered by the improvement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_entries",
        help_text=_(
            "For addressed entries: the public note or project that answers it."
        ),
    )

    # Entries are many and reference pages, not the other way round: Wagtail's
    # reference index ("usage" of a page) would write a row for each of them.
    wagtail_reference_index_ignore = True

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("created_at", read_only=True),
                FieldPanel("found", read_only=True),
                FieldPanel("reason", read_only=True),
                FieldPanel("rating", read_only=True),
                FieldPanel("comment", read_only=True),
                FieldPanel("suggestion", read_only=True),
                FieldPanel("urgency", read_only=True),
            ],
            heading=_("What the citizen said"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("assignee"),
                FieldPanel("tags"),
                FieldPanel("internal_note"),
                FieldPanel("improvement"),
            ],
            heading=_("Triage"),
        ),
    ]

    # Same written feedback, same visitor, same minute: one row (services.py).
    duplicate_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("feedback entry")
        verbose_name_plural = _("feedback entries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "created_at"]),
            models.Index(fields=["service", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_from_1_to_5",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("comment"), TEXT_MAX_LENGTH),
                name="feedback_comment_max_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("suggestion"), TEXT_MAX_LENGTH),
                name="feedback_suggestion_max_length",
            ),
        ]

    def __str__(self):
        text = self.comment or self.suggestion
        if text:
            return Truncator(text).chars(80)
        return _("Feedback of %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M")
        }

    def notification_emails(self):
        """What the notification platform sends for a `feedback.urgent` event:
        (address, language, subject, body) for each staff member to alert."""
        from .digest import urgent_alert_emails

        return urgent_alert_emails(self)

    @property
    def is_urgent(self):
        return bool(self.urgency)

    @property
    def has_text(self):
        return bool(self.comment or self.suggestion)


class DigestSubscription(models.Model):
    """A staff member's wish to receive the feedback digest of their organizations."""

    class Frequency(models.TextChoices):
        NEVER = "never", _("Never")
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Every Monday")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="feedback_digest",
    )
    frequency = models.CharField(
        _("feedback digest"),
        max_length=10,
        choices=Frequency,
        default=Frequency.NEVER,
        help_text=_(
            "An email summarising the new and urgent feedback received by your "
            "organizations."
        ),
    )

    class Meta:
        verbose_name = _("feedback digest subscription")
        verbose_name_plural = _("feedback digest subscriptions")

    def __str__(self):
        return f"{self.user} ({self.frequency})"


class DigestDelivery(models.Model):
    """One digest sent: its unique key makes sending a period twice impossible."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(max_length=10, choices=DigestSubscription.Frequency)
    period_start = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback digest sent")
        verbose_name_plural = _("feedback digests sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_start"],
                name="one_digest_per_user_and_period",
            )
        ]

    def __str__(self):
        return f"{self.user} {self.frequency} {self.period_start:%Y-%m-%d}"

    @property
    def organization(self):
        """The message log of the notification platform shows the digest under
        the recipient's first organization."""
        return self.user.organizations.order_by("pk").first()

    def notification_emails(self):
        """What the notification platform sends for a `feedback.digest` event:
        (address, language, subject, body) for each recipient."""
        from .digest import digest_email

        if not self.user.is_active or not self.user.email:
            return []
        language, subject, body = digest_email(self)
        return [(self.user.email, language, subject, body)]
