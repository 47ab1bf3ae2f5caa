"""PostgreSQL text search configurations per language, with accents folded.

`numeriqc_fr` and `numeriqc_en` copy the built-in `french` and `english` ones and
pass every word through `unaccent` before stemming, so "ecole" finds "école".
`pg_trgm` and the immutable `f_unaccent()` serve the spelling-tolerant search.
Other databases (SQLite) have no text search configurations: nothing to do.
"""

from django.db import migrations

LANGUAGES = {
    "numeriqc_fr": ("french", "french_stem"),
    "numeriqc_en": ("english", "english_stem"),
}

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$;
"""

CONFIGURATION = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};
CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
ALTER TEXT SEARCH CONFIGURATION {name}
    ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart
    WITH public.unaccent, {stem};
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [CREATE] + [
        CONFIGURATION.format(name=name, base=base, stem=stem)
        for name, (base, stem) in LANGUAGES.items()
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in LANGUAGES:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_query_statistics")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
