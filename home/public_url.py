"""The one public address of the site in everything that leaves it: emails,
calendar files, feeds, open-data catalogues. A page's Wagtail Site may be recorded
as "localhost" (the demo's), but readers only ever get SITE_URL."""

from django.conf import settings


def public_url(target):
    """SITE_URL followed by the path of `target`, a page or a path ("" if none)."""
    if target is None:
        return ""
    path = target if isinstance(target, str) else _path_of(target)
    if not path or "://" in path:
        return path or ""
    return settings.SITE_URL + path


def _path_of(page):
    parts = page.get_url_parts()
    return parts[2] if parts else ""
