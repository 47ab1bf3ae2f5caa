"""Staff roles. The groups are created by a migration (home 0002); their model
permissions are kept in step here after every `migrate`, so that a permission
added by a later feature reaches its role without another data migration.

Feature apps add their own permissions to a role with the
"numeriqc_role_permissions" hook: a function returning
{"Analysts": ["consultation.view_response", ...]}.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail import hooks

EDITORS = "Editors"
REVIEWERS = "Reviewers"
# Reviewers of every organization's pages (a reviewer is otherwise scoped to the
# organizations they belong to, like any member; home/scoping.py).
PLATFORM_REVIEWERS = "Platform reviewers"
ANALYSTS = "Analysts"
ADMINISTRATORS = "Administrators"

_CONTENT = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtail_localize.submit_translation",
]

_REFERENCE_DATA = ["home.view_organization", "home.view_theme"]

ROLE_PERMISSIONS = {
    EDITORS: [*_CONTENT, *_REFERENCE_DATA],
    REVIEWERS: [
        *_CONTENT,
        *_REFERENCE_DATA,
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
        "home.change_sitesettings",
    ],
    ANALYSTS: ["wagtailadmin.access_admin"],
}
ROLE_PERMISSIONS[PLATFORM_REVIEWERS] = ROLE_PERMISSIONS[REVIEWERS]


def role_permissions():
    roles = {role: set(codenames) for role, codenames in ROLE_PERMISSIONS.items()}
    for hook in hooks.get_hooks("numeriqc_role_permissions"):
        for role, codenames in hook().items():
            roles.setdefault(role, set()).update(codenames)
    return roles


def _permissions(dotted_names):
    wanted = {tuple(name.split(".", 1)) for name in dotted_names}
    return [
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]


def sync_role_permissions(**kwargs):
    """Give each role the permissions declared for it (post_migrate handler)."""
    app_config = kwargs.get("app_config")
    if app_config is not None:
        # This handler is connected before django.contrib.auth's (home comes
        # first in INSTALLED_APPS), so the last app's permissions are not created
        # yet when it runs: create them now (idempotent), or the first `migrate`
        # leaves Administrators without them.
        create_permissions(
            app_config, verbosity=0, using=kwargs.get("using", "default")
        )
    groups = {group.name: group for group in Group.objects.all()}
    for role, dotted_names in role_permissions().items():
        if role in groups:
            groups[role].permissions.add(*_permissions(dotted_names))
    if ADMINISTRATORS in groups:
        groups[ADMINISTRATORS].permissions.set(Permission.objects.all())
