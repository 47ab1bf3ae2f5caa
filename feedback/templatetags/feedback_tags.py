from django import template

from feedback.widget import widget_context

register = template.Library()


@register.inclusion_tag("feedback/includes/widget.html", takes_context=True)
def feedback_widget(context):
    """The "Did you find what you were looking for?" widget, for the current page."""
    request = context["request"]
    return widget_context(request, page=context.get("page"))


@register.inclusion_tag("feedback/includes/widget.html")
def render_feedback_widget(widget):
    """The widget from a context built by a view (service pages, error page)."""
    return widget
