from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="organizations",
            field=models.ManyToManyField(
                blank=True,
                help_text="The organizations this person works for: they see and edit only their content and data.",
                related_name="members",
                to="home.organization",
                verbose_name="organizations",
            ),
        ),
    ]
