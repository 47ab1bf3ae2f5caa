"""One consultation in two languages is one state.

Only wording is translated. Dates, status, the integrity mode and every other
setting come from the source (the French page or survey): they are copied to its
translations when the source is published or saved, and taken back from the source
when a translation is published, so that an English draft saved while the
consultation was open cannot reopen it.
"""

from home.models import Organization

# Settings of a consultation page that are not wording.
PAGE_SETTINGS = ("kind", "opens_at", "closes_at", "results_published", "minimum_count")
SURVEY_SETTINGS = ("integrity", "retention_days")
QUESTION_SETTINGS = (
    "kind",
    "required",
    "is_personal",
    "display",
    "allow_other",
    "min_choices",
    "max_choices",
    "max_length",
    "scale_min",
    "scale_max",
    "number_min",
    "number_max",
    "condition_operator",
    "sort_order",
)


def source_page(page):
    """The page in its original language: the oldest real (not alias) translation."""
    model = type(page)
    return (
        model.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        )
        .order_by("pk")
        .first()
    ) or page


def _local_organization(organization, locale_id):
    """The same organization in the row's language (its own row if not translated)."""
    if organization is None:
        return None
    return (
        Organization.objects.filter(
            translation_key=organization.translation_key, locale_id=locale_id
        ).first()
        or organization
    )


def _shared(source, names, locale_id):
    values = {name: getattr(source, name) for name in names}
    if hasattr(source, "organization_id"):
        values["organization"] = _local_organization(source.organization, locale_id)
    return values


def share_page_settings(sender, instance, **kwargs):
    """page_published: the source gives its settings to its translations, and a
    translation takes them from its source."""
    from .models import ConsultationPage

    if not isinstance(instance, ConsultationPage) or instance.alias_of_id:
        return
    source = source_page(instance)
    if source.pk == instance.pk:
        targets = ConsultationPage.objects.filter(
            translation_key=source.translation_key
        ).exclude(pk=source.pk)
    else:
        targets = [instance]
    for target in targets:
        values = _shared(source, PAGE_SETTINGS, target.locale_id)
        body = _body_with_source_survey(source, target)
        if body is not None:
            values["body"] = body
        ConsultationPage.objects.filter(pk=target.pk).update(**values)
        _share_themes(source, target)
        if target is instance:
            for name, value in values.items():
                setattr(instance, name, value)


def _local_row(row, locale_id):
    """The translation of a translatable row in a language, or the row itself."""
    return (
        type(row)
        .objects.filter(translation_key=row.translation_key, locale_id=locale_id)
        .first()
        or row
    )


def _share_themes(source, target):
    """The translation's themes are the source's, each in the translation's
    language (written to the relation: the page row has no column for them)."""
    through = type(source).themes.through
    wanted = {_local_row(theme, target.locale_id).pk for theme in source.themes.all()}
    rows = through.objects.filter(consultationpage_id=target.pk)
    if set(rows.values_list("theme_id", flat=True)) == wanted:
        return
    rows.delete()
    through.objects.bulk_create(
        through(consultationpage_id=target.pk, theme_id=pk) for pk in sorted(wanted)
    )


def _body_with_source_survey(source, target):
    """The translation's body, its survey blocks showing the source's survey in the
    translation's language; None when nothing changes.

    The survey is not wording: swapping it in the French body swaps it in the
    English one, without waiting for a new translation round.
    """
    survey = source.survey
    if survey is None:
        return None
    local = _local_row(survey, target.locale_id)
    body = target.body
    positions = [i for i, block in enumerate(body) if block.block_type == "survey"]
    if not positions:
        body.append(("survey", local))
        return body
    if all(body[i].value == local for i in positions):
        return None
    for i in positions:
        body[i] = ("survey", local)
    return body


def share_survey_settings(survey):
    """After a survey is saved: the same, for the survey and its questions."""
    from .models import Question, Survey

    source = survey.source
    if source.pk == survey.pk:
        targets = list(
            Survey.objects.filter(translation_key=survey.translation_key).exclude(
                pk=survey.pk
            )
        )
    else:
        targets = [survey]
    source_questions = list(source.questions.all())
    for target in targets:
        values = _shared(source, SURVEY_SETTINGS, target.locale_id)
        Survey.objects.filter(pk=target.pk).update(**values)
        if target is survey:
            for name, value in values.items():
                setattr(survey, name, value)
        for question in source_questions:
            Question.objects.filter(
                survey=target, translation_key=question.translation_key
            ).update(**{name: getattr(question, name) for name in QUESTION_SETTINGS})
