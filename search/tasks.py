"""Search tasks: counting queries for the editors' report.

Not retried: a count lost when the broker fails is harmless for a frequency
report, a count doubled by a retry would not be.
"""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def record_query(query, language, result_count):
    services.record_query(query, language, result_count)
