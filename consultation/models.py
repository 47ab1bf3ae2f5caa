"""Consultations: surveys (edited as snippets), their answers, and the pages.

Answers always point at the *source-language* question and choice (resolved through
`translation_key`), so French and English answers count together.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import DocumentBlock
from home.images import PageImageMixin
from home.models import BasePage, Organization, Theme
from home.scoping import OrganizationOwnedPageMixin

from .blocks import ConsultationStreamBlock

# The longest answer a citizen may write, and so the highest character limit an
# editor may give a question.
ANSWER_TEXT_MAX_LENGTH = 5000


class Survey(TranslatableMixin, ClusterableModel):
    """A questionnaire, embedded in a consultation page through a block."""

    # Its questions show on consultation pages: an edit purges the page cache.
    shown_on_public_pages = True

    class Integrity(models.TextChoices):
        OPEN = "open", _("Open: one response per browser")
        EMAIL = "email", _("Email-confirmed: counts once the link is clicked")

    title = models.CharField(_("title"), max_length=255)
    introduction = models.TextField(_("introduction"), blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    integrity = models.CharField(
        _("integrity mode"), max_length=10, choices=Integrity, default=Integrity.OPEN
    )
    consent_text = models.TextField(
        _("consent to personal data"),
        blank=True,
        help_text=_(
            "Required when the survey asks for personal information: say what it is "
            "used for. The retention period is added automatically."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        default=365,
        help_text=_("Personal answers are deleted after this many days."),
    )
    thank_you_text = models.TextField(_("thank-you message"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("organization"),
        FieldPanel("integrity"),
        MultiFieldPanel(
            [FieldPanel("consent_text"), FieldPanel("retention_days")],
            heading=_("Personal data"),
        ),
        FieldPanel("thank_you_text"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.title

    def copy_for_translation(self, locale, exclude_fields=None):
        """Questions and their choices follow into the new language (nested)."""
        translated = super().copy_for_translation(locale, exclude_fields)
        for question in translated.questions.all():
            question.locale = locale
            for choice in question.choices.all():
                choice.locale = locale
        return translated

    def save(self, *args, **kwargs):
        from .translation import share_survey_settings

        super().save(*args, **kwargs)
        share_survey_settings(self)
        align_conditions(self)

    @property
    def source(self):
        """The survey in its original language (answers are attached to it)."""
        return source_row(self)

    @property
    def asks_personal_data(self):
        return any(question.is_personal for question in self.questions.all())

    def clean(self):
        super().clean()
        personal = self.pk and self.questions.filter(is_personal=True).exists()
        if personal and not self.consent_text.strip():
            raise ValidationError(
                {"consent_text": _("A survey that asks for personal data needs one.")}
            )


def source_row(instance):
    """The row in the original language of a translatable instance."""
    if instance is None:
        return None
    model = type(instance)
    if getattr(instance, "_is_source", None):
        return instance
    found = (
        model.objects.filter(translation_key=instance.translation_key)
        .order_by("pk")
        .first()
    )
    return found or instance


def align_conditions(survey):
    """Each display condition points at a question of its own survey, and its value
    names that question's choice in the survey's language.

    A translation is a copy: its conditions first point at the source's questions,
    with the source's wording of the choice. They are not translated (translating
    them separately clashed with the survey's own copy of the question, a 500), so
    they are aligned here, each time the survey is saved.
    """
    questions = list(survey.questions.all())
    local = {question.translation_key: question for question in questions}
    conditional = [question for question in questions if question.condition_question_id]
    if not conditional:
        return
    targets = Question.objects.in_bulk([q.condition_question_id for q in conditional])
    chosen = Choice.objects.in_bulk(
        [q.condition_choice_id for q in conditional if q.condition_choice_id]
    )
    source = survey.source
    for question in conditional:
        target = targets.get(question.condition_question_id)
        aligned = local.get(target.translation_key) if target else None
        if aligned is None:
            continue
        value = question.condition_value
        if source.pk != survey.pk and aligned.kind in Question.CHOICE_KINDS:
            value = _translated_choice_label(source, question, aligned) or value
        choice_id = _local_choice_id(chosen.get(question.condition_choice_id), aligned)
        if (
            aligned.pk != question.condition_question_id
            or value != question.condition_value
            or choice_id != question.condition_choice_id
        ):
            Question.objects.filter(pk=question.pk).update(
                condition_question=aligned,
                condition_value=value,
                condition_choice_id=choice_id,
            )


def _local_choice_id(choice, question):
    """The same choice (by translation key) among `question`'s own choices: a
    translation's copy first points at the source's choice."""
    if choice is None:
        return None
    if choice.question_id == question.pk:
        return choice.pk
    local = question.choices.filter(translation_key=choice.translation_key).first()
    return local.pk if local else None


def _translated_choice_label(source_survey, question, target):
    """The label, in `target`'s language, of the choice the source condition names."""
    source_question = source_survey.questions.filter(
        translation_key=question.translation_key
    ).first()
    if source_question is None:
        return None
    wanted = source_question.condition_value.strip().casefold()
    source_choices = Choice.objects.filter(
        question__survey=source_survey, question__translation_key=target.translation_key
    )
    key = next(
        (
            choice.translation_key
            for choice in source_choices
            if choice.label.strip().casefold() == wanted
        ),
        None,
    )
    local = target.choices.filter(translation_key=key).first() if key else None
    return local.label if local else None


