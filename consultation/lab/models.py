"""The user-testing lab (measure 5): the citizens' panel, studies, invitations,
and the public reports of what was learned.

Privacy rules live in the schema: a member needs a contact (email or mobile), is
never contacted more than twice in a calendar month (two numbered `Contact` rows
per member and month, at most, enforced by a unique key and a check), and is
deleted with everything about them after the retention period.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import CommonStreamBlock, validate_heading_order
from home.models import BasePage
from home.scoping import OrganizationOwnedPageMixin, scope_queryset

from .choices import (
    MULTI_FIELDS,
    AgeRange,
    DigitalComfort,
    Language,
    Method,
    Mode,
    Region,
    profile_choices,
)

__all__ = [
    "PanelMember",
    "Contact",
    "Study",
    "StudyQuota",
    "StudySlot",
    "Invitation",
    "OrganizationLabSettings",
    "LabIndexPage",
    "LabReportPage",
]

# At most this many contacts per member and calendar month (the hard cap).
CONTACTS_PER_MONTH = 2
RETENTION_DAYS_MAX = 3 * 365


def retention_days():
    """How long a member stays on the panel: three years at most, whatever is set."""
    wanted = settings.LAB_RETENTION_DAYS
    return min(int(wanted), RETENTION_DAYS_MAX)


def _bool(label):
    return models.BooleanField(label, default=False)


class PanelMember(models.Model):
    """A citizen, 18 or older, who agreed to be asked to test public services.

    Everything but a contact is optional. The member reaches their own record
    through a signed link that carries `access_key` (see tokens.py).
    """

    access_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    email = models.EmailField(_("email"), blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=20, blank=True)
    region = models.CharField(
        _("region"), max_length=2, choices=Region, blank=True, db_index=True
    )
    age_range = models.CharField(
        _("age range"), max_length=5, choices=AgeRange, blank=True
    )
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, blank=True
    )
    digital_comfort = models.CharField(
        _("comfort with digital tools"),
        max_length=6,
        choices=DigitalComfort,
        blank=True,
    )
    uses_screen_reader = _bool(_("uses a screen reader"))
    uses_magnifier = _bool(_("uses a screen magnifier"))
    uses_voice_control = _bool(_("uses voice control"))
    uses_no_assistive_technology = _bool(_("uses no assistive technology"))
    has_computer = _bool(_("has a computer"))
    has_phone = _bool(_("has a mobile phone"))
    has_tablet = _bool(_("has a tablet"))
    available_daytime = _bool(_("available on weekdays, daytime"))
    available_evening = _bool(_("available on weekday evenings"))
    available_weekend = _bool(_("available on weekends"))
    accepts_remote = _bool(_("takes part remotely"))
    accepts_in_person = _bool(_("takes part in person"))

    signup_language = models.CharField(
        _("language of sign-up"), max_length=2, choices=Language, default="fr"
    )
    is_adult = models.BooleanField(_("declared 18 or older"), default=False)
    consented_at = models.DateTimeField(_("consent given on"), default=timezone.now)
    # Also set when a member without email confirms their mobile number.
    email_confirmed_at = models.DateTimeField(
        _("email confirmed on"), null=True, blank=True
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(mobile=""),
                name="lab_member_has_a_contact",
            ),
            models.CheckConstraint(
                condition=models.Q(is_adult=True), name="lab_member_is_adult"
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=~models.Q(email=""),
                name="lab_one_member_per_email",
            ),
            models.UniqueConstraint(
                fields=["mobile"],
                condition=~models.Q(mobile=""),
                name="lab_one_member_per_mobile",
            ),
        ]
        indexes = [models.Index(fields=["consented_at"])]

    def __str__(self):
        return self.pseudonym

    @property
    def pseudonym(self):
        """What researchers see instead of a name: "P-0042"."""
        return f"P-{self.pk or 0:04d}"

    @property
    def contact_language(self):
        return self.language or self.signup_language

    @property
    def is_confirmed(self):
        return self.email_confirmed_at is not None

    def expires_on(self):
        return (self.consented_at + timedelta(days=retention_days())).date()

    def choices_of(self, field):
        """The chosen values of a multi-valued field, as [(value, label)]."""
        return [
            (value, label)
            for value, column, label in MULTI_FIELDS[field]
            if getattr(self, column)
        ]

    def clean(self):
        super().clean()
        if not self.email and not self.mobile:
            raise ValidationError(_("Give an email address or a mobile number."))


class Contact(models.Model):
    """One time the lab contacted a member (an invitation, a reminder).

    `number` is 1 or 2 and unique per member and month: a third contact in the
    same calendar month cannot be written, whatever runs in parallel.
    """

    member = models.ForeignKey(
        PanelMember, on_delete=models.CASCADE, related_name="contacts"
    )
    month = models.DateField(_("month"))
    number = models.PositiveSmallIntegerField(_("contact of the month"))
    invitation = models.ForeignKey(
        "Invitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    contacted_at = models.DateTimeField(_("contacted on"), default=timezone.now)

    class Meta:
        verbose_name = _("contact with a panel member")
        verbose_name_plural = _("contacts with panel members")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "month", "number"],
                name="lab_contact_number_unique_per_month",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=CONTACTS_PER_MONTH),
                name="lab_at_most_two_contacts_per_month",
            ),
        ]

    def __str__(self):
        return f"{self.member} {self.month:%Y-%m} #{self.number}"


class Study(ClusterableModel):
    """A user study run by an organization's researcher."""

    # Internal to the lab's staff and invited members: no public page shows it.
    shown_on_public_pages = False

    organization = models.ForeignKey(
        "home.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    service_tested = models.CharField(_("service tested"), max_length=200)
    method = models.CharField(_("method"), max_length=14, choices=Method)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    mode = models.CharField(
        _("remote or in person"), max_length=10, choices=Mode, default=Mode.REMOTE
    )
    location = models.CharField(
        _("place or videoconference details"),
        max_length=255,
        blank=True,
        help_text=_("Sent only to the participants who accept."),
    )
    compensation = models.CharField(
        _("compensation"),
        max_length=200,
        blank=True,
        help_text=_("For example: a $50 gift card. Leave empty if there is none."),
    )
    description = models.TextField(
        _("what participants will do"),
        max_length=1500,
        help_text=_("Shown in the invitation, in plain words."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=45
    )
    participants_wanted = models.PositiveSmallIntegerField(
        _("number of participants wanted"), default=5
    )
    accepted_count = models.PositiveSmallIntegerField(
        _("participants who accepted"), default=0, editable=False
    )
    screener_questions = models.TextField(
        _("screener questions"),
        blank=True,
        help_text=_("One question per line, asked when a member accepts."),
    )
    criteria = models.JSONField(
        _("criteria"),
        default=dict,
        blank=True,
        help_text=_("Panel fields the members must match."),
    )
    balance_on = models.JSONField(
        _("balance across"),
        default=list,
        blank=True,
        help_text=_("Panel fields across which the invitations are spread."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accepted_count__lte=models.F("participants_wanted")),
                name="lab_study_never_overbooked",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="lab_study_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The study ends before it starts.")})
        if self.pk and self.participants_wanted < self.accepted_count:
            raise ValidationError(
                {
                    "participants_wanted": _("%(count)s members have already accepted.")
                    % {"count": self.accepted_count}
                }
            )

    @property
    def is_full(self):
        return self.accepted_count >= self.participants_wanted

    def questions(self):
        return [line.strip() for line in self.screener_questions.splitlines() if line]


