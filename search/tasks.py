"""Search tasks: counting queries for the editors' report (safe to run twice-ish:
a count is a count; a lost one is harmless)."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def record_query(query, language, result_count):
    services.record_query(query, language, result_count)
