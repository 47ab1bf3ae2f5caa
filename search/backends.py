"""Search backends that each index only the objects of one locale.

All database backends share one index table with one row per object (Wagtail
issue #9253): a French backend and an English backend indexing everything would
overwrite each other's rows, each with its own stemming. Here each backend skips
the objects of other locales, so the row of a French page is always built with
the French configuration and the row of an English page with the English one.
Objects without a locale (images, documents) go to the backend marked
`INDEX_UNLOCALISED` (the default one).
"""

from functools import cache

from django.db import connection


def _language_codes(locale_ids):
    from wagtail.models import Locale

    return dict(
        Locale.objects.filter(pk__in=set(locale_ids)).values_list("pk", "language_code")
    )


class LocaleFilteredIndexMixin:
    """Keeps out of this backend's index the objects of other languages."""

    def _kept(self, objs):
        locale_ids = [getattr(obj, "locale_id", None) for obj in objs]
        codes = _language_codes(i for i in locale_ids if i is not None)
        backend = self.backend
        for obj, locale_id in zip(objs, locale_ids, strict=True):
            if locale_id is None:
                if backend.index_unlocalised:
                    yield obj
            elif codes.get(locale_id) == backend.locale:
                yield obj

    def add_item(self, obj):
        if list(self._kept([obj])):
            super().add_item(obj)

    def add_items(self, model, objs):
        kept = list(self._kept(list(objs)))
        if kept:
            super().add_items(model, kept)


class LocaleBackendMixin:
    """Reads LOCALE and INDEX_UNLOCALISED, and filters what the index receives."""

    def __init__(self, params):
        params = dict(params)
        self.locale = params.pop("LOCALE", None)
        self.index_unlocalised = params.pop("INDEX_UNLOCALISED", True)
        super().__init__(params)
        if self.locale is not None:
            self.index_class = _filtered(self.index_class)


@cache
def _filtered(index_class):
    name = f"Locale{index_class.__name__}"
    return type(name, (LocaleFilteredIndexMixin, index_class), {})


@cache
def _with_locale(backend_class):
    name = f"Locale{backend_class.__name__}"
    return type(name, (LocaleBackendMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for)
    """PostgreSQL: the per-language backend; elsewhere, the plain database one."""
    if connection.vendor != "postgresql":
        from modelsearch.backends.database import SearchBackend as DatabaseBackend

        params = {
            key: value
            for key, value in params.items()
            if key not in {"LOCALE", "INDEX_UNLOCALISED", "SEARCH_CONFIG"}
        }
        return DatabaseBackend(params)
    return _postgres_backend_class()(params)


@cache
def _postgres_backend_class():
    from django.db.models import Q
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import PlainText

    class PrefilteredQueryCompiler(PostgresSearchQueryCompiler):
        """Adds a condition the GIN indexes can answer before the exact one.

        The backend matches `title || body` against the query: a concatenation no
        index covers, so PostgreSQL computes it for every row of the locale. Any
        match has at least one of the words in its title or its body, which the
        GIN indexes of both columns find at once: a rare word then costs a few
        rows instead of all of them (bench/README.md).
        """

        def search(self, config, start, stop, score_field=None, backend=None):
            prefilter = isinstance(self.query, PlainText) and self.fields is None
            if prefilter and not getattr(self, "_prefiltered", False):
                self._prefiltered = True
                any_word = PlainText(self.query.query_string, operator="or")
                tsquery = self.build_tsquery(any_word, config=config)
                if tsquery is not None:
                    self.queryset = self.queryset.filter(
                        Q(index_entries__title=tsquery) | Q(index_entries__body=tsquery)
                    )
            return super().search(config, start, stop, score_field, backend)

    class LocalePostgresSearchBackend(LocaleBackendMixin, PostgresSearchBackend):
        query_compiler_class = PrefilteredQueryCompiler

    return LocalePostgresSearchBackend


def LocaleOpenSearchBackend(params):  # noqa: N802 (a backend factory, like above)
    from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

    return _with_locale(OpenSearch3SearchBackend)(params)
