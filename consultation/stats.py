"""Figures offered to the Baromètre and the open-data catalogue (counted in SQL)."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from .models import ConsultationPage, Response


def _held():
    """Live consultations that have opened, one per consultation (source language)."""
    return ConsultationPage.objects.live().filter(
        opens_at__lte=timezone.now(), locale__language_code=settings.LANGUAGE_CODE
    )


def consultations_held():
    return _held().count()


def responses_received():
    return Response.objects.filter(status=Response.Status.CONFIRMED).count()


def last_response():
    return Response.objects.aggregate(last=Max("created_at"))["last"]


def published_result_rows():
    """One row per (consultation, question, answer) above the minimum count."""
    from . import results

    pages = (
        _held()
        .filter(results_published=True, closes_at__lte=timezone.now())
        .select_related("organization")
        .order_by("closes_at", "pk")
    )
    for page in pages.iterator():
        survey = page.survey
        if survey is None:
            continue
        items = results.survey_results(survey, minimum=page.minimum_count, charts=False)
        for item in items:
            for answer, count, _percent in _countable(item):
                yield {
                    "consultation": page.title,
                    "organization": str(page.organization or ""),
                    "closed_on": timezone.localtime(page.closes_at).date(),
                    "question": item.question.label,
                    "answer": answer,
                    "count": count,
                    "respondents": item.respondents,
                }


def _countable(item):
    if item.is_text or item.question.kind == "ranking":
        return []
    rows = list(item.rows)
    for label, cells in item.matrix:
        for value, count in zip(item.scale, cells, strict=False):
            if count:
                rows.append((f"{label}: {value}", count, None))
    return rows
