"""The "Privacy officers" role: it reads the consent log (read-only). Its model
permissions are kept in step by home.roles after every migrate."""

from django.db import migrations

ROLE = "Privacy officers"


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=ROLE)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ROLE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("notifications", "0005_urgent_feedback_topic"),
    ]

    operations = [migrations.RunPython(create_role, remove_role)]
