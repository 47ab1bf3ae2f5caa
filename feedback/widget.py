"""What the feedback widget needs to render, identical for every visitor of a page.

The page around the widget is cached and shared: nothing here depends on who is
looking (no token, no cookie, no session), only on the page, its address and its
language. After a post without JavaScript, the visitor comes back to the same
address with `?feedback=thanks`, and the widget thanks them instead.
"""

import secrets

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from numeriqc import sharedcache

from .models import RATINGS, TEXT_MAX_LENGTH, FeedbackReason

THANKS_FLAG = "feedback"
THANKS_VALUE = "thanks"
REASONS_VERSION_KEY = "feedback:reasons:version"


def invalidate_reasons(**kwargs):
    """Connected to FeedbackReason saves and deletes (see apps.py)."""
    sharedcache.bump_now_and_after_commit(REASONS_VERSION_KEY)


def reasons_key(language):
    return f"feedback:reasons:{language}"


def offered_reasons(language):
    """{True: [(id, label)], False: [(id, label)]}: the reasons after Yes and No."""

    def build():
        reasons = {True: [], False: []}
        for reason in FeedbackReason.objects.filter(is_active=True):
            reasons[reason.found].append((reason.pk, reason.label(language)))
        return reasons

    return sharedcache.get(reasons_key(language), REASONS_VERSION_KEY, build)


def rating_choices():
    return [(value, _rating_label(value)) for value in RATINGS]


def _rating_label(value):
    labels = {
        1: gettext("1 – Very dissatisfied"),
        2: gettext("2 – Dissatisfied"),
        3: gettext("3 – Neither satisfied nor dissatisfied"),
        4: gettext("4 – Satisfied"),
        5: gettext("5 – Very satisfied"),
    }
    return labels[value]


def widget_context(request, page=None, service=None, form=None, question=None):
    """The template context of `feedback/includes/widget.html`.

    A form given back with its errors keeps the address of the page it came from.
    """
    language = translation.get_language()
    reasons = offered_reasons(language)
    values = form.data if form is not None and form.is_bound else {}
    thanked = request.GET.get(THANKS_FLAG) == THANKS_VALUE
    return {
        "action": reverse("feedback:submit"),
        "page_id": getattr(page, "pk", None),
        "service_id": getattr(service, "pk", None),
        "path": getattr(form, "cleaned_data", {}).get("path") or request.path,
        "question": question,
        "reasons_yes": reasons[True],
        "reasons_no": reasons[False],
        "ratings": rating_choices(),
        "max_length": TEXT_MAX_LENGTH,
        "thanked": thanked,
        # Only the thanks state needs it (the lab's panel invitation): it depends
        # on the page, never on the visitor, and `?feedback=thanks` is in the URL.
        "organization": feedback_organization(page, service) if thanked else None,
        "values": values,
        "errors": form.errors if form is not None and form.is_bound else {},
    }


def feedback_organization(page=None, service=None):
    """The organization a feedback is about: the service's, else the page's."""
    if service is not None:
        return service.organization
    if page is None:
        return None
    return getattr(getattr(page, "specific_deferred", page), "organization", None)


WIDGET_TEMPLATE = "feedback/includes/widget.html"
# Stand-ins for what differs between pages, unguessable so that no label can
# hold one: the fragment is rendered with them once, then they are replaced.
_PAGE_MARK = f"feedback-page-{secrets.token_hex(8)}"
_PATH_MARK = f"feedback-path-{secrets.token_hex(8)}"
_fragments = {}  # what the blank widget's HTML depends on -> that HTML
_MAX_FRAGMENTS = 32


def render_widget(context):
    """The widget's HTML; the blank form (every page's) rendered once per process.

    The blank widget depends only on the language (wording, the post address),
    whether it is about a page, and the reasons offered: they make its key, so a
    new or renamed reason (a new `offered_reasons` value) renders it anew, and a
    new release is a new process. The page id and address are put in after.
    The thanks and a form given back with errors are rendered each time.
    """
    if context["thanked"] or context["errors"] or context["values"]:
        return render_to_string(WIDGET_TEMPLATE, context)
    page_id = context["page_id"]
    key = (
        translation.get_language(),
        context["action"],
        page_id is not None,
        context["service_id"],
        context["question"],
        repr(context["reasons_yes"]),
        repr(context["reasons_no"]),
    )
    html = _fragments.get(key)
    if html is None:
        marked = {**context, "path": _PATH_MARK}
        marked["page_id"] = _PAGE_MARK if page_id is not None else None
        html = render_to_string(WIDGET_TEMPLATE, marked)
        if len(_fragments) >= _MAX_FRAGMENTS:
            _fragments.clear()
        _fragments[key] = html
    html = html.replace(_PAGE_MARK, str(page_id))
    return mark_safe(html.replace(_PATH_MARK, escape(context["path"])))  # noqa: S308
