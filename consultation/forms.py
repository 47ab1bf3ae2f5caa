"""The survey as Django forms: one form per page of the survey, built from questions.

Field names and choice values come from `translation_key`s, so that what a French
respondent typed is understood by the English form and the reverse (resuming in the
other language keeps the answers), and so that answers map to the source rows.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .answer_values import NO, OTHER, YES
from .models import ANSWER_TEXT_MAX_LENGTH, Choice, Question

CONTROL_ALLOWED = {"\n", "\r", "\t"}
DEFAULT_SHORT_LIMIT = 255
DEFAULT_LONG_LIMIT = ANSWER_TEXT_MAX_LENGTH


def reject_control_characters(value):
    if any(
        unicodedata.category(ch) == "Cc" and ch not in CONTROL_ALLOWED for ch in value
    ):
        raise ValidationError(_("Remove the invisible control characters."))


def split_pages(questions):
    """[[question, ...], ...]: the survey cut at its page breaks."""
    pages = [[]]
    for question in questions:
        if question.kind == Question.Kind.PAGE_BREAK:
            if pages[-1]:
                pages.append([])
            continue
        pages[-1].append(question)
    return [page for page in pages if page] or [[]]


def sub_name(question, choice):
    return f"{question.field_name}__{choice.translation_key.hex}"


class Condition:
    """Whether a question is shown, from the raw answers given so far."""

    def __init__(self, questions_by_key):
        self.questions_by_key = questions_by_key

    def shown(self, question, raw):
        if not question.condition_question_id or not question.condition_operator:
            return True
        target = self._target(question)
        if target is None:
            return True
        value = raw.get(target.field_name)
        values = value if isinstance(value, list) else [value] if value else []
        answered = any(str(v).strip() for v in values)
        operator = question.condition_operator
        if operator == Question.Operator.ANSWERED:
            return answered
        if operator == Question.Operator.NOT_ANSWERED:
            return not answered
        matches = self._expected(target, question) in values
        return matches if operator == Question.Operator.EQUALS else not matches

    def describe(self, question):
        """The condition as data attributes for the script that applies it live."""
        if not question.condition_question_id or not question.condition_operator:
            return None
        target = self._target(question)
        if target is None:
            return None
        return {
            "name": target.field_name,
            "operator": question.condition_operator,
            "value": self._expected(target, question),
        }

    def _target(self, question):
        key = getattr(question, "_condition_key", None)
        if key is None:
            key = (
                Question.objects.filter(pk=question.condition_question_id)
                .values_list("translation_key", flat=True)
                .first()
            )
            question._condition_key = key
        return self.questions_by_key.get(key)

    @staticmethod
    def _expected(target, question):
        """The raw value that the condition expects from `target`."""
        if question.condition_choice_id and target.kind in Question.CHOICE_KINDS:
            return _choice_value(target, question.condition_choice_id)
        text = (question.condition_value or "").strip()
        if target.kind == Question.Kind.YES_NO:
            return YES if text.casefold() in {"yes", "oui", "1"} else NO
        if target.kind in Question.CHOICE_KINDS:
            for choice in target.choices.all():
                if choice.label.strip().casefold() == text.casefold():
                    return choice.translation_key.hex
        return text


def _choice_value(target, choice_id):
    """The field value of the choice a condition names: its own choice (aligned on
    save), or, for a condition still pointing at another language, the same key."""
    for choice in target.choices.all():
        if choice.pk == choice_id:
            return choice.translation_key.hex
    key = (
        Choice.objects.filter(pk=choice_id)
        .values_list("translation_key", flat=True)
        .first()
    )
    return key.hex if key else ""


class SurveyPageForm(forms.Form):
    """The questions of one page, given the answers so far (for conditions)."""

    def __init__(self, questions, condition, earlier, *args, last=False, **kwargs):
        self.questions = questions
        self.condition = condition
        super().__init__(*args, **kwargs)
        raw = {**earlier, **self._raw_answers()}
        self.shown = [q for q in questions if condition.shown(q, raw)]
        for question in questions:
            if question.kind != Question.Kind.SECTION:
                self._add_fields(question, question in self.shown)
        self.rows = [self._row(question) for question in questions]

    # Raw values as the browser sent them, keyed by question field name.
    def _raw_answers(self):
        if not self.is_bound:
            return dict(self.initial)
        raw = {}
        for question in self.questions:
            name = question.field_name
            if question.kind == Question.Kind.MULTIPLE:
                raw[name] = self.data.getlist(name)
            elif name in self.data:
                raw[name] = self.data.get(name)
        return raw

    def _add_fields(self, question, shown):
        required = question.required and shown
        common = {
            "label": question.label,
            "help_text": question.help_text,
            "required": required,
        }
        builder = getattr(self, f"_field_{question.kind}")
        builder(question, common)

    def _text(self, question, common, widget, default):
        # A limit stored before the cap existed never exceeds what the model keeps.
        limit = min(question.max_length or default, ANSWER_TEXT_MAX_LENGTH)
        return forms.CharField(
            max_length=limit,
            widget=widget(attrs={"maxlength": limit}),
            validators=[reject_control_characters],
            **common,
        )

    def _field_short_text(self, question, common):
        self.fields[question.field_name] = self._text(
            question, common, forms.TextInput, DEFAULT_SHORT_LIMIT
        )

    def _field_long_text(self, question, common):
        self.fields[question.field_name] = self._text(
            question, common, forms.Textarea, DEFAULT_LONG_LIMIT
        )

    def _choice_options(self, question):
        options = [(c.translation_key.hex, c.label) for c in question.choices.all()]
        if question.allow_other:
            options.append((OTHER, gettext("Other (specify)")))
        return options

    def _other_field(self, question):
        self.fields[f"{question.field_name}_other"] = forms.CharField(
            label=gettext("Specify"),
            required=False,
            max_length=DEFAULT_SHORT_LIMIT,
            validators=[reject_control_characters],
        )

    def _field_single(self, question, common):
        options = self._choice_options(question)
        if question.display == Question.Display.DROPDOWN:
            field = forms.ChoiceField(
                choices=[("", gettext("Choose…")), *options], **common
            )
        else:
            field = forms.ChoiceField(
                choices=options, widget=forms.RadioSelect, **common
            )
        self.fields[question.field_name] = field
        if question.allow_other:
            self._other_field(question)

    def _field_multiple(self, question, common):
        self.fields[question.field_name] = forms.MultipleChoiceField(
            choices=self._choice_options(question),
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
        if question.allow_other:
            self._other_field(question)

    def _scale(self, question):
        return [
            (str(n), str(n)) for n in range(question.scale_min, question.scale_max + 1)
        ]

    def _field_rating(self, question, common):
        self.fields[question.field_name] = forms.ChoiceField(
            choices=self._scale(question), widget=forms.RadioSelect, **common
        )

    def _field_yes_no(self, question, common):
        self.fields[question.field_name] = forms.ChoiceField(
            choices=[(YES, gettext("Yes")), (NO, gettext("No"))],
            widget=forms.RadioSelect,
            **common,
        )

    def _field_number(self, question, common):
        self.fields[question.field_name] = forms.DecimalField(
            min_value=question.number_min,
            max_value=question.number_max,
            max_digits=12,
            decimal_places=2,
            **common,
        )

    def _field_date(self, question, common):
        self.fields[question.field_name] = forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}), **common
        )

    def _field_ranking(self, question, common):
        choices = list(question.choices.all())
        positions = [("", "—")] + [(str(n), str(n)) for n in range(1, len(choices) + 1)]
        for choice in choices:
            self.fields[sub_name(question, choice)] = forms.ChoiceField(
                label=choice.label,
                choices=positions,
                required=common["required"],
            )

    def _field_matrix(self, question, common):
        for row in question.choices.all():
            self.fields[sub_name(question, row)] = forms.ChoiceField(
                label=row.label,
                choices=self._scale(question),
                widget=forms.RadioSelect,
                required=common["required"],
            )

    @staticmethod
    def _columns(question):
        return [(c.translation_key.hex, c.label) for c in question.columns]

    def _field_matrix_label(self, question, common):
        """One answer per row, among the editor's column labels."""
        for row in question.rows:
            self.fields[sub_name(question, row)] = forms.ChoiceField(
                label=row.label,
                choices=self._columns(question),
                widget=forms.RadioSelect,
                required=common["required"],
            )

    def _field_matrix_multi(self, question, common):
        """Any number of columns per row (at most `max_choices`, see the check)."""
        for row in question.rows:
            self.fields[sub_name(question, row)] = forms.MultipleChoiceField(
                label=row.label,
                choices=self._columns(question),
                widget=forms.CheckboxSelectMultiple,
                required=common["required"],
            )

    def _row(self, question):
        """What the template needs to render one question."""
        if question.kind == Question.Kind.RANKING or question.kind in (
            Question.MATRIX_KINDS
        ):
            fields = [self[sub_name(question, c)] for c in question.rows]
        elif question.kind == Question.Kind.SECTION:
            fields = []
        else:
            fields = [self[question.field_name]]
        other = None
        if question.allow_other and f"{question.field_name}_other" in self.fields:
            other = self[f"{question.field_name}_other"]
        return {
            "question": question,
            "fields": fields,
            "other": other,
            "scale": self._scale(question),
            "shown": question in self.shown,
            "condition": self.condition.describe(question),
        }

    def revealed(self, unseen):
        """The questions shown now that the visitor had not seen: hidden when the
        page was drawn (the form posts an `unseen` marker for each, which the
        script disables as it reveals a question live) and shown by the answers
        just sent. Without JavaScript, they must be asked before moving on."""
        unseen = set(unseen)
        return [
            question
            for question in self.shown
            if question.field_name in unseen and not question.is_layout
        ]

    def clean(self):
        cleaned = super().clean()
        self._forget_hidden_errors()
        self._refuse_unknown_fields()
        for question in self.shown:
            check = getattr(self, f"_check_{question.kind}", None)
            if check:
                check(question, cleaned)
        return cleaned

    def _refuse_unknown_fields(self):
        known = {q.field_name for q in self.condition.questions_by_key.values()}
        unknown = [
            name
            for name in self.data
            if name.startswith("q_")
            and name.split("__")[0].removesuffix("_other") not in known
        ]
        if unknown:
            raise ValidationError(
                gettext("This form contains answers to questions it does not ask.")
            )

    def _forget_hidden_errors(self):
        """A question the respondent does not see cannot be wrong."""
        for question in self.questions:
            if question in self.shown:
                continue
            for name in list(self._errors):
                if name.startswith(question.field_name):
                    del self._errors[name]

    def _check_other(self, question, cleaned):
        values = cleaned.get(question.field_name) or []
        values = values if isinstance(values, list) else [values]
        other_name = f"{question.field_name}_other"
        if OTHER in values and not cleaned.get(other_name, "").strip():
            self.add_error(other_name, gettext("Say what you mean by “Other”."))

    def _check_single(self, question, cleaned):
        self._check_other(question, cleaned)

    def _check_multiple(self, question, cleaned):
        self._check_other(question, cleaned)
        count = len(cleaned.get(question.field_name) or [])
        if question.max_choices and count > question.max_choices:
            self.add_error(
                question.field_name,
                gettext("Choose at most %(count)s options.")
                % {"count": question.max_choices},
            )
        if (
            question.min_choices
            and 0 < count < question.min_choices
            or (
                question.required
                and question.min_choices
                and count < question.min_choices
            )
        ):
            self.add_error(
                question.field_name,
                gettext("Choose at least %(count)s options.")
                % {"count": question.min_choices},
            )

    def _check_matrix_multi(self, question, cleaned):
        """Per row: at most `max_choices` columns, at least `min_choices` if any."""
        for row in question.rows:
            name = sub_name(question, row)
            count = len(cleaned.get(name) or [])
            if question.max_choices and count > question.max_choices:
                self.add_error(
                    name,
                    gettext("Choose at most %(count)s options.")
                    % {"count": question.max_choices},
                )
            elif question.min_choices and 0 < count < question.min_choices:
                self.add_error(
                    name,
                    gettext("Choose at least %(count)s options.")
                    % {"count": question.min_choices},
                )

    def _check_ranking(self, question, cleaned):
        names = [sub_name(question, c) for c in question.choices.all()]
        ranks = [cleaned.get(name) for name in names if cleaned.get(name)]
        if len(ranks) != len(set(ranks)):
            self.add_error(names[0], gettext("Give each position only once."))
        elif ranks and sorted(int(r) for r in ranks) != list(range(1, len(ranks) + 1)):
            self.add_error(names[0], gettext("Number the positions from 1 in order."))

    def answers(self):
        """{question: value} for the questions shown, as the services expect them."""
        result = {}
        for question in self.shown:
            value = self._value_of(question)
            if value not in (None, "", [], {}):
                result[question] = value
        return result

    def _value_of(self, question):
        data = self.cleaned_data
        if question.kind in (Question.Kind.RANKING, Question.Kind.MATRIX):
            return {
                choice.translation_key: int(data[sub_name(question, choice)])
                for choice in question.choices.all()
                if data.get(sub_name(question, choice))
            }
        if question.kind in Question.COLUMN_KINDS:
            # {row key: column key} or, ticked several, {row key: [column key]}.
            return {
                row.translation_key: data[sub_name(question, row)]
                for row in question.rows
                if data.get(sub_name(question, row))
            }
        if question.kind == Question.Kind.SECTION:
            return None
        value = data.get(question.field_name)
        if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            return {
                "choices": value
                if isinstance(value, list)
                else [value]
                if value
                else [],
                "other": data.get(f"{question.field_name}_other", "").strip(),
            }
        return value


class FinishForm(forms.Form):
    """The last step: consent, email (email-confirmed surveys) and the honeypot
    (`home.public_post.HONEYPOT`, checked by the view's guard)."""

    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if survey.integrity == survey.Integrity.EMAIL:
            self.fields["email"] = forms.EmailField(
                label=_("Your email address"),
                help_text=_(
                    "We send you a link: your answers count once you click it. "
                    "We keep only a scrambled fingerprint of the address."
                ),
            )
        if survey.asks_personal_data:
            self.fields["consent"] = forms.BooleanField(
                label=consent_label(survey), required=True
            )


def consent_label(survey):
    retention = gettext(
        "Your personal answers are deleted %(days)s days after you send them."
    ) % {"days": survey.retention_days}
    return f"{survey.consent_text.strip()} {retention}".strip()
