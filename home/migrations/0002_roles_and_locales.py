"""Locales (French by default, English synchronised from it), staff roles and the
"review before publishing" workflow."""

from django.db import migrations

PAGE_ACTIONS = {
    "Editors": ["add_page", "change_page"],
    "Reviewers": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
    "Administrators": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    LocaleSynchronization.objects.get_or_create(
        locale=english, defaults={"sync_from": french}
    )


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    # Wagtail ships "Moderators"; this platform calls them reviewers.
    Group.objects.filter(name="Moderators").update(name="Reviewers")
    for name in ["Editors", "Reviewers", "Analysts", "Administrators"]:
        Group.objects.get_or_create(name=name)

    root = Page.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    for group_name, codenames in PAGE_ACTIONS.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    reviewers = Group.objects.get(name="Reviewers")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Reviewer approval", content_type=task_type, active=True
        )
    else:
        task.name = "Reviewer approval"
        task.save()
    task.groups.set([reviewers])

    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Review before publishing", active=True)
    else:
        workflow.name = "Review before publishing"
        workflow.save()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    root = Page.objects.filter(depth=1).first()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_locales, migrations.RunPython.noop),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
