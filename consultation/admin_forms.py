"""Admin forms: a survey with answers refuses the edits that would corrupt them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Answer, Question


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


def _offer_conditions(form, questions):
    if "condition_question" in form.fields:
        form.fields["condition_question"].queryset = questions


def _with_narrowed_empty_form(formset_class, questions):
    class NarrowedFormSet(formset_class):
        @property
        def empty_form(self):
            form = super().empty_form
            _offer_conditions(form, questions)
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
        for form in questions.forms:
            earlier = own
            if form.instance.pk and not form.is_bound:
                # Shown: the earlier questions. Posted: any of this survey's, as
                # questions may be reordered in the same post (clean() checks).
                earlier = own.filter(sort_order__lt=form.instance.sort_order)
            _offer_conditions(form, earlier)
        # The form of a question not added yet (the "add" button's template) is
        # made anew each time it is read: it offers this survey's questions only.
        questions.__class__ = _with_narrowed_empty_form(type(questions), own)

    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        if questions is None:
            return cleaned
        questions.is_valid()  # so that each question form has its cleaned_data
        self._check_conditions(questions)
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
            if form.instance.pk:
                earlier.add(form.instance.pk)

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
