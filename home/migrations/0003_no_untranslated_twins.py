"""English is no longer synchronised from French: synchronisation made a live alias
(French text on the English site) of every new French page. Existing aliases in
another language than their source become drafts, waiting for their translation."""

from django.db import migrations
from django.db.models import F


def stop_synchronising(apps, schema_editor):
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    Page = apps.get_model("wagtailcore", "Page")
    LocaleSynchronization.objects.all().delete()
    Page.objects.filter(alias_of__isnull=False, live=True).exclude(
        locale=F("alias_of__locale")
    ).update(live=False, has_unpublished_changes=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_roles_and_locales"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(stop_synchronising, migrations.RunPython.noop)]
