"""Pages every site has, and the shared snippets every feature app uses."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    AbstractGroupApprovalTask,
    Orderable,
    Page,
    TranslatableMixin,
)
from wagtail.search import index

from numeriqc.sharedcache import public

from .blocks import CommonStreamBlock, validate_heading_order
from .scoping import OrganizationOwnedPageMixin


class Organization(TranslatableMixin, index.Indexed, models.Model):
    """A public body: it publishes projects, runs consultations, owns services."""

    # Names and logos show on many pages: an edit purges the page cache.
    shown_on_public_pages = True

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_organization_slug_per_locale"
            )
        ]

    def __str__(self):
        # A name may already end with its acronym (as typed by an editor).
        if not self.acronym or self.name.endswith(f"({self.acronym})"):
            return self.name
        return f"{self.name} ({self.acronym})"


class Theme(TranslatableMixin, models.Model):
    """A subject people look things up by. The strategy's six axes are themes too."""

    # Tags and axes show on listings and pages: an edit purges the page cache.
    shown_on_public_pages = True

    class Kind(models.TextChoices):
        AXIS = "axis", _("Axis of the strategy")
        TOPIC = "topic", _("Topic")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.TOPIC)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_theme_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class BasePage(Page):
    """Fields every public page shares: a summary used in listings and search."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in listings and search results."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The home page of one language. There is exactly one per locale."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 2  # one per language in settings.LANGUAGES

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a home page."))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = public(self.get_children().live().in_menu())
        context["sections"] = sections.specific()
        # Feature apps add their panels (featured projects, open consultations...)
        # through the "numeriqc_home_panels" hook instead of editing this template.
        context["panels"] = [
            panel
            for hook in hooks.get_hooks("numeriqc_home_panels")
            if (panel := hook(request, self))
        ]
        return context


class StandardPage(OrganizationOwnedPageMixin, BasePage):
    """A content page: text, images, tables, documents, calls to action."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organization responsible for this page, if any."),
    )
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    settings_panels = [FieldPanel("organization"), *BasePage.settings_panels]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)


class StrategyPage(BasePage):
    """The strategy's table of contents: its measures, grouped by axis."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.MeasurePage"]
    max_count = 2  # one per language

    class Meta:
        verbose_name = _("strategy page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        measures = (
            public(MeasurePage.objects.child_of(self).live())
            .select_related("axis")
            .order_by("number")
        )
        context["axes"] = group_by_axis(measures)
        return context


def group_by_axis(measures):
    """[(axis, [measure, ...]), ...] in the order of the measures' numbers."""
    groups = {}
    for measure in measures:
        groups.setdefault(measure.axis, []).append(measure)
    return list(groups.items())


class MeasurePage(OrganizationOwnedPageMixin, BasePage):
    """One measure of the strategy ("Lancer la Vitrine numériQc")."""

    number = models.PositiveSmallIntegerField(_("measure number"))
    axis = models.ForeignKey(
        Theme,
        verbose_name=_("axis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Theme.Kind.AXIS},
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("lead organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("axis"), FieldPanel("organization")],
            heading=_("Place in the strategy"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("number"),
    ]

    parent_page_types = ["home.StrategyPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strategy measure")
        verbose_name_plural = _("strategy measures")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """Footer links, contact details and social accounts, edited by editors."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    # Loi 25 and the accessibility standard: shown in every footer, in the
    # reader's language, apart from the editable list of links.
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Privacy and accessibility"),
        ),
        InlinePanel("footer_links", label=_("Footer links")),
        InlinePanel("social_accounts", label=_("Social accounts")),
    ]

    class Meta:
        verbose_name = _("site settings")


class FooterLink(Orderable):
    """A footer link: to a page (shown in the reader's language) or to another site."""

    settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="footer_links"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("external address"), blank=True)
    label_fr = models.CharField(_("text in French"), max_length=100, blank=True)
    label_en = models.CharField(_("text in English"), max_length=100, blank=True)

    panels = [
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("label_fr"),
        FieldPanel("label_en"),
    ]

    def clean(self):
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(
                _("Choose either a page of the site or an external address.")
            )
        if self.url and not (self.label_fr and self.label_en):
            raise ValidationError(
                _("An external link needs its text in both languages.")
            )


class SocialAccount(Orderable):
    class Network(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        GITHUB = "github", "GitHub"

    settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="social_accounts"
    )
    network = models.CharField(_("network"), max_length=20, choices=Network)
    url = models.URLField(_("address"))

    panels = [FieldPanel("network"), FieldPanel("url")]


class ReviewTask(AbstractGroupApprovalTask):
    """Approval by a reviewer group that leaves the draft open to its author.

    Wagtail's group approval locks a page for everyone but the reviewers while it
    waits; here whoever may edit the page may still save a new draft (a typo seen
    after submitting), and the reviewer approves, hence publishes, the latest one.
    Who may publish which organization's page is decided by home/scoping.py.
    """

    def locked_for_user(self, obj, user):
        return False

    class Meta:
        verbose_name = _("review by a group of reviewers")
        verbose_name_plural = _("reviews by a group of reviewers")
