"""The Baromètre: indicators of the strategy's progress, their measurements, the
public page that shows them, and the quarterly editions kept as published.

Measurements always belong to the source-language (French) row of an indicator, so
that the French and English pages show one history (like consultation answers).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import CommonStreamBlock, validate_heading_order
from home.models import BasePage, Theme

from .sources import all_sources

DECIMAL = {"max_digits": 16, "decimal_places": 3}


def source_row(instance):
    """The default-language row of a translatable object (itself when missing)."""
    if instance is None:
        return None
    default = Locale.get_default()
    if instance.locale_id == default.pk:
        return instance
    return instance.get_translation_or_none(default) or instance


class Indicator(TranslatableMixin, index.Indexed, models.Model):
    """A figure of the strategy's progress, with its baseline and its target."""

    # Shown on the Baromètre: an edit purges the page cache.
    shown_on_public_pages = True

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in the addresses of downloads.")
    )
    definition = models.TextField(_("definition"), blank=True)
    calculation_method = models.TextField(_("calculation method"), blank=True)
    data_source = models.CharField(
        _("data source"),
        max_length=255,
        blank=True,
        help_text=_("Where the figures come from, in words, for the public."),
    )
    source_key = models.CharField(
        _("computed from"),
        max_length=100,
        blank=True,
        help_text=_(
            "Leave empty to enter measurements by hand. Otherwise the figure is "
            "computed from the platform's own data and recorded on a schedule."
        ),
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(_("baseline value"), **DECIMAL)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target value"), **DECIMAL)
    target_date = models.DateField(_("target date"))
    axis = models.ForeignKey(
        Theme,
        verbose_name=_("axis of the strategy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Theme.Kind.AXIS},
    )
    measure = models.ForeignKey(
        "home.MeasurePage",
        verbose_name=_("measure of the strategy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        "home.Organization",
        verbose_name=_("responsible organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_headline = models.BooleanField(
        _("headline indicator"),
        default=False,
        help_text=_("Headline indicators are also shown on the home page."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("calculation_method"),
        FieldPanel("data_source"),
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldPanel("direction"),
                FieldPanel("baseline_value"),
                FieldPanel("baseline_date"),
                FieldPanel("target_value"),
                FieldPanel("target_date"),
            ],
            heading=_("Baseline and target"),
        ),
        FieldPanel("source_key"),
        MultiFieldPanel(
            [
                FieldPanel("axis"),
                FieldPanel("measure"),
                FieldPanel("organization"),
            ],
            heading=_("Place in the strategy"),
        ),
        FieldPanel("is_headline"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("definition"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("definition"),
        TranslatableField("calculation_method"),
        TranslatableField("data_source"),
        TranslatableField("unit"),
        SynchronizedField("slug"),
        SynchronizedField("source_key"),
        SynchronizedField("direction"),
        SynchronizedField("baseline_value"),
        SynchronizedField("baseline_date"),
        SynchronizedField("target_value"),
        SynchronizedField("target_date"),
        SynchronizedField("axis"),
        SynchronizedField("measure"),
        SynchronizedField("organization"),
        SynchronizedField("is_headline"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_indicator_slug_per_locale"
            ),
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("baseline_date")),
                name="indicator_target_after_baseline",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.source_key and self.source_key not in all_sources():
            raise ValidationError(
                {"source_key": _("No figure of the platform has this key.")}
            )
        if (
            self.baseline_date
            and self.target_date
            and self.target_date <= self.baseline_date
        ):
            raise ValidationError(
                {"target_date": _("The target date comes after the baseline date.")}
            )

    @property
    def is_computed(self):
        return bool(self.source_key)

    @property
    def lower_is_better(self):
        return self.direction == self.Direction.LOWER


class Measurement(models.Model):
    """One dated value of an indicator: one per indicator and date."""

    # Shown on the Baromètre (by hand, import or computation): purges the page
    # cache.
    shown_on_public_pages = True

    class Origin(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        IMPORT = "import", _("Imported from a file")
        COMPUTED = "computed", _("Computed by the platform")

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), **DECIMAL)
    note_fr = models.TextField(
        _("note in French"),
        blank=True,
        max_length=600,
        help_text=_("What explains the change, for the public."),
    )
    note_en = models.TextField(_("note in English"), blank=True, max_length=600)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where this figure comes from (report, system, survey)."),
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin, default=Origin.MANUAL
    )
    projects = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("linked projects"),
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded on"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("indicator"),
        FieldPanel("date"),
        FieldPanel("value"),
        FieldPanel("source"),
        FieldPanel("note_fr"),
        FieldPanel("note_en"),
        FieldPanel("projects"),
    ]

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="one_measurement_per_indicator_date"
            )
        ]

    def __str__(self):
        return f"{self.indicator} — {self.date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        self.indicator = source_row(self.indicator)
        super().save(*args, **kwargs)

    def note(self, language=None):
        language = language or translation.get_language()
        # No fallback: a French note on an English page would lack its lang.
        return self.note_en if language == "en" else self.note_fr


