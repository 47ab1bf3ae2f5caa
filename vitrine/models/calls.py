"""Calls for projects using open data, and hackathons, with their submissions."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import CommonStreamBlock, validate_heading_order
from home.models import BasePage, Organization
from home.scoping import OrganizationOwnedPageMixin


class CallForProjectsPage(OrganizationOwnedPageMixin, BasePage):
    """A call for projects or a hackathon, open for submissions between two dates."""

    class Kind(models.TextChoices):
        OPEN_DATA = "open_data", _("Call for projects using open data")
        HACKATHON = "hackathon", _("Hackathon")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind, default=Kind.OPEN_DATA
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organizer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organization that receives and reads the submissions."),
    )
    opens_at = models.DateTimeField(_("submissions open"))
    closes_at = models.DateTimeField(_("submissions close"))
    event_date = models.DateField(
        _("date of the event or of the results"), null=True, blank=True
    )
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("description"))
    eligibility = models.TextField(_("who may take part"))
    prizes = models.TextField(_("prizes"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("event_date"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("body"),
        FieldPanel("eligibility"),
        FieldPanel("prizes"),
    ]
    settings_panels = [FieldPanel("organization"), *BasePage.settings_panels]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("eligibility"),
    ]

    parent_page_types = ["vitrine.VitrineIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Submissions must close after they open.")}
            )

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_not_opened(self, now=None):
        return (now or timezone.now()) < self.opens_at

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from vitrine.views import submit_to_call

            return submit_to_call(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from vitrine.forms import SubmissionForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", SubmissionForm())
        context["is_open"] = self.is_open()
        return context


class CallSubmission(models.Model):
    """One team's submission to a call. The same project is stored once per call."""

    # A citizen's submission, seen only by staff: it keeps the page cache warm.
    shown_on_public_pages = False

    call = models.ForeignKey(
        CallForProjectsPage,
        verbose_name=_("call for projects"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    # The call's translation key: a submission on the French or the English page
    # counts against the same call.
    call_key = models.UUIDField(editable=False)
    project_name = models.CharField(_("project name"), max_length=200)
    project_key = models.CharField(max_length=200, editable=False)
    # TextField ignores max_length in the database: the validator enforces it
    # wherever the model is cleaned, the form field takes it as its limit.
    team = models.TextField(
        _("team"), max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    description = models.TextField(
        _("description"), max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    link = models.URLField(_("link"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact email"))
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=8)
    submitted_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    # Claimed before the acknowledgement goes, released if sending fails: sent once.
    acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_key", "contact_email", "project_key"],
                name="one_submission_per_call_contact_and_project",
            )
        ]

    def __str__(self):
        return self.project_name