class Question(TranslatableMixin, Orderable, ClusterableModel):
    class Kind(models.TextChoices):
        SECTION = "section", _("Section title")
        PAGE_BREAK = "page_break", _("Page break")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RATING = "rating", _("Rating scale")
        YES_NO = "yes_no", _("Yes or no")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        RANKING = "ranking", _("Ranking")
        MATRIX = "matrix", _("Matrix")
        MATRIX_LABELS = "matrix_label", _("Matrix with labelled columns")
        MATRIX_MULTIPLE = "matrix_multi", _("Multiple-choice matrix")

    class Display(models.TextChoices):
        RADIO = "radio", _("Radio buttons")
        DROPDOWN = "dropdown", _("Drop-down list")

    class Operator(models.TextChoices):
        EQUALS = "equals", _("equals")
        NOT_EQUALS = "not_equals", _("does not equal")
        ANSWERED = "answered", _("is answered")
        NOT_ANSWERED = "not_answered", _("is not answered")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    label = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    is_personal = models.BooleanField(
        _("personal information"),
        default=False,
        help_text=_("Shown only to users allowed to see personal data; deleted later."),
    )
    display = models.CharField(
        _("display"), max_length=10, choices=Display, default=Display.RADIO
    )
    allow_other = models.BooleanField(_("offer “Other (specify)”"), default=False)
    min_choices = models.PositiveSmallIntegerField(
        _("minimum selections"), null=True, blank=True
    )
    max_choices = models.PositiveSmallIntegerField(
        _("maximum selections"), null=True, blank=True
    )
    max_length = models.PositiveIntegerField(
        _("character limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(ANSWER_TEXT_MAX_LENGTH)],
    )
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(
        _("label of the low end"), max_length=80, blank=True
    )
    scale_max_label = models.CharField(
        _("label of the high end"), max_length=80, blank=True
    )
    number_min = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    number_max = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("show only if the answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    condition_operator = models.CharField(
        _("condition"), max_length=12, choices=Operator, blank=True
    )
    # A choice question's condition names the choice itself, not its wording: the
    # reference follows translation (align_conditions) and survives a rewording.
    condition_choice = models.ForeignKey(
        "Choice",
        verbose_name=_("choice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a choice question: the choice that the answer must be."),
    )
    condition_value = models.CharField(
        _("value"),
        max_length=200,
        blank=True,
        help_text=_("For a yes/no question: yes or no; otherwise, the expected text."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [
                FieldPanel("display"),
                FieldPanel("allow_other"),
                FieldRowPanel([FieldPanel("min_choices"), FieldPanel("max_choices")]),
                FieldPanel("max_length"),
                FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")]),
                FieldRowPanel(
                    [FieldPanel("scale_min_label"), FieldPanel("scale_max_label")]
                ),
                FieldRowPanel([FieldPanel("number_min"), FieldPanel("number_max")]),
                FieldPanel("is_personal"),
            ],
            heading=_("Options of the type"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("condition_question"),
                FieldPanel("condition_operator"),
                FieldPanel("condition_choice"),
                FieldPanel("condition_value"),
            ],
            heading=_("Display condition"),
        ),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice")),
    ]

    CHOICE_KINDS = (
        Kind.SINGLE,
        Kind.MULTIPLE,
        Kind.RANKING,
        Kind.MATRIX,
        Kind.MATRIX_LABELS,
        Kind.MATRIX_MULTIPLE,
    )
    # One question, one answer per row: the rows are its choices.
    MATRIX_KINDS = (Kind.MATRIX, Kind.MATRIX_LABELS, Kind.MATRIX_MULTIPLE)
    # Matrices whose columns are choices marked as columns, not a numeric scale.
    COLUMN_KINDS = (Kind.MATRIX_LABELS, Kind.MATRIX_MULTIPLE)
    LAYOUT_KINDS = (Kind.SECTION, Kind.PAGE_BREAK)

    # A condition is not wording: it follows the survey (see align_conditions).
    override_translatable_fields = [
        SynchronizedField("condition_question"),
        SynchronizedField("condition_choice"),
        SynchronizedField("condition_value"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def is_layout(self):
        return self.kind in self.LAYOUT_KINDS

    @property
    def field_name(self):
        return f"q_{self.translation_key.hex}"

    # Read from `choices.all()` so that a prefetch serves them (flat query counts).
    @property
    def rows(self):
        """The options of a choice question; the rows of a matrix."""
        if self.kind not in self.COLUMN_KINDS:
            return list(self.choices.all())
        return [choice for choice in self.choices.all() if not choice.is_column]

    @property
    def is_multiple_matrix(self):
        return self.kind == self.Kind.MATRIX_MULTIPLE

    @property
    def columns(self):
        """The labelled columns of a matrix (empty for the other kinds)."""
        if self.kind not in self.COLUMN_KINDS:
            return []
        return [choice for choice in self.choices.all() if choice.is_column]

    def clean(self):
        super().clean()
        pairs = [
            ("min_choices", "max_choices"),
            ("scale_min", "scale_max"),
            ("number_min", "number_max"),
        ]
        for low, high in pairs:
            low_value, high_value = getattr(self, low), getattr(self, high)
            both = low_value is not None and high_value is not None
            if both and low_value > high_value:
                raise ValidationError({high: _("Must not be below the minimum.")})
        if self.kind == self.Kind.RATING and self.scale_min not in (0, 1):
            raise ValidationError({"scale_min": _("A scale starts at 0 or 1.")})


class Choice(TranslatableMixin, Orderable):
    """An option of a choice question; for a matrix, a row answered on the scale,
    or, marked as a column, one of the labels a matrix row is answered with."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("label"), max_length=300)
    is_column = models.BooleanField(
        _("column of the matrix"),
        default=False,
        help_text=_(
            "Matrices with labelled columns and multiple-choice matrices: ticked, "
            "this label is a column (“Not at all”, “A little”…); unticked, a row."
        ),
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("is_column")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class Response(models.Model):
    """One person's submission. Counted once confirmed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Counted")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_key = models.UUIDField(_("submission key"), unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.CONFIRMED
    )
    language = models.CharField(_("language"), max_length=7)
    email_hash = models.CharField(max_length=64, blank=True, editable=False)
    consented = models.BooleanField(_("consent given"), default=False)
    created_at = models.DateTimeField(_("received on"), default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    anonymized_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        permissions = [("view_personal_data", _("Can see personal answers"))]
        indexes = [models.Index(fields=["survey", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email_hash"],
                condition=~Q(email_hash=""),
                name="one_response_per_email_per_survey",
            )
        ]

    def __str__(self):
        return f"{self.survey} — {self.created_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    """One value: a choice (one row per selected choice), a text, a number, a date.

    Rankings: one row per ranked choice with its `rank`. Matrices: one row per row
    answered, with `row` and the scale value in `number`; with labelled columns,
    `row` and the column in `choice` (a multiple-choice matrix: one per column ticked).
    """

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers"
    )
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    row = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # TextField ignores max_length in the database: the validator enforces it
    # wherever the model is cleaned; the survey form's limit is never higher.
    text = models.TextField(
        blank=True,
        max_length=ANSWER_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(ANSWER_TEXT_MAX_LENGTH)],
    )
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    date = models.DateField(null=True)
    rank = models.PositiveSmallIntegerField(null=True)
    highlighted = models.BooleanField(_("shown in the public results"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["question", "choice"]),
            models.Index(fields=["question", "number"]),
            models.Index(fields=["question", "row", "number"]),
            # Respondents per question: distinct pairs read in order from the index.
            models.Index(
                fields=["question", "response"], name="consultation_answer_q_resp"
            ),
        ]

    def __str__(self):
        return str(self.text or self.number or self.date or self.choice_id)


class AnswerTag(models.Model):
    """An analyst's label on a free-text answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="tags")
    label = models.CharField(_("tag"), max_length=60)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("answer tag")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "label"], name="unique_tag_per_answer"
            )
        ]

    def __str__(self):
        return self.label


class ConsultationIndexPage(BasePage):
    """Every consultation: upcoming, open, closed, with published results."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultation.ConsultationPage"]
    max_count = 2  # one per language

    class Meta:
        verbose_name = _("consultation index page")

    # What the listing reads (consultation.filters and the page number): each
    # filter state is cached on its own (tests/perf/test_listing_cache.py).
    cache_query_params = ("page", "theme", "organization", "status")

    def get_context(self, request, *args, **kwargs):
        from .views import consultation_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_listing(request, self))
        return context


class ConsultationPage(
    PageImageMixin, RoutablePageMixin, OrganizationOwnedPageMixin, BasePage
):
    class Kind(models.TextChoices):
        SURVEY = "survey", _("Survey")
        OPEN = "open", _("Open consultation")
        TEST = "test", _("User test")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        RESULTS = "results", _("Results published")

    kind = models.CharField(_("type"), max_length=10, choices=Kind, default=Kind.SURVEY)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    opens_at = models.DateTimeField(_("opens on"))
    closes_at = models.DateTimeField(_("closes on"))
    body = StreamField(ConsultationStreamBlock(), blank=True, verbose_name=_("body"))
    contact = models.TextField(_("contact"), blank=True, max_length=500)
    documents = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("documents")
    )
    what_we_heard = RichTextField(
        _("what we heard"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    what_we_will_do = RichTextField(
        _("what we will do"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
    )
    results_published = models.BooleanField(_("results published"), default=False)
    minimum_count = models.PositiveSmallIntegerField(
        _("minimum count shown"),
        default=5,
        help_text=_("Categories with fewer answers are hidden from the public."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("organization")]),
        FieldPanel("themes"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("contact"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("what_we_heard"),
                FieldPanel("what_we_will_do"),
                FieldPanel("results_published"),
                FieldPanel("minimum_count"),
            ],
            heading=_("After closing"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["consultation.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Must be after the opening.")})

    def status_at(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now < self.closes_at:
            return self.Status.OPEN
        return self.Status.RESULTS if self.results_published else self.Status.CLOSED

    @property
    def status(self):
        return self.status_at()

    def get_status_display_now(self):
        return self.Status(self.status).label

    @property
    def reverse_results(self):
        """The results' address in the page's own language (resultats/, results/)."""
        french = self.locale.language_code == "fr"
        return self.reverse_subpage("results_fr" if french else "results_view")

    def localized_subpage(self, name, args, kwargs):
        """A sub-page's path in this page's language (the language switcher's)."""
        if name in ("results_fr", "results_view"):
            return self.reverse_results
        return self.reverse_subpage(name, args, kwargs)

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def survey(self):
        for block in self.body:
            if block.block_type == "survey" and block.value:
                return block.value
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status"] = self.status
        return context

    @path("")
    def survey_view(self, request):
        from .views import answer_survey

        return answer_survey(request, self)

    # Both words answer in both languages: a link shared across languages works.
    @path("resultats/", name="results_fr")
    @path("results/")
    def results_view(self, request):
        from .views import public_results

        return public_results(request, self)

    @path("confirm/")
    def confirm_view(self, request):
        from .views import confirm_response

        # Signed tokens hold ":", which Wagtail's page paths do not accept.
        return confirm_response(request, self, request.GET.get("token", ""))


def new_submission_key():
    return uuid.uuid4()


# The user-testing lab (measure 5) lives in consultation/lab/.
from .lab import models as lab_models  # noqa: E402, F401
