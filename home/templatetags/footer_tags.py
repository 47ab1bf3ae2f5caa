from django import template

from home.footer import site_footer as cached_site_footer

register = template.Library()


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's links, contact and social accounts (cached, see home/footer.py)."""
    request = context.get("request")
    if request is None:  # a template rendered outside a request (an e-mail)
        return {"links": [], "contact_email": "", "contact_phone": "", "social": []}
    return cached_site_footer(request)


@register.simple_tag(takes_context=True)
def footer_links(context):
    """[(label, url)] in the reader's language; page links follow its translation."""
    return site_footer(context)["links"]
