"""The Vitrine: its index of projects, project pages and their benefits."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.blocks import CommonStreamBlock, validate_heading_order
from home.images import HERO_SPECS, prefetch_renditions
from home.models import BasePage, Organization, Theme
from home.scoping import OrganizationOwnedPageMixin
from vitrine.page_forms import ProjectPageForm


class Phase(models.TextChoices):
    IDEA = "idea", _("Idea")
    EXPLORATION = "exploration", _("Exploration")
    BUILDING = "building", _("Building")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")


class AccessibilityStatus(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    PARTIAL = "partial", _("Partially compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class VitrineIndexPage(RoutablePageMixin, BasePage):
    """The Vitrine: every project, filtered and sorted from the address bar."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("introduction"))
    next_actions_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("consultation about next actions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The open consultation asking what to do next. The link is shown only "
            "while that page is published."
        ),
    )
    next_actions_text = models.TextField(
        _("text when no consultation is open"),
        blank=True,
        help_text=_("Shown under “What next?” when no consultation is linked or live."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [PageChooserPanel("next_actions_page"), FieldPanel("next_actions_text")],
            heading=_("What next?"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["vitrine.ProjectPage", "vitrine.CallForProjectsPage"]
    max_count = 2  # one per language

    class Meta:
        verbose_name = _("Vitrine index page")

    # What the listing reads (vitrine.filters.ProjectFilterSet and the page
    # number): each filter state is a page-cache entry of its own, every other
    # parameter shares the plain page's (tests/perf/test_listing_cache.py).
    cache_query_params = (
        *("page", "q", "organization", "theme", "axis", "phase", "year", "sort"),
    )

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    def get_context(self, request, *args, **kwargs):
        from vitrine.listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        context["next_actions"] = self.next_actions_link()
        if context["next_actions"] is None:
            from consultation.open_consultations import open_consultations

            context["open_consultations"] = open_consultations(self.locale_id)
        context["calls"] = self.current_calls()
        return context

    def current_calls(self):
        """Calls for projects still open or about to open, soonest closing first."""
        from numeriqc.sharedcache import public
        from vitrine.models import CallForProjectsPage

        return (
            public(CallForProjectsPage.objects.child_of(self).live())
            .filter(closes_at__gt=timezone.now())
            .order_by("closes_at")
        )

    def next_actions_link(self):
        """The linked consultation, in this page's language, if it is live."""
        if not self.next_actions_page_id:
            return None
        target = self.next_actions_page.specific
        translated = target.get_translation_or_none(self.locale)
        target = translated or target
        return target if target.live else None

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="feed_rss")
    def rss_feed(self, request):
        from vitrine.feeds import ProjectRssFeed

        return ProjectRssFeed(self)(request)

    @path("atom/", name="feed_atom")
    def atom_feed(self, request):
        from vitrine.feeds import ProjectAtomFeed

        return ProjectAtomFeed(self)(request)

    def feed_urls(self):
        return {
            "rss": self.url + self.reverse_subpage("feed_rss"),
            "atom": self.url + self.reverse_subpage("feed_atom"),
        }


class ProjectPage(OrganizationOwnedPageMixin, BasePage):
    """A digital project of one or more public organizations."""

    organization_field = "organizations"

    organizations = ParentalManyToManyField(
        Organization,
        verbose_name=_("organizations"),
        related_name="vitrine_projects",
        blank=True,
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), related_name="vitrine_projects", blank=True
    )
    measure = models.ForeignKey(
        "home.MeasurePage",
        verbose_name=_("strategy measure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vitrine_projects",
        help_text=_("The measure of the strategy this project serves."),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase, default=Phase.IDEA
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("body"))
    service_name = models.CharField(
        _("public service changed"), max_length=200, blank=True
    )
    service_url = models.URLField(_("address of the public service"), blank=True)
    source_code_url = models.URLField(_("source code"), blank=True)
    open_data_url = models.URLField(_("open data"), blank=True)
    accessibility_status = models.CharField(
        _("accessibility of the service"),
        max_length=20,
        choices=AccessibilityStatus,
        default=AccessibilityStatus.NOT_ASSESSED,
    )
    accessibility_audit_date = models.DateField(
        _("date of the last accessibility audit"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("organizations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                PageChooserPanel("measure", page_type="home.MeasurePage"),
            ],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phase"), FieldPanel("started_on")])],
            heading=_("Progress"),
        ),
        InlinePanel("milestones", label=_("Milestones")),
        FieldPanel("body"),
        InlinePanel("images", label=_("Images")),
        MultiFieldPanel(
            [
                FieldPanel("service_name"),
                FieldPanel("service_url"),
                FieldPanel("source_code_url"),
                FieldPanel("open_data_url"),
            ],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("accessibility_status"),
                        FieldPanel("accessibility_audit_date"),
                    ]
                )
            ],
            heading=_("Accessibility"),
        ),
        InlinePanel("benefits", label=_("Expected benefits")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("featured")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("service_name"),
        index.FilterField("phase"),
        index.FilterField("featured"),
    ]

    parent_page_types = ["vitrine.VitrineIndexPage"]
    subpage_types = []
    base_form_class = ProjectPageForm

    class Meta:
        verbose_name = _("Vitrine project")
        verbose_name_plural = _("Vitrine projects")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)
        audited = self.accessibility_status != AccessibilityStatus.NOT_ASSESSED
        if audited and not self.accessibility_audit_date:
            raise ValidationError(
                {
                    "accessibility_audit_date": _(
                        "Give the date of the audit that found this status."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        from vitrine.benefits import benefits_of_project
        from vitrine.listing import localized_names

        context = super().get_context(request, *args, **kwargs)
        context["organizations"] = localized_names(
            Organization, self.organizations.all(), self.locale_id
        )
        context["themes"] = localized_names(Theme, self.themes.all(), self.locale_id)
        context["measure"] = self._measure_in_language()
        context["milestones"] = self.milestones.order_by("date")
        context["project_images"] = list(
            self.images.select_related("image").prefetch_related(
                prefetch_renditions(filter_specs=HERO_SPECS)
            )
        )
        context["benefits"] = benefits_of_project(self)
        return context

    def _measure_in_language(self):
        if not self.measure_id:
            return None
        measure = self.measure.get_translation_or_none(self.locale) or self.measure
        return measure if measure.live else None


class Milestone(TranslatableMixin, Orderable):
    """A dated step of a project: what happened (or will happen), and when."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("what happened"), max_length=200)
    phase = models.CharField(
        _("phase reached"), max_length=20, choices=Phase, blank=True
    )

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("phase")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["sort_order"]

    def __str__(self):
        return self.title

    @property
    def is_past(self):
        return self.date <= timezone.localdate()


class ProjectImage(TranslatableMixin, Orderable):
    """An image of the project, always with its alternative text."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["sort_order"]

    def __str__(self):
        return self.alt_text


class ExpectedBenefit(TranslatableMixin, Orderable):
    """A benefit the project promises (measure 16): estimated, then measured.

    Estimated and measured values count as gains: a benefit is achieved when its
    latest measured value reaches the estimate. Measured values are entered in the
    admin ("Measured benefits") against the French benefit, which is the source.
    """

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="benefits")
    description = models.CharField(_("benefit"), max_length=255)
    indicator = models.CharField(
        _("indicator"),
        max_length=200,
        help_text=_("What is counted, e.g. “Processing time of a request”."),
    )
    unit = models.CharField(_("unit"), max_length=40, help_text=_("e.g. days, %, $"))
    estimated_value = models.DecimalField(
        _("estimated value"), max_digits=14, decimal_places=2
    )
    expected_by = models.DateField(_("expected by"))

    panels = [
        FieldPanel("description"),
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("estimated_value"), FieldPanel("unit")]),
        FieldPanel("expected_by"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("expected benefit")
        verbose_name_plural = _("expected benefits")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.page.title} — {self.indicator}"


class BenefitMeasurement(models.Model):
    """A measured value of a benefit at a date, and where the figure comes from."""

    # Shown on project pages and the Baromètre: an edit purges the page cache.
    shown_on_public_pages = True

    benefit = models.ForeignKey(
        ExpectedBenefit,
        verbose_name=_("benefit"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("measured value"), max_digits=14, decimal_places=2)
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Where the figure comes from: a report, a dashboard, a survey."),
    )
    source_url = models.URLField(_("address of the source"), blank=True)

    panels = [
        FieldPanel("benefit"),
        FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")]),
        FieldPanel("source"),
        FieldPanel("source_url"),
    ]

    class Meta:
        verbose_name = _("measured benefit")
        verbose_name_plural = _("measured benefits")
        ordering = ["benefit", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "measured_on"],
                name="one_measurement_per_benefit_and_date",
            )
        ]

    def __str__(self):
        return f"{self.benefit.indicator} ({self.measured_on})"
