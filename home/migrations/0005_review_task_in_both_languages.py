"""The review workflow's task becomes a ReviewTask (the author may still save a
draft while the page waits), and the workflow and its task are named in both
languages: Wagtail shows them as stored, and editors work in French or English."""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "Relecture avant publication / Review before publishing"
TASK_NAME = "Approbation par un réviseur / Reviewer approval"


REVIEWER_PAGE_ACTIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


def create_platform_reviewers(apps, schema_editor):
    """Reviewers of every organization's pages, with the reviewers' page rights."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    group, _ = Group.objects.get_or_create(name="Platform reviewers")
    root = Page.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    for codename in REVIEWER_PAGE_ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )
        if root is not None:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def use_review_task(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ReviewTask = apps.get_model("home", "ReviewTask")

    workflow = Workflow.objects.filter(name="Review before publishing").first()
    if workflow is None:
        return
    workflow.name = WORKFLOW_NAME
    workflow.save()
    task_type, _ = ContentType.objects.get_or_create(
        app_label="home", model="reviewtask"
    )
    task = ReviewTask.objects.create(
        name=TASK_NAME, content_type=task_type, active=True
    )
    task.groups.set(Group.objects.filter(name__in=["Reviewers", "Platform reviewers"]))
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # The old task stays active: pages already in review finish on it.


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("home", "0004_site_settings_privacy_and_accessibility_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "review by a group of reviewers",
                "verbose_name_plural": "reviews by a group of reviewers",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(create_platform_reviewers, migrations.RunPython.noop),
        migrations.RunPython(use_review_task, migrations.RunPython.noop),
    ]
