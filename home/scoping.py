"""Organization scoping: the one place that decides what a staff member may see.

An organization editor, analyst or researcher works only on the content and data of
the organizations they belong to. Administrators (superusers and members of the
"Administrators" group) see everything. Organizations are translatable, so the French
and English rows of one organization share a `translation_key`: scoping compares
keys, never row ids, and a user's membership covers both languages.

Feature apps use three things from here:
- `scope_queryset(queryset, user, "organization")` on every admin list, export and
  dashboard queryset (the path may cross relations: "page__organization");
- `user_can_access(user, organization)` before acting on one object;
- `OrganizationOwnedPageMixin` on page models that belong to an organization.
"""

from django.db.models import Q
from wagtail.models import PagePermissionTester

ADMINISTRATORS_GROUP = "Administrators"


def is_platform_admin(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_numeriqc_is_admin", None)
    if cached is None:
        cached = user.groups.filter(name=ADMINISTRATORS_GROUP).exists()
        user._numeriqc_is_admin = cached
    return cached


PLATFORM_REVIEWERS_GROUP = "Platform reviewers"


def reviews_every_organization(user):
    """Platform reviewers review (and publish) the pages of every organization.
    A member of "Reviewers" reviews the pages of their organizations only, like any
    member; one without organization, the pages of no organization."""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_numeriqc_reviews_all", None)
    if cached is None:
        cached = user.groups.filter(name=PLATFORM_REVIEWERS_GROUP).exists()
        user._numeriqc_reviews_all = cached
    return cached


def user_organization_keys(user):
    """Translation keys of the user's organizations (cached on the user)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_numeriqc_org_keys", None)
    if cached is None:
        cached = frozenset(user.organizations.values_list("translation_key", flat=True))
        user._numeriqc_org_keys = cached
    return cached


def scope_queryset(queryset, user, organization_path="organization"):
    """Keep only the rows that belong to one of the user's organizations.

    `organization_path` is the lookup from the queryset's model to an Organization
    (a foreign key or a many-to-many). Rows with no organization are kept for
    administrators only.
    """
    if is_platform_admin(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    lookup = f"{organization_path}__translation_key__in"
    return queryset.filter(Q(**{lookup: user_organization_keys(user)})).distinct()


def user_can_access(user, organization):
    """May this user work on content of this organization (or of no organization)?"""
    if is_platform_admin(user):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if organization is None:
        return True
    return organization.translation_key in user_organization_keys(user)


GUARDED_PAGE_ACTIONS = (
    "can_edit",
    "can_delete",
    "can_publish",
    "can_unpublish",
    "can_submit_for_moderation",
    "can_lock",
    "can_unlock",
    "can_unschedule",
    "can_move",
    "can_copy",
    "can_view_revisions",
    "can_set_view_restrictions",
    "can_add_subpage",
    "can_publish_subpage",
    "can_reorder_children",
)


def _guarded(name):
    allowed_by_wagtail = getattr(PagePermissionTester, name)

    def check(self, *args, **kwargs):
        return self.in_scope and allowed_by_wagtail(self, *args, **kwargs)

    check.__name__ = name
    return check


class OrganizationPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed to the page's organizations."""

    def __init__(self, user, page):
        super().__init__(user, page)
        organizations = page.owning_organizations()
        self.in_scope = (
            not organizations
            or reviews_every_organization(user)
            or any(user_can_access(user, org) for org in organizations)
        )


for _name in GUARDED_PAGE_ACTIONS:
    setattr(OrganizationPagePermissionTester, _name, _guarded(_name))


class OrganizationOwnedPageMixin:
    """For page models with an `organization` field (or several, see below).

    Staff outside the page's organization can neither edit nor publish it, and do
    not see it in the page explorer (see home/wagtail_hooks.py).
    """

    organization_field = "organization"

    def __init_subclass__(cls, **kwargs):
        """Every such page's form offers, and accepts, only the editor's
        organizations (and only their surveys, services… in other choices)."""
        super().__init_subclass__(**kwargs)
        from wagtail.admin.forms import WagtailAdminPageForm

        from home.admin_forms import limit_to_user_scope

        form_class = getattr(cls, "base_form_class", None) or WagtailAdminPageForm
        cls.base_form_class = limit_to_user_scope(form_class, narrow_pages=False)

    def owning_organizations(self):
        organization = getattr(self, self.organization_field, None)
        if organization is None or not hasattr(organization, "translation_key"):
            # A many-to-many manager, or no organization at all.
            return list(organization.all()) if organization is not None else []
        return [organization]

    def permissions_for_user(self, user):
        return OrganizationPagePermissionTester(user, self)


def organization_owned_page_models():
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if issubclass(model, OrganizationOwnedPageMixin) and not model._meta.abstract
    ]


def exclude_pages_outside_scope(pages, user):
    """A Page queryset without the pages owned by organizations the user is not in."""
    if reviews_every_organization(user):
        return pages
    keys = user_organization_keys(user)
    for model in organization_owned_page_models():
        lookup = f"{model.organization_field}__translation_key__in"
        foreign = model.objects.filter(
            **{f"{model.organization_field}__isnull": False}
        ).exclude(**{lookup: keys})
        pages = pages.exclude(pk__in=foreign.values("pk"))
    return pages
