"""Scopes narrow a TRAINING_SESSION subscription to one course or one theme.

A scope is a string stored on the subscription: "" (every new session),
"course:<translation_key>" or "theme:<translation_key>". Translation keys are
shared by a page or snippet and its translations, so French and English count
together.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.cleaning import as_id

from .models import Topic

COURSE = "course"
THEME = "theme"
#: Topics a scope may narrow.
SCOPED_TOPICS = {Topic.TRAINING_SESSION}


def course_scope(course):
    return f"{COURSE}:{course.translation_key}"


def theme_scope(theme):
    return f"{THEME}:{theme.translation_key}"


def _parse(scope):
    kind, _sep, key = (scope or "").partition(":")
    return kind, key


def find_course(page_id):
    """The live course page with this id, or None (any bad value)."""
    from training.models import CoursePage

    page_id = as_id(page_id, max_digits=10)
    if page_id is None:
        return None
    return CoursePage.objects.live().public().filter(pk=page_id).first()


def find_theme(value):
    """The theme with this id or slug (in the reader's language first), or None."""
    from home.models import Theme

    value = str(value or "").strip()
    if not value or len(value) > 100:
        return None
    if as_id(value, max_digits=10) is not None:
        return Theme.objects.filter(pk=as_id(value)).first()
    themes = Theme.objects.filter(slug=value).select_related("locale")
    found = list(themes)
    for theme in found:
        if theme.locale.language_code == get_language():
            return theme
    return found[0] if found else None


def scopes_of(topic, subject):
    """The scopes an event matches: the session's course and its themes."""
    if topic not in SCOPED_TOPICS:
        return set()
    course = getattr(subject, "course", None)
    if course is None or not hasattr(course, "translation_key"):
        return set()
    keys = {course_scope(course)}
    themes = getattr(course, "themes", None)
    if themes is not None:
        keys.update(
            f"{THEME}:{key}" for key in themes.values_list("translation_key", flat=True)
        )
    return keys


def titles(scopes, language=None):
    """{scope: title in that language (the original's when not translated)}."""
    from home.models import Theme
    from training.models import CoursePage

    language = language or get_language()
    wanted = {COURSE: set(), THEME: set()}
    for scope in scopes:
        kind, key = _parse(scope)
        if kind in wanted and key:
            wanted[kind].add(key)
    found = {}
    courses = CoursePage.objects.filter(translation_key__in=wanted[COURSE]).values_list(
        "translation_key", "title", "locale__language_code"
    )
    themes = Theme.objects.filter(translation_key__in=wanted[THEME]).values_list(
        "translation_key", "name", "locale__language_code"
    )
    for kind, rows in ((COURSE, courses), (THEME, themes)):
        for key, title, row_language in rows:
            scope = f"{kind}:{key}"
            if scope not in found or row_language == language:
                found[scope] = title
    return found


def describe(scope, title):
    """What a scoped subscription is about, in the active language."""
    kind, _key = _parse(scope)
    if kind == THEME:
        return _("New sessions on the theme: %(title)s") % {"title": title}
    return _("New sessions of: %(title)s") % {"title": title}
