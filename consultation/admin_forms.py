"""Admin forms: a survey with answers refuses the edits that would corrupt them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Answer, Choice, Question


def _answered_question_keys(survey):
    if not survey.pk:
        return set()
    return set(
        Answer.objects.filter(question__survey__translation_key=survey.translation_key)
        .values_list("question__translation_key", flat=True)
        .distinct()
    )


def _answered_choice_keys(survey):
    if not survey.pk:
        return set()
    answered = Answer.objects.filter(
        question__survey__translation_key=survey.translation_key
    )
    keys = set(answered.values_list("choice__translation_key", flat=True).distinct())
    keys |= set(answered.values_list("row__translation_key", flat=True).distinct())
    return keys - {None}


# The kinds whose answer a condition can compare with one of their choices.
CONDITION_CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)


def _condition_choices(survey_pk):
    """The choices a condition may name: those of this survey's choice questions,
    each shown after its question ("Question → Choice"), in the survey's order."""
    return (
        Choice.objects.filter(
            question__survey=survey_pk or None,
            question__kind__in=CONDITION_CHOICE_KINDS,
        )
        .select_related("question")
        .order_by("question__sort_order", "question__pk", "sort_order", "pk")
    )


def _choice_label(choice):
    return f"{choice.question.label} → {choice.label}"


class ConditionChoiceSelect(forms.Select):
    """Each choice says its question (`data-question`): the editor's script then
    offers only the choices of the question picked beside it."""

    class Media:
        js = ["consultation/condition_choice.js"]

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-question"] = str(instance.question_id)
        return option


def _offer_conditions(form, questions, choices):
    if "condition_question" in form.fields:
        form.fields["condition_question"].queryset = questions
    if "condition_choice" in form.fields:
        field = form.fields["condition_choice"]
        field.queryset = choices
        field.label_from_instance = _choice_label
        field.widget = ConditionChoiceSelect(attrs=field.widget.attrs)
        field.widget.choices = field.choices


def _with_narrowed_empty_form(formset_class, questions, choices):
    class NarrowedFormSet(formset_class):
        @property
        def empty_form(self):
            form = super().empty_form
            _offer_conditions(form, questions, choices)
            return form

    return NarrowedFormSet


class SurveyForm(WagtailAdminModelForm):
    """Wording fixes are allowed; deleting or retyping answered questions is not.

    A display condition may only depend on an earlier question of the same survey.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = self.formsets.get("questions")
        if questions is None:
            return
        own = Question.objects.filter(survey=self.instance.pk or None)
        choices = _condition_choices(self.instance.pk)
        for form in questions.forms:
            earlier, earlier_choices = own, choices
            if form.instance.pk and not form.is_bound:
                # Shown: the earlier questions. Posted: any of this survey's, as
                # questions may be reordered in the same post (clean() checks).
                earlier = own.filter(sort_order__lt=form.instance.sort_order)
                earlier_choices = choices.filter(
                    question__sort_order__lt=form.instance.sort_order
                )
            _offer_conditions(form, earlier, earlier_choices)
        # The form of a question not added yet (the "add" button's template) is
        # made anew each time it is read: it offers this survey's questions only.
        questions.__class__ = _with_narrowed_empty_form(type(questions), own, choices)

    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        if questions is None:
            return cleaned
        questions.is_valid()  # so that each question form has its cleaned_data
        self._check_conditions(questions)
        for form in questions.forms:
            self._check_matrix_columns(form)
        if not self.instance.pk:
            return cleaned
        answered = _answered_question_keys(self.instance)
        answered_choices = _answered_choice_keys(self.instance)
        for form in questions.forms:
            self._check_question(form, answered, answered_choices)
        return cleaned

    def _check_conditions(self, questions):
        forms = [
            form
            for form in questions.forms
            if not (getattr(form, "cleaned_data", None) or {}).get("DELETE")
        ]
        forms.sort(key=lambda form: (form.cleaned_data or {}).get("ORDER") or 0)
        earlier = set()
        for form in forms:
            condition = (form.cleaned_data or {}).get("condition_question")
            if condition is not None and condition.pk not in earlier:
                form.add_error(
                    "condition_question",
                    _(
                        "A display condition can only depend on a question that "
                        "comes before this one in the same survey."
                    ),
                )
            else:
                self._check_condition_choice(form, condition)
            if form.instance.pk:
                earlier.add(form.instance.pk)

    @staticmethod
    def _check_matrix_columns(form):
        """A matrix with labelled columns has rows and at least two columns."""
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE") or data.get("kind") not in Question.COLUMN_KINDS:
            return
        choices = getattr(form, "formsets", {}).get("choices")
        kept = [
            choice_form.cleaned_data
            for choice_form in (choices.forms if choices else [])
            if (getattr(choice_form, "cleaned_data", None) or {}).get("label")
            and not choice_form.cleaned_data.get("DELETE")
        ]
        columns = sum(1 for choice in kept if choice.get("is_column"))
        if columns < 2 or columns == len(kept):
            form.add_error(
                "kind",
                _(
                    "This matrix needs rows and at least two columns: add its "
                    "labels as choices and tick “column of the matrix” on each "
                    "column."
                ),
            )

    @staticmethod
    def _check_condition_choice(form, condition):
        """A choice question's condition names one of its choices, from the list."""
        data = form.cleaned_data or {}
        choice = data.get("condition_choice")
        compares = data.get("condition_operator") in (
            Question.Operator.EQUALS,
            Question.Operator.NOT_EQUALS,
        )
        if choice is not None and (
            condition is None or choice.question_id != condition.pk
        ):
            form.add_error(
                "condition_choice",
                _("Choose one of the choices of the question the condition reads."),
            )
        elif (
            choice is None
            and compares
            and condition is not None
            and condition.kind in CONDITION_CHOICE_KINDS
        ):
            form.add_error(
                "condition_choice",
                _("Choose the answer that shows this question."),
            )

    def _check_question(self, form, answered, answered_choices):
        question = form.instance
        if not question.pk or question.translation_key not in answered:
            return
        data = getattr(form, "cleaned_data", {}) or {}
        if data.get("DELETE"):
            form.add_error(
                None,
                _(
                    "“%(label)s” has answers and cannot be deleted: the answers "
                    "would be lost. Hide it with a display condition instead."
                )
                % {"label": question.label},
            )
            raise ValidationError(_("This survey has answers: see the errors below."))
        if "kind" in form.changed_data:
            form.add_error(
                "kind",
                _(
                    "This question has answers: changing its type would make them "
                    "meaningless. Add a new question instead."
                ),
            )
        choices = getattr(form, "formsets", {}).get("choices")
        for choice_form in choices.forms if choices else []:
            choice = choice_form.instance
            choice_data = getattr(choice_form, "cleaned_data", {}) or {}
            if (
                choice.pk
                and choice_data.get("DELETE")
                and choice.translation_key in answered_choices
            ):
                choice_form.add_error(
                    None,
                    _("“%(label)s” was chosen in answers and cannot be deleted.")
                    % {"label": choice.label},
                )
                form.add_error(
                    None, _("A choice of this question has answers: see below.")
                )
