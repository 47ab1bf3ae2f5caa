from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from tests.factories import UserFactory


def page_actions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


def test_roles_exist_as_groups(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Reviewers", "Analysts", "Administrators"} <= names
    assert "Moderators" not in names


def test_editors_write_and_reviewers_publish(db):
    assert page_actions("Editors") == {"add_page", "change_page"}
    assert {"publish_page", "change_page"} <= page_actions("Reviewers")


def test_every_page_goes_through_review_before_publishing(db):
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == "Relecture avant publication / Review before publishing"
    task = workflow.tasks.get().specific
    reviewers = set(task.groups.values_list("name", flat=True))
    assert reviewers == {"Platform reviewers", "Reviewers"}
    # The author may still save a draft while the page waits (issue 16).
    assert type(task).__name__ == "ReviewTask"
    assert task.name == "Approbation par un réviseur / Reviewer approval"


def test_an_editor_cannot_publish_but_a_reviewer_can(site_tree):
    editor = UserFactory(groups=["Editors"])
    reviewer = UserFactory(groups=["Reviewers"])
    assert site_tree.fr.permissions_for_user(editor).can_edit()
    assert not site_tree.fr.permissions_for_user(editor).can_publish()
    assert site_tree.fr.permissions_for_user(reviewer).can_publish()


def test_administrators_hold_every_model_permission(db):
    admin = UserFactory(groups=["Administrators"])
    assert admin.has_perm("home.change_organization")
    assert admin.has_perm("wagtailusers.add_userprofile") or admin.has_perm(
        "users.add_user"
    )


def test_analysts_reach_the_admin_but_cannot_edit_pages(site_tree):
    analyst = UserFactory(groups=["Analysts"])
    assert analyst.has_perm("wagtailadmin.access_admin")
    assert not site_tree.fr.permissions_for_user(analyst).can_edit()


def test_the_first_migrate_gives_administrators_every_permission_sessions_too(db):
    """The test database is built by one `migrate` (on SQLite): the permissions of
    the last app migrated (sessions) are there after the first run, not the second."""
    from django.contrib.auth.models import Permission

    administrators = Group.objects.get(name="Administrators")
    held = set(
        administrators.permissions.values_list("content_type__app_label", flat=True)
    )
    assert "sessions" in held
    assert administrators.permissions.count() == Permission.objects.count()
