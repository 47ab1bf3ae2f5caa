from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def elided_range(paginator, number):
    """Page numbers around the current one, with ellipses: 1 2 … 7 8 9 … 40 41."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def title_state(context, page_obj=None, facets=None, also=""):
    """' (Theme: Data, page 2 of 4)' for a filtered or paginated listing, else ''.

    Each state of a listing is a page of its own for a screen reader's user, who
    hears the title first (WCAG 2.4.2): it says what the state is. Filters come
    from the django-filter FilterSet in `filter`, or from search-style `facets`
    ({name: [{"label", "selected"}]}) and `also`; the page from `page_obj`.
    """
    parts = filter_summary(context.get("filter"))
    for values in (facets or {}).values():
        parts.extend(str(value["label"]) for value in values if value.get("selected"))
    if also and str(also) not in parts:
        parts.insert(0, str(also))
    page_obj = page_obj or context.get("page_obj")
    if getattr(page_obj, "number", 1) > 1:
        parts.append(
            gettext("page %(number)s of %(total)s")
            % {"number": page_obj.number, "total": page_obj.paginator.num_pages}
        )
    return f" ({', '.join(parts)})" if parts else ""


def filter_summary(filterset):
    """['Label: value'] of each filter the address sets to a valid value."""
    form = getattr(filterset, "form", None)
    if form is None or not getattr(filterset, "is_bound", False):
        return []
    form.is_valid()  # an invalid value is ignored by the listing: not named either
    summary = []
    for name in form.fields:
        value = getattr(form, "cleaned_data", {}).get(name)
        if name not in form.data or value in (None, "", False, [], ()):
            continue
        summary.append(_describe(form[name], value))
    return summary


def _describe(bound_field, value):
    if value is True:
        return str(bound_field.label)
    choices = dict(_flat_choices(bound_field.field))
    values = value if isinstance(value, list | tuple) else [value]
    shown = ", ".join(str(choices.get(item, item)) for item in values)
    return gettext("%(label)s: %(value)s") % {
        "label": bound_field.label,
        "value": shown,
    }


def _flat_choices(field):
    if not hasattr(field, "choices") or hasattr(field, "queryset"):
        return []
    flat = []
    for key, label in field.choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((key, label))
    return flat
