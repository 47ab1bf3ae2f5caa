# The surveys and the user-testing lab were written side by side; this joins them.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
        ("consultation", "0050_lab_panel_and_studies"),
    ]

    operations = []