class StudyQuota(Orderable):
    """ "At least N people with this profile": the balance the researcher wants."""

    study = ParentalKey(Study, on_delete=models.CASCADE, related_name="quotas")
    profile = models.CharField(_("profile"), max_length=40, choices=profile_choices)
    minimum = models.PositiveSmallIntegerField(_("at least"), default=1)

    panels = [FieldPanel("profile"), FieldPanel("minimum")]

    class Meta(Orderable.Meta):
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")

    def __str__(self):
        return f"{self.get_profile_display()} ≥ {self.minimum}"


class StudySlot(Orderable):
    """A time a participant can choose; `booked` never exceeds `capacity`."""

    study = ParentalKey(Study, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    capacity = models.PositiveSmallIntegerField(_("places"), default=1)
    booked = models.PositiveSmallIntegerField(_("booked"), default=0, editable=False)

    panels = [FieldPanel("starts_at"), FieldPanel("capacity")]

    class Meta(Orderable.Meta):
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(booked__lte=models.F("capacity")),
                name="lab_slot_never_overbooked",
            )
        ]

    def __str__(self):
        return timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M")

    def clean(self):
        super().clean()
        if self.pk and self.capacity is not None and self.capacity < self.booked:
            raise ValidationError(
                {
                    "capacity": _("%(count)s participants have already booked it.")
                    % {"count": self.booked}
                }
            )

    @property
    def label(self):
        return date_format(timezone.localtime(self.starts_at), "DATETIME_FORMAT")

    @property
    def places_left(self):
        return max(0, self.capacity - self.booked)


