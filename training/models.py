"""The training offer (measure 4): a catalogue of courses, their sessions, and
learning paths that string courses together.

Sessions are edited inline on their course. Whether a session is "upcoming" is
decided by its dates at query time, so past sessions leave the listings on their
own, without a scheduled job.
"""

import uuid
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index

from home.blocks import CommonStreamBlock, validate_heading_order
from home.images import PageImageMixin
from home.models import BasePage, Organization, Theme
from home.public_url import public_url
from home.scoping import OrganizationOwnedPageMixin

from .forms import CoursePageForm

SOON_DAYS = 90
COURSE_PANELS_HOOK = "numeriqc_course_panels"
LIST_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class Level(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Format(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced online")
    VIRTUAL = "virtual", _("Virtual class")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class Audience(models.TextChoices):
    ALL_STAFF = "all_staff", _("All staff")
    MANAGERS = "managers", _("Managers")
    SPECIALISTS = "specialists", _("Digital specialists")
    EXECUTIVES = "executives", _("Executives")


class CourseLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "fr_en", _("French and English")


class SessionLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class DurationBand(models.TextChoices):
    """Bands of the duration filter, as bounds on `duration_hours`: (above, up to]."""

    UNDER_3H = "under_3h", _("Under 3 hours")
    HALF_DAY = "half_day", _("Half a day")
    ONE_DAY = "one_day", _("One day")
    SEVERAL_DAYS = "several_days", _("Several days")


DURATION_BOUNDS = {
    DurationBand.UNDER_3H: (None, Decimal("3")),  # strictly under 3 h
    DurationBand.HALF_DAY: (Decimal("3"), Decimal("4")),  # 3 h to 4 h
    DurationBand.ONE_DAY: (Decimal("4"), Decimal("8")),  # over 4 h, up to 8 h
    DurationBand.SEVERAL_DAYS: (Decimal("8"), None),  # over 8 h
}


def duration_band_q(band, prefix=""):
    low, high = DURATION_BOUNDS[band]
    field = f"{prefix}duration_hours"
    if band == DurationBand.UNDER_3H:
        return Q(**{f"{field}__lt": high})
    if band == DurationBand.HALF_DAY:
        return Q(**{f"{field}__gte": low, f"{field}__lte": high})
    condition = Q(**{f"{field}__gt": low})
    if high is not None:
        condition &= Q(**{f"{field}__lte": high})
    return condition


def duration_band_of(hours):
    if hours is None:
        return None
    hours = Decimal(hours)
    if hours < Decimal("3"):
        return DurationBand.UNDER_3H
    if hours <= Decimal("4"):
        return DurationBand.HALF_DAY
    if hours <= Decimal("8"):
        return DurationBand.ONE_DAY
    return DurationBand.SEVERAL_DAYS


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Not started, not cancelled, not completed: what a learner can still join."""
        now = now or timezone.now()
        return self.filter(
            start_at__gt=now, status__in=[Session.Status.OPEN, Session.Status.FULL]
        )

    def within(self, days, now=None):
        now = now or timezone.now()
        return self.upcoming(now).filter(start_at__lte=now + timedelta(days=days))

    def on_live_courses(self):
        return self.filter(course__live=True, course__expired=False)


def upcoming_q(prefix="sessions__", now=None):
    """The upcoming rule as a Q, for filtering and annotating courses."""
    now = now or timezone.now()
    return Q(
        **{
            f"{prefix}start_at__gt": now,
            f"{prefix}status__in": ["open", "full"],
        }
    )


class TrainingCatalogPage(RoutablePageMixin, BasePage):
    """The catalogue of one language: every course, filterable, and a calendar feed."""

    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("introduction"))
    empty_message = models.CharField(
        _("message when nothing matches"),
        max_length=255,
        blank=True,
        help_text=_("Shown above the suggestions when no course matches the filters."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        FieldPanel("empty_message"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["training.CoursePage", "training.LearningPathPage"]
    max_count = 2  # one per language

    class Meta:
        verbose_name = _("training catalogue")

    # What the catalogue reads (training.filters and the page number): each
    # filter state is cached on its own (tests/perf/test_listing_cache.py).
    cache_query_params = (
        *("page", "q", "theme", "level", "format", "audience", "language"),
        *("provider", "duration", "soon", "sort"),
    )

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    def courses(self):
        from numeriqc.sharedcache import public

        return public(CoursePage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        from .views import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def calendar_path(self):
        """calendrier/ in French, calendar/ in English."""
        french = self.locale.language_code == "fr"
        return self.reverse_subpage("calendar_fr" if french else "calendar")

    # The other language's word redirects to the page's own (home/routes.py).
    @path("calendrier/", name="calendar_fr")
    @path("calendar/", name="calendar")
    def calendar(self, request):
        from home.routes import in_own_words

        from .views import catalogue_calendar

        redirect = in_own_words(request, self, self.calendar_path())
        return redirect or catalogue_calendar(request, self)


class CoursePage(PageImageMixin, OrganizationOwnedPageMixin, BasePage):
    """One course of the Académie or ENAP, with its sessions."""

    organization_field = "provider"

    provider = models.ForeignKey(
        Organization,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    objectives = RichTextField(_("objectives"), features=LIST_FEATURES)
    competencies = RichTextField(
        _("competencies developed"), features=LIST_FEATURES, blank=True
    )
    prerequisites = RichTextField(
        _("prerequisites"), features=LIST_FEATURES, blank=True
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.ALL_STAFF
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level, default=Level.INTRODUCTION
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format, default=Format.VIRTUAL
    )
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text=_(
            "Total hours of training. Under 3 is short, 3 to 4 a half day, "
            "up to 8 one day, more than 8 several days."
        ),
    )
    languages = models.CharField(
        _("language(s)"),
        max_length=10,
        choices=CourseLanguage,
        default=CourseLanguage.FRENCH,
    )
    cost = models.DecimalField(
        _("cost (dollars)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 for a free course."),
    )
    certificate = models.BooleanField(_("certificate of completion"), default=False)
    registration_url = models.URLField(_("registration address"), blank=True)
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Theme.Kind.TOPIC},
    )
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("provider"),
        *PageImageMixin.image_panels,
        FieldPanel("objectives"),
        FieldPanel("competencies"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("format"), FieldPanel("duration_hours")]),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("cost")]),
                FieldPanel("certificate"),
                FieldPanel("registration_url"),
                FieldPanel("themes"),
            ],
            heading=_("Who, how, how long"),
        ),
        FieldPanel("body"),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("competencies"),
        index.SearchField("body"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]

    parent_page_types = ["training.TrainingCatalogPage"]
    subpage_types = []
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    @property
    def is_free(self):
        return not self.cost

    @property
    def duration_band(self):
        return duration_band_of(self.duration_hours)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessions = self.sessions.all()
        context["upcoming_sessions"] = sessions.upcoming(now).order_by("start_at")
        context["cancelled_sessions"] = sessions.filter(
            start_at__gt=now, status=Session.Status.CANCELLED
        ).order_by("start_at")
        context["learning_paths"] = (
            LearningPathPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                steps__course__translation_key=self.translation_key,
            )
            .distinct()
            .order_by("title")
        )
        # Other apps add a section (the notifications app: "tell me about new
        # sessions") through this hook instead of editing the template.
        context["course_panels"] = [
            panel
            for hook in hooks.get_hooks(COURSE_PANELS_HOOK)
            if (panel := hook(request, self))
        ]
        return context


class Session(Orderable):
    """One run of a course: when, where, in which language, how many seats."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for registration")
        FULL = "full", _("Full")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    # Stable across languages and publications (copies keep it): the iCalendar UID.
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Address or room. Leave empty for an online session."),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=SessionLanguage,
        default=SessionLanguage.FRENCH,
    )
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    registration_deadline = models.DateField(
        _("registration deadline"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.OPEN
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
        FieldRowPanel([FieldPanel("online"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("seats")]),
        FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["start_at", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=models.F("start_at")),
                name="training_session_ends_after_start",
            )
        ]

    def __str__(self):
        local = timezone.localtime(self.start_at)
        return f"{self.course.title} — {local:%Y-%m-%d %H:%M}"

    def in_language(self, language):
        """How an announcement names this session for a reader of `language`.

        A session is not translated, its course is: the title and the address are
        those of the course's live translation, when there is one.
        """
        course = self.course
        with translation.override(language):
            translated = course.get_translation_or_none(
                Locale.objects.filter(language_code=language).first()
            )
            if translated and translated.live and not translated.alias_of_id:
                course = translated
            start = formats.date_format(
                timezone.localtime(self.start_at), "DATETIME_FORMAT"
            )
        return SimpleNamespace(
            title=f"{course.title} — {start}", url=public_url(course)
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = _("A session ends after it starts.")
        if not self.online and not self.place.strip():
            errors["place"] = _("Give the place, or tick “online”.")
        if (
            self.registration_deadline
            and self.start_at
            and self.registration_deadline > timezone.localtime(self.start_at).date()
        ):
            errors["registration_deadline"] = _(
                "The registration deadline cannot fall after the session starts."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_upcoming(self):
        return self.start_at > timezone.now() and self.status in {
            self.Status.OPEN,
            self.Status.FULL,
        }

    @property
    def registration_closed(self):
        if self.status != self.Status.OPEN:
            return True
        today = timezone.localdate()
        return bool(self.registration_deadline and self.registration_deadline < today)


class LearningPathPage(BasePage):
    """An ordered series of courses towards a goal, for an audience."""

    goal = models.TextField(_("goal"), max_length=600)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.ALL_STAFF
    )
    body = StreamField(CommonStreamBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("goal"),
        FieldPanel("audience"),
        InlinePanel(
            "steps", heading=_("Courses, in order"), label=_("Course"), min_num=1
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("goal"),
        index.SearchField("body"),
    ]

    parent_page_types = ["training.TrainingCatalogPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def clean(self):
        super().clean()
        validate_heading_order(self.body)

    def ordered_steps(self):
        """Steps with the course in this page's language and its next session.

        A translated path may still point at the original's courses: each step
        gets `local_course`, the live course of this language (three queries).
        """
        now = timezone.now()
        steps = list(
            self.steps.select_related("course")
            .annotate(
                next_session=models.Min(
                    "course__sessions__start_at",
                    filter=upcoming_q("course__sessions__", now),
                )
            )
            .order_by("sort_order")
        )
        keys = [step.course.translation_key for step in steps]
        local = {
            course.translation_key: course
            for course in CoursePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .select_related("provider")
        }
        for step in steps:
            step.local_course = local.get(step.course.translation_key)
        return [step for step in steps if step.local_course is not None]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        steps = self.ordered_steps()
        context["steps"] = steps
        context["total_hours"] = sum(step.local_course.duration_hours for step in steps)
        return context


class LearningPathStep(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="steps")
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")
