from django import template

register = template.Library()


@register.filter
def elided_range(paginator, number):
    """Page numbers around the current one, with ellipses: 1 2 … 7 8 9 … 40 41."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
