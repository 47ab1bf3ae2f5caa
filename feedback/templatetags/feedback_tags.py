from django import template
from django.template.loader import render_to_string

from feedback.widget import WIDGET_TEMPLATE, render_widget, widget_context

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_widget(context):
    """The "Did you find what you were looking for?" widget, for the current page.

    Nothing in a preview: an editor looking at a draft is not a visitor.
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    return render_widget(widget_context(request, page=context.get("page")))


@register.simple_tag
def render_feedback_widget(widget):
    """The widget from a context built by a view (service pages, error page)."""
    return render_to_string(WIDGET_TEMPLATE, widget)
