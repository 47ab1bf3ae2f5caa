"""Scopes narrow a subscription to one part of a topic: one course, one theme.

A scope is a string stored on the subscription: "" (everything of the topic) or
"<kind>:<translation_key>". Translation keys are shared by a page or snippet and
its translations, so French and English count together.

The notification platform knows no kind of scope: the app that owns the subject
declares its kinds through the `numeriqc_notification_scopes` hook (training
declares "course" and "theme", see training/subscriptions.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail import hooks

HOOK = "numeriqc_notification_scopes"


@dataclass(frozen=True)
class ScopeKind:
    """One kind of scope. `name` is also the query parameter of the subscribe
    link (`?course=<id>`)."""

    name: str
    #: The topic this kind narrows.
    topic: str
    #: (value of the link's parameter) -> the object, or None for any bad value.
    find: Callable
    #: (translation keys) -> rows (translation_key, title, language_code).
    titles: Callable
    #: (subject of an event) -> translation keys of this kind it matches.
    matches: Callable
    #: (title) -> what a subscription of this kind is about, in the active language.
    describe: Callable

    def scope(self, found):
        return f"{self.name}:{found.translation_key}"


def kinds():
    """Every declared kind, in the order of the hooks (the first one a link
    names wins)."""
    return [kind for declare in hooks.get_hooks(HOOK) for kind in declare()]


def _kind(scope):
    name, _sep, key = (scope or "").partition(":")
    for kind in kinds():
        if kind.name == name and key:
            return kind, key
    return None, key


def scoped_topics():
    """Topics a scope may narrow."""
    return {kind.topic for kind in kinds()}


def topic_of(scope):
    """The topic a scope narrows, or None for an unknown scope."""
    kind, _key = _kind(scope)
    return kind and kind.topic


def find(params):
    """(kind, object) for the first kind the parameters name: (None, None) when
    none is named, None when the one named is unknown."""
    for kind in kinds():
        value = params.get(kind.name, "")
        if value:
            found = kind.find(value)
            return (kind, found) if found is not None else None
    return None, None


def scopes_of(topic, subject):
    """The scopes an event of this topic about `subject` matches."""
    return {
        f"{kind.name}:{key}"
        for kind in kinds()
        if kind.topic == topic
        for key in kind.matches(subject)
    }


def titles(scopes, language=None):
    """{scope: title in that language (the original's when not translated)}."""
    language = language or get_language()
    found = {}
    for kind in kinds():
        prefix = f"{kind.name}:"
        keys = {s.removeprefix(prefix) for s in scopes if s.startswith(prefix)}
        keys.discard("")
        if not keys:
            continue
        for key, title, row_language in kind.titles(keys):
            scope = f"{prefix}{key}"
            if scope not in found or row_language == language:
                found[scope] = title
    return found


def describe(scope, title):
    """What a scoped subscription is about, in the active language."""
    kind, _key = _kind(scope)
    return kind.describe(title) if kind else title
