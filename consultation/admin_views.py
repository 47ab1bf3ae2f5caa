"""Admin report views for analysts: results, cross-tabs, free text, themes, exports.

Every view is scoped to the user's organizations (home.scoping) and needs the
"view response" permission (Analysts, Editors, Administrators).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from home.exports import stream_csv_lines, stream_json, stream_xlsx
from home.scoping import scope_queryset

from . import exports, results, themes
from .forms import reject_control_characters
from .models import Answer, AnswerTag, Choice, Question, Response, Survey, source_row

TEXT_PER_PAGE = 50


def scoped_surveys(user):
    """Source-language surveys of the user's organizations."""
    firsts = Survey.objects.values("translation_key").annotate(first=Min("pk"))
    surveys = Survey.objects.filter(pk__in=firsts.values("first"))
    return scope_queryset(surveys, user, "organization")


def in_user_language(survey):
    """The survey in the admin user's language when translated."""
    language = translation.get_language()
    translated = Survey.objects.filter(
        translation_key=survey.translation_key, locale__language_code=language
    ).first()
    return translated or survey


class ReportMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = Response
    permission_required = "view"
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("consultation_reports"),
                "label": _("Consultation results"),
            },
        ]

    @cached_property
    def survey(self):
        survey = get_object_or_404(
            scoped_surveys(self.request.user), pk=self.kwargs["pk"]
        )
        return survey

    @cached_property
    def survey_in_language(self):
        return in_user_language(self.survey)


class ReportIndexView(ReportMixin, TemplateView):
    template_name = "consultation/admin/report_index.html"
    page_title = gettext_lazy("Consultation results")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counted = Count(
            "responses", filter=Q(responses__status=Response.Status.CONFIRMED)
        )
        context["surveys"] = (
            scoped_surveys(self.request.user)
            .select_related("organization")
            .annotate(counted=counted)
            .order_by("title")
        )
        return context


class CrossTabForm(forms.Form):
    """Show every result only for respondents who gave one answer to one question."""

    by = forms.TypedChoiceField(
        label=gettext_lazy("Only respondents who answered"), required=False, coerce=str
    )

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = [("", _("All respondents"))]
        for question in survey.questions.filter(
            kind__in=[Question.Kind.SINGLE, Question.Kind.MULTIPLE]
        ).prefetch_related("choices"):
            group = [
                (f"c{choice.pk}", choice.label) for choice in question.choices.all()
            ]
            options.append((question.label, group))
        for question in survey.questions.filter(
            kind__in=[Question.Kind.YES_NO, Question.Kind.RATING]
        ):
            values = (
                [(1, _("Yes")), (0, _("No"))]
                if question.kind == Question.Kind.YES_NO
                else [
                    (n, str(n))
                    for n in range(question.scale_min, question.scale_max + 1)
                ]
            )
            group = [(f"n{question.pk}:{value}", label) for value, label in values]
            options.append((question.label, group))
        self.fields["by"].choices = options

    def filter_by(self, survey):
        """(question, value) for results.counted, or None."""
        if not self.is_valid() or not self.cleaned_data["by"]:
            return None
        code = self.cleaned_data["by"]
        if code.startswith("c"):
            choice = (
                Choice.objects.filter(pk=int(code[1:]), question__survey=survey)
                .select_related("question")
                .first()
            )
            return (choice.question, choice) if choice else None
        question_id, value = code[1:].split(":")
        question = survey.questions.filter(pk=int(question_id)).first()
        return (question, int(value)) if question else None


