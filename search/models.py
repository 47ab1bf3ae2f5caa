"""What people search for, counted per day and language, for the editors' report."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryDay(models.Model):
    """How often a normalised query was searched on one day, and found nothing.

    One row per (query, language, day), incremented in SQL (no read-modify-write),
    so that concurrent searches never lose a count.
    """

    query_string = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    day = models.DateField(_("day"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(
        _("searches without results"), default=0
    )

    class Meta:
        verbose_name = _("search query per day")
        verbose_name_plural = _("search queries per day")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language", "day"],
                name="unique_search_query_per_language_and_day",
            )
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.query_string} ({self.language}, {self.day})"
