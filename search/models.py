"""What people search for, counted per day and language, for the editors' report."""

from django.contrib.postgres.search import SearchVectorField
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


class PageDocument(models.Model):
    """A page's search index row with what the search filters on (PostgreSQL).

    The rows are Wagtail's own index entries (`wagtailsearch_indexentry`); the
    migration 0003 adds to them the stored `title || body` document, indexed, and
    the page's locale, live and alias flags, path and depth, kept up to date by
    triggers on both tables. A search then finds, filters, ranks and counts the
    pages of one language in the index alone, instead of joining every page of
    the language on a text cast of its id (bench/README.md). Read only: Wagtail
    writes the rows, the database fills these columns. No table of its own.
    """

    id = models.AutoField(primary_key=True)
    content_type_id = models.IntegerField()
    object_id = models.CharField(max_length=50)
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField()
    document = SearchVectorField(null=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    locale_id = models.IntegerField(null=True)
    live = models.BooleanField(null=True)
    is_alias = models.BooleanField(null=True)
    path = models.CharField(max_length=255, null=True)
    depth = models.PositiveIntegerField(null=True)

    # Its link to the page is a copy, not a reference an editor made: kept out
    # of Wagtail's usage counts (and the columns do not exist on SQLite).
    wagtail_reference_index_ignore = True

    class Meta:
        managed = False
        db_table = "wagtailsearch_indexentry"
        verbose_name = _("page search document")
        verbose_name_plural = _("page search documents")

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class PromotionTranslation(models.Model):
    """An external-link promotion's title and description in another language.

    Wagtail's search promotion has one text for its external link, written in the
    site's default language; a page promotion takes the title of the page's
    translation, an external link takes its wording from here.
    """

    promotion = models.ForeignKey(
        "wagtailsearchpromotions.SearchPromotion",
        verbose_name=_("promotion"),
        on_delete=models.CASCADE,
        related_name="translations",
        limit_choices_to={"page__isnull": True},
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_text = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    # The search page shows it: a change purges the page cache (numeriqc.pagecache).
    shown_on_public_pages = True

    class Meta:
        verbose_name = _("translation of a search promotion")
        verbose_name_plural = _("translations of search promotions")
        constraints = [
            models.UniqueConstraint(
                fields=["promotion", "locale"],
                name="unique_promotion_translation_per_locale",
            )
        ]

    def __str__(self):
        return self.link_text
