"""Accent- and case-insensitive matching in the database, on SQLite as on
PostgreSQL: "donnees" finds "Données", "impots" matches "impôts".

PostgreSQL folds with the immutable `f_unaccent()` that the search app's
migration creates; SQLite calls `fold()` below, registered on every new
connection (see HomeConfig.ready).
"""

import unicodedata

from django.db.models import Func, TextField

SQLITE_FUNCTION = "numeriqc_fold"


def fold(text):
    """Lower case, without accents: "Données" -> "donnees"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Folded(Func):
    """An expression's text folded like `fold()`, for filters and annotations."""

    function = SQLITE_FUNCTION
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="f_unaccent(lower(%(expressions)s))",
            **extra_context,
        )


def register_sqlite_fold(sender, connection, **kwargs):
    """connection_created receiver: teach each SQLite connection `numeriqc_fold`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FUNCTION, 1, fold, deterministic=True
        )
