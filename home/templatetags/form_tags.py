"""One way to show a form's errors (GOV.UK's error-summary pattern, WCAG 3.3.1,
1.3.1, 4.1.3): a summary that takes focus and links each problem to its field, and
each field described by its own message with the ids Django already points to
(`<auto_id>_helptext`, `<auto_id>_error`).
"""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def field_anchor(field):
    """The id of the control a summary link moves to: the first choice of a group."""
    if field.use_fieldset and field.subwidgets:
        return field.subwidgets[0].id_for_label
    return field.id_for_label


def summary_label(field):
    """The question the person sees; a form may name a sub-field more fully."""
    return getattr(field.field, "summary_label", None) or field.label


def error_items(*forms):
    items = []
    for form in forms:
        if not form or not form.is_bound or not form.errors:
            continue
        items += [{"anchor": "", "text": error} for error in form.non_field_errors()]
        for field in form:
            for error in field.errors:
                if field.is_hidden:
                    items.append({"anchor": "", "text": error})
                    continue
                text = _("%(label)s: %(error)s") % {
                    "label": str(summary_label(field)).rstrip("."),
                    "error": error,
                }
                items.append({"anchor": field_anchor(field), "text": text})
    return items


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms):
    """The summary of every problem of the given forms (nothing when there is none)."""
    return {"items": error_items(*forms)}


@register.simple_tag
def has_errors(*forms):
    return bool(error_items(*forms))


@register.simple_tag
def described_by(field, *extra):
    """The ids a group of choices (a fieldset) is described by: Django sets them on
    single controls only."""
    ids = [*extra]
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)
