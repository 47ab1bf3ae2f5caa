"""Page search documents: the page's filters and `title || body` in its index row.

PostgreSQL only (SQLite keeps modelsearch's own search: nothing to do there).
Wagtail writes `wagtailsearch_indexentry`; this adds to it:

- `document`, the stored `title || body` the search matches (the very
  expression modelsearch matches), with a GIN index restricted to the rows of
  live pages that are not aliases;
- `page_id`, `locale_id`, `live`, `is_alias`, `path`, `depth`: copied from the
  page when the row is written (trigger on the index table) and whenever the
  page's copy changes (trigger on the page table: publishing, unpublishing,
  moves, conversion to an alias), so that a search filters in the index alone.

Rows of other objects (snippets, images, documents) keep these columns empty.
"""

import django.contrib.postgres.search
from django.db import migrations, models

CREATE = r"""
ALTER TABLE wagtailsearch_indexentry
    ADD COLUMN document tsvector GENERATED ALWAYS AS (title || body) STORED,
    ADD COLUMN page_id integer,
    ADD COLUMN locale_id integer,
    ADD COLUMN live boolean,
    ADD COLUMN is_alias boolean,
    ADD COLUMN path varchar(255),
    ADD COLUMN depth integer;

CREATE FUNCTION numeriqc_indexentry_page() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- No page of that id and type: every column becomes NULL (not a page).
    SELECT p.id, p.locale_id, p.live, p.alias_of_id IS NOT NULL, p.path, p.depth
      INTO NEW.page_id, NEW.locale_id, NEW.live, NEW.is_alias, NEW.path, NEW.depth
      FROM wagtailcore_page p
     WHERE NEW.object_id ~ '^[0-9]{1,9}$'
       AND p.id = NEW.object_id::integer
       AND p.content_type_id = NEW.content_type_id;
    RETURN NEW;
END $$;

CREATE TRIGGER numeriqc_indexentry_page
    BEFORE INSERT OR UPDATE OF object_id, content_type_id ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION numeriqc_indexentry_page();

CREATE FUNCTION numeriqc_page_indexentry() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.content_type_id IS DISTINCT FROM NEW.content_type_id THEN
        UPDATE wagtailsearch_indexentry
           SET page_id = NULL, locale_id = NULL, live = NULL, is_alias = NULL,
               path = NULL, depth = NULL
         WHERE content_type_id = OLD.content_type_id
           AND object_id = OLD.id::text;
    END IF;
    UPDATE wagtailsearch_indexentry
       SET page_id = NEW.id, locale_id = NEW.locale_id, live = NEW.live,
           is_alias = NEW.alias_of_id IS NOT NULL, path = NEW.path,
           depth = NEW.depth
     WHERE content_type_id = NEW.content_type_id
       AND object_id = NEW.id::text;
    RETURN NULL;
END $$;

CREATE TRIGGER numeriqc_page_indexentry
    AFTER UPDATE ON wagtailcore_page
    FOR EACH ROW
    WHEN (
        OLD.live IS DISTINCT FROM NEW.live
        OR OLD.locale_id IS DISTINCT FROM NEW.locale_id
        OR OLD.alias_of_id IS DISTINCT FROM NEW.alias_of_id
        OR OLD.path IS DISTINCT FROM NEW.path
        OR OLD.depth IS DISTINCT FROM NEW.depth
        OR OLD.content_type_id IS DISTINCT FROM NEW.content_type_id
    )
    EXECUTE FUNCTION numeriqc_page_indexentry();

-- Rows written before this migration.
UPDATE wagtailsearch_indexentry e
   SET page_id = p.id, locale_id = p.locale_id, live = p.live,
       is_alias = p.alias_of_id IS NOT NULL, path = p.path, depth = p.depth
  FROM wagtailcore_page p
 WHERE e.object_id ~ '^[0-9]{1,9}$'
   AND p.id = e.object_id::integer
   AND p.content_type_id = e.content_type_id;

CREATE INDEX numeriqc_page_document ON wagtailsearch_indexentry
    USING gin (document) WHERE live AND NOT is_alias;
CREATE INDEX numeriqc_page_document_page ON wagtailsearch_indexentry (page_id);
"""

DROP = """
DROP TRIGGER IF EXISTS numeriqc_page_indexentry ON wagtailcore_page;
DROP TRIGGER IF EXISTS numeriqc_indexentry_page ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS numeriqc_page_indexentry();
DROP FUNCTION IF EXISTS numeriqc_indexentry_page();
DROP INDEX IF EXISTS numeriqc_page_document;
DROP INDEX IF EXISTS numeriqc_page_document_page;
ALTER TABLE wagtailsearch_indexentry
    DROP COLUMN IF EXISTS document,
    DROP COLUMN IF EXISTS page_id,
    DROP COLUMN IF EXISTS locale_id,
    DROP COLUMN IF EXISTS live,
    DROP COLUMN IF EXISTS is_alias,
    DROP COLUMN IF EXISTS path,
    DROP COLUMN IF EXISTS depth;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_text_search_configurations"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageDocument",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("content_type_id", models.IntegerField()),
                ("object_id", models.CharField(max_length=50)),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("body", django.contrib.postgres.search.SearchVectorField()),
                ("title_norm", models.FloatField()),
                (
                    "document",
                    django.contrib.postgres.search.SearchVectorField(null=True),
                ),
                ("locale_id", models.IntegerField(null=True)),
                ("live", models.BooleanField(null=True)),
                ("is_alias", models.BooleanField(null=True)),
                ("path", models.CharField(max_length=255, null=True)),
                ("depth", models.PositiveIntegerField(null=True)),
            ],
            options={
                "verbose_name": "page search document",
                "verbose_name_plural": "page search documents",
                "db_table": "wagtailsearch_indexentry",
                "managed": False,
            },
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
