"""The footer's settings, cached per site and language: every public page shows them.

Without the cache a render pays 3 queries or more for the footer (the site's
settings, its links with their pages, a translation lookup per page link, the
social accounts). Entries carry a version that any change to the settings,
their links and accounts, or to the published tree (a linked page's title or
address) increments: at once, and again after the transaction commits, so that
a render that read the old rows before the commit cannot be kept as current.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Site

from numeriqc import sharedcache

FOOTER_VERSION_KEY = "footer:version"
FOOTER_SECONDS = 60 * 60


def invalidate_footer(sender=None, **kwargs):
    """Signal receiver: settings, links, accounts or the published tree changed."""
    from home.models import SiteSettings

    if sender is SiteSettings and kwargs.get("created"):
        # `SiteSettings.for_site` creates the empty row on a site's first render:
        # nothing shown changes, and bumping would throw that render's entry away.
        return
    sharedcache.bump_now_and_after_commit(FOOTER_VERSION_KEY)


def footer_key(request, language):
    """Per host (one site each), so that the request's trip can read it first."""
    return f"footer:{request.get_host()}:{language}"


def site_footer(request):
    """{"links": [(label, url)], "legal": [(label, url)], "contact_email",
    "contact_phone", "social": [(label, url)]} for the request's site, in the
    active language."""
    language = translation.get_language()
    return sharedcache.get(
        footer_key(request, language),
        FOOTER_VERSION_KEY,
        lambda: _build(request, Site.find_for_request(request), language),
        FOOTER_SECONDS,
    )


def _build(request, site, language):
    from home.models import SiteSettings

    footer = {
        "links": [],
        "legal": [],
        "contact_email": "",
        "contact_phone": "",
        "social": [],
    }
    if site is None:
        return footer
    site_settings = SiteSettings.for_site(site)
    footer["legal"] = _legal_links(request, site_settings)
    for link in site_settings.footer_links.select_related("page"):
        if link.page_id:
            page = link.page.localized
            if page.live:
                footer["links"].append((page.title, page.get_url(request)))
        else:
            label = link.label_en if language == "en" else link.label_fr
            footer["links"].append((label, link.url))
    # Feature apps add their public entry points (open data, "you said, we did").
    for hook in hooks.get_hooks("numeriqc_footer_links"):
        footer["links"].extend(hook())
    footer["contact_email"] = site_settings.contact_email
    footer["contact_phone"] = site_settings.contact_phone
    footer["social"] = [
        (str(account.get_network_display()), account.url)
        for account in site_settings.social_accounts.all()
    ]
    return footer


def _legal_links(request, site_settings):
    """The privacy policy and accessibility statement (when set and live in this
    language), then the page where a person gets all their data."""
    links = []
    for page in (site_settings.privacy_page, site_settings.accessibility_page):
        if page is not None:
            page = page.localized
            if page.live:
                links.append((page.title, page.get_url(request)))
    links.append((gettext("My personal data"), reverse("personal_data:request")))
    return links