class Invitation(models.Model):
    """A member invited to a study, and their answer."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        FULL = "full", _("Study was full")

    study = models.ForeignKey(
        Study, on_delete=models.CASCADE, related_name="invitations"
    )
    member = models.ForeignKey(
        PanelMember, on_delete=models.CASCADE, related_name="invitations"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.INVITED
    )
    slot = models.ForeignKey(
        StudySlot,
        verbose_name=_("time slot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    screener_answers = models.JSONField(_("screener answers"), default=dict)
    invited_at = models.DateTimeField(_("invited on"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    channel = models.CharField(_("sent by"), max_length=20, blank=True)
    responded_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    acceptance_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-invited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "member"], name="lab_one_invitation_per_study"
            )
        ]
        indexes = [models.Index(fields=["member", "status", "responded_at"])]

    def __str__(self):
        return f"{self.study} — {self.member}"


class OrganizationLabSettings(models.Model):
    """Where an organization invites citizens to join the panel."""

    # Decides the panel invitation of the pages' feedback thanks: purges the page
    # cache.
    shown_on_public_pages = True

    organization = models.OneToOneField(
        "home.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="lab_settings",
    )
    invite_after_feedback = models.BooleanField(
        _("invite to the panel after a feedback"), default=False
    )
    invite_after_survey = models.BooleanField(
        _("invite to the panel at the end of a survey"), default=False
    )

    class Meta:
        verbose_name = _("lab settings of an organization")
        verbose_name_plural = _("lab settings of organizations")

    def __str__(self):
        return str(self.organization)


class LabIndexPage(BasePage):
    """The lab's public page: what it is, the panel sign-up form, the reports."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["consultation.LabReportPage"]
    max_count = 2  # one per language
    template = "consultation/lab/lab_index_page.html"
    # The page stays cacheable and sets no cookie: its sign-up form carries no
    # CSRF token; the lab's views accept a post only from a page of this site, a
    # few at a time per address (views._refusal).
    csrf_exempt = True

    class Meta:
        verbose_name = _("user-testing lab page")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    def serve(self, request, *args, **kwargs):
        from .views import lab_index

        return lab_index(request, self, *args, **kwargs)


class LabReportPageForm(WagtailAdminPageForm):
    """An editor links a report only to a study of their own organizations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        study = self.fields.get("study")
        if study is not None:
            study.queryset = scope_queryset(
                Study.objects.all(), self.for_user, "organization"
            )


class LabReportPage(OrganizationOwnedPageMixin, BasePage):
    """What a study tested, what was learned, and what changes because of it."""

    organization = models.ForeignKey(
        "home.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.ForeignKey(
        "home.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    study = models.ForeignKey(
        Study,
        verbose_name=_("study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    method = models.CharField(_("method"), max_length=14, choices=Method, blank=True)
    participants = models.PositiveSmallIntegerField(
        _("number of participants"), null=True, blank=True
    )
    what_was_tested = RichTextField(
        _("what was tested"), features=["bold", "italic", "link", "ul", "ol"]
    )
    what_was_learned = RichTextField(
        _("what was learned"), features=["bold", "italic", "link", "ul", "ol"]
    )
    what_changes = RichTextField(
        _("what changes"), features=["bold", "italic", "link", "ul", "ol"]
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("study"),
                FieldPanel("method"),
                FieldPanel("participants"),
            ],
            heading=_("The study"),
        ),
        FieldPanel("what_was_tested"),
        FieldPanel("what_was_learned"),
        FieldPanel("what_changes"),
    ]
    settings_panels = [FieldPanel("organization"), *BasePage.settings_panels]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("what_was_tested"),
        index.SearchField("what_was_learned"),
        index.SearchField("what_changes"),
    ]

    parent_page_types = ["consultation.LabIndexPage"]
    subpage_types = []
    template = "consultation/lab/lab_report_page.html"
    base_form_class = LabReportPageForm

    class Meta:
        verbose_name = _("lab report")
        verbose_name_plural = _("lab reports")
