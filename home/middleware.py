"""One guard for every admin view of a page: another organization's page is
refused before Wagtail's view runs (edit, history, usage, revisions, previews,
workflow steps, the explorer…), including views Wagtail adds later."""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from home.scoping import (
    OrganizationOwnedPageMixin,
    reviews_every_organization,
    user_can_access,
)

PAGE_ARGUMENTS = ("page_id", "parent_page_id")


class OrganizationPageGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        page_id = _page_id(request, view_kwargs)
        if page_id is None or reviews_every_organization(request.user):
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and not _in_scope(request.user, page.specific_deferred):
            raise PermissionDenied
        return None


def _page_id(request, kwargs):
    match = request.resolver_match
    if match is None or not request.path_info.startswith("/admin/"):
        return None
    for name in PAGE_ARGUMENTS:
        if name in kwargs:
            return kwargs[name]
    if "pk" in kwargs and any(
        ns.startswith("wagtailadmin_pages") for ns in match.namespaces
    ):
        return kwargs["pk"]
    return None


def _in_scope(user, page):
    if not isinstance(page, OrganizationOwnedPageMixin):
        return True
    organizations = page.owning_organizations()
    return not organizations or any(
        user_can_access(user, organization) for organization in organizations
    )
