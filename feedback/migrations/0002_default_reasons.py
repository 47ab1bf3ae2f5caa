"""The reasons offered after "Yes" and after "No" on a new site; editors change them."""

from django.db import migrations

REASONS = [
    # found, French, English
    (True, "L’information était claire", "The information was clear"),
    (True, "J’ai trouvé rapidement", "I found it quickly"),
    (True, "La page était facile à utiliser", "The page was easy to use"),
    (True, "Autre raison", "Another reason"),
    (
        False,
        "L’information est introuvable ou absente",
        "The information is missing or hard to find",
    ),
    (
        False,
        "L’information est difficile à comprendre",
        "The information is hard to understand",
    ),
    (
        False,
        "L’information est erronée ou périmée",
        "The information is wrong or out of date",
    ),
    (
        False,
        "Problème technique (lien brisé, erreur)",
        "Technical problem (broken link, error)",
    ),
    (False, "Autre raison", "Another reason"),
]


def add_reasons(apps, schema_editor):
    FeedbackReason = apps.get_model("feedback", "FeedbackReason")
    if FeedbackReason.objects.exists():
        return
    FeedbackReason.objects.bulk_create(
        FeedbackReason(found=found, label_fr=fr, label_en=en, sort_order=order)
        for order, (found, fr, en) in enumerate(REASONS)
    )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(add_reasons, migrations.RunPython.noop)]
