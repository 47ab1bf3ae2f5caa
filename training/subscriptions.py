"""The scopes of new-session notifications that training declares: one course, or
one theme (the sessions of every course on that theme).

Registered through notifications' `numeriqc_notification_scopes` hook in
wagtail_hooks.py; notifications stores "course:<key>" or "theme:<key>".
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.cleaning import as_id
from home.models import Theme
from notifications.models import Topic
from notifications.scopes import ScopeKind

from .models import CoursePage


def find_course(page_id):
    """The live course page with this id, or None (any bad value)."""
    page_id = as_id(page_id, max_digits=10)
    if page_id is None:
        return None
    return CoursePage.objects.live().public().filter(pk=page_id).first()


def find_theme(value):
    """The theme with this id or slug (in the reader's language first), or None."""
    value = str(value or "").strip()
    if not value or len(value) > 100:
        return None
    if as_id(value, max_digits=10) is not None:
        return Theme.objects.filter(pk=as_id(value)).first()
    found = list(Theme.objects.filter(slug=value).select_related("locale"))
    for theme in found:
        if theme.locale.language_code == get_language():
            return theme
    return found[0] if found else None


def course_titles(keys):
    return CoursePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    )


def theme_titles(keys):
    return Theme.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "name", "locale__language_code"
    )


def _course_of(session):
    course = getattr(session, "course", None)
    return course if hasattr(course, "translation_key") else None


def session_course(session):
    course = _course_of(session)
    return {course.translation_key} if course else set()


def session_themes(session):
    themes = getattr(_course_of(session), "themes", None)
    if themes is None:
        return set()
    return set(themes.values_list("translation_key", flat=True))


COURSE = ScopeKind(
    name="course",
    topic=Topic.TRAINING_SESSION,
    find=find_course,
    titles=course_titles,
    matches=session_course,
    describe=lambda title: _("New sessions of: %(title)s") % {"title": title},
)
THEME = ScopeKind(
    name="theme",
    topic=Topic.TRAINING_SESSION,
    find=find_theme,
    titles=theme_titles,
    matches=session_themes,
    describe=lambda title: _("New sessions on the theme: %(title)s") % {"title": title},
)


def course_scope(course):
    return COURSE.scope(course)


def theme_scope(theme):
    return THEME.scope(theme)
