"""Which page answers an address, kept with the page tree's version.

Wagtail finds a page by walking the tree from the site's root: two queries per
level (the child by its slug, then its specific row), about half of the CPU of
an uncached render of a page three levels deep. The answer (the page's model
and id) only changes when the tree does: a publish, unpublish, move or deletion
of a page, a `Site` or a `Locale` saved, which all increment
`sharedcache.TREE_VERSION_KEY`. So it is kept as a shared entry under that
version, read in the request's first cache trip (`sharedcache.prepare`), and a
render then reads the page with one query.

Only a plain route is kept: the page whose address is exactly the path (no
arguments, so no `RoutablePageMixin` sub-route) and that is live. A page that
is no longer live when read falls back to Wagtail's own routing.
"""

from django.apps import apps
from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import sharedcache
from .sharedcache import TREE_VERSION_KEY

NOT_KEPT = "-"


def route_key(request):
    return f"{sharedcache.site_key(request)}:route:{request.path_info}"


def prefetch_pairs(request, language):
    """For `sharedcache.register_prefetch`: the route comes with the site."""
    return [(route_key(request), TREE_VERSION_KEY)]


def use_kept_route(request, path):
    """Give Wagtail's `serve` this address's route from the cache when kept."""
    if request.method not in ("GET", "HEAD"):
        return
    kept = sharedcache.get(
        route_key(request), TREE_VERSION_KEY, lambda: _plain_route(request, path)
    )
    if kept == NOT_KEPT or hasattr(request, "_wagtail_route_for_request"):
        return  # just routed by Wagtail (a miss), or not a plain route
    label, pk = kept
    page = apps.get_model(label).objects.filter(pk=pk).first()
    # Live and still at this address: a page saved without a publish (a script,
    # a data migration) does not change the tree's version.
    if page is not None and page.live and _answers(page, path):
        request._wagtail_route_for_request = RouteResult(page)


def _answers(page, path):
    components = [part for part in path.split("/") if part]
    return not components or page.url_path.endswith("/" + "/".join(components) + "/")


def _plain_route(request, path):
    """(model label, id) of the page Wagtail routes this address to, or NOT_KEPT."""
    try:
        route = Page.route_for_request(request, path)
    except Http404:
        return NOT_KEPT
    if route is None or route[1] or route[2]:
        return NOT_KEPT
    page = route[0]
    if not _answers(page, path):
        return NOT_KEPT
    return (page._meta.label_lower, page.pk)