class SurveyReportView(ReportMixin, TemplateView):
    template_name = "consultation/admin/report.html"

    def get_page_title(self):
        return _("Results: %(title)s") % {"title": self.survey_in_language.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = self.survey_in_language
        form = CrossTabForm(survey, self.request.GET or None)
        filter_by = form.filter_by(survey)
        points = results.responses_over_time(survey, filter_by)
        context.update(
            {
                "survey": survey,
                "source": self.survey,
                "form": form,
                "total": results.counted(survey, filter_by).count(),
                "over_time": results.over_time_chart(points) if points else None,
                "results": results.survey_results(survey, filter_by),
                "query": self.request.GET.urlencode(),
            }
        )
        return context


class TagForm(forms.Form):
    answer = forms.IntegerField(widget=forms.HiddenInput)
    tag = forms.CharField(
        label=gettext_lazy("Tag"),
        max_length=60,
        required=False,
        validators=[reject_control_characters],
    )
    action = forms.ChoiceField(
        choices=[("tag", "tag"), ("untag", "untag"), ("highlight", "highlight")]
    )


class TextAnswersView(ReportMixin, TemplateView):
    """Free-text answers of one question: search, tags, themes, highlights."""

    template_name = "consultation/admin/text_answers.html"

    @cached_property
    def question(self):
        question = get_object_or_404(
            Question, pk=self.kwargs["question_pk"], survey=self.survey
        )
        translated = Question.objects.filter(
            translation_key=question.translation_key,
            survey=self.survey_in_language,
        ).first()
        return translated or question

    def get_page_title(self):
        return self.question.label

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("consultation_report", args=[self.survey.pk]),
                "label": self.survey_in_language.title,
            },
            {"url": "", "label": self.question.label},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "")[:200]
        tag = self.request.GET.get("tag", "")[:60]
        source_question = source_row(self.question)
        rows = (
            Answer.objects.filter(
                question=source_question, response__status=Response.Status.CONFIRMED
            )
            .exclude(text="")
            .values_list("pk", "text")
            .iterator(chunk_size=2000)
        )
        found = themes.find_themes(rows)
        answers = results.text_answers(self.question, search, tag)
        theme = next(
            (t for t in found if t.term == self.request.GET.get("theme")), None
        )
        if theme is not None:
            answers = answers.filter(pk__in=theme.answer_ids)
        page = Paginator(answers, TEXT_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            {
                "question": self.question,
                "page_obj": page,
                "answers": page,
                "search": search,
                "tag": tag,
                "themes": found,
                "theme": theme,
                "tags": AnswerTag.objects.filter(answer__question=source_question)
                .values("label")
                .annotate(n=Count("id"))
                .order_by("-n", "label"),
                "can_change": self.request.user.has_perm("consultation.change_answer"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("consultation.change_answer"):
            raise PermissionDenied
        form = TagForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The tag could not be saved."))
            return redirect(request.get_full_path())
        answer = get_object_or_404(
            Answer, pk=form.cleaned_data["answer"], question=source_row(self.question)
        )
        label = form.cleaned_data["tag"].strip()
        action = form.cleaned_data["action"]
        if action == "highlight":
            Answer.objects.filter(pk=answer.pk).update(
                highlighted=not answer.highlighted
            )
        elif action == "tag" and label:
            AnswerTag.objects.get_or_create(
                answer=answer, label=label, defaults={"created_by": request.user}
            )
        elif action == "untag":
            AnswerTag.objects.filter(answer=answer, label=label).delete()
        messages.success(request, _("Saved."))
        return redirect(request.get_full_path())


def export_responses(request, pk, file_format):
    if not request.user.has_perm("consultation.view_response"):
        raise PermissionDenied
    survey = get_object_or_404(scoped_surveys(request.user), pk=pk)
    if file_format not in {"csv", "xlsx", "json"}:
        raise Http404
    survey_in_language = in_user_language(survey)
    questions = exports.columns(survey_in_language, request.user)
    header = exports.header(questions)
    stamp = timezone.localdate().isoformat()
    name = f"{_('responses')}-{survey.pk}-{stamp}"
    if file_format == "csv":
        lines = exports.csv_lines(survey, questions, header)
        return stream_csv_lines(f"{name}.csv", lines)
    rows = exports.rows(survey, questions)
    if file_format == "xlsx":
        return stream_xlsx(f"{name}.xlsx", header, rows, sheet_title=_("Responses"))
    keys = [str(cell) for cell in header]
    records = (dict(zip(keys, row, strict=False)) for row in rows)
    return stream_json(f"{name}.json", records, attachment=True)