class Edition(models.Model):
    """A quarterly snapshot of the Baromètre, shown later exactly as published.

    `figures` holds everything the edition page shows, in both languages.
    """

    # Listed on the Baromètre: a new edition purges the page cache.
    shown_on_public_pages = True

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, str(q)) for q in range(1, 5)]
    )
    published_at = models.DateTimeField(_("published on"), default=timezone.now)
    figures = models.JSONField(_("figures"), default=dict)

    class Meta:
        verbose_name = _("edition of the Baromètre")
        verbose_name_plural = _("editions of the Baromètre")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter"], name="one_barometre_edition_per_quarter"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def url_part(self):
        return f"editions/{self.year}-t{self.quarter}/"


class BarometrePage(RoutablePageMixin, BasePage):
    """The Baromètre numériQc: progress toward the strategy's targets."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 2  # one per language

    class Meta:
        verbose_name = _("Baromètre page")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    def get_context(self, request, *args, **kwargs):
        from .benefits import benefit_figures
        from .overview import barometre_overview

        context = super().get_context(request, *args, **kwargs)
        overview = barometre_overview(translation.get_language())
        base = self.get_url(request) or ""
        for view in overview.indicators:
            view.csv_url = base + self.data_url(view.indicator.slug, "csv")
            view.json_url = base + self.data_url(view.indicator.slug, "json")
        context["overview"] = overview
        context["benefits"] = benefit_figures()
        context["data_csv_url"] = base + self.data_url(None, "csv")
        context["data_json_url"] = base + self.data_url(None, "json")
        context["editions"] = Edition.objects.only("year", "quarter", "published_at")
        return context

    def data_url(self, slug, file_format):
        """The address of a download, relative to the page, in the page's language
        (donnees/ in French, data/ in English)."""
        suffix = "_fr" if self.locale.language_code == "fr" else ""
        if slug is None:
            return self.reverse_subpage(f"all_data{suffix}", args=[file_format])
        return self.reverse_subpage(f"indicator_data{suffix}", args=[slug, file_format])

    @path("editions/<int:year>-t<int:quarter>/", name="edition")
    def edition(self, request, year, quarter):
        from . import views

        return views.edition(request, self, year, quarter)

    # The other language's word redirects to the page's own (home/routes.py).
    @path("donnees/<str:file_format>/", name="all_data_fr")
    @path("data/<str:file_format>/", name="all_data")
    def all_data(self, request, file_format):
        from home.routes import in_own_words

        from . import views

        redirect = in_own_words(request, self, self.data_url(None, file_format))
        return redirect or views.download(request, file_format)

    @path("donnees/<slug:slug>/<str:file_format>/", name="indicator_data_fr")
    @path("data/<slug:slug>/<str:file_format>/", name="indicator_data")
    def indicator_data(self, request, slug, file_format):
        from home.routes import in_own_words

        from . import views

        redirect = in_own_words(request, self, self.data_url(slug, file_format))
        return redirect or views.download(request, file_format, slug=slug)
