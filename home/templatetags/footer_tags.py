from django import template
from django.utils import translation

from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_links(context):
    """[(label, url)] in the reader's language; page links follow its translation."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    language = translation.get_language()
    links = []
    for link in site_settings.footer_links.select_related("page"):
        if link.page_id:
            page = link.page.localized
            if page.live:
                links.append((page.title, page.get_url(request)))
        else:
            links.append(
                (link.label_en if language == "en" else link.label_fr, link.url)
            )
    return links
