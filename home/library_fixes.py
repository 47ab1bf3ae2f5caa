"""Where wagtail-localize writes English on the French admin and no catalogue can
help (issue 16).

It formats its dates with `strftime("%-d %B %Y")`: month names come from the
process's C locale, so the French admin read "Traduit manuellement le 7 December
2026". The segments' comments and the translation editor's "last published" date
are formatted here with Django's date format of the active language instead
("7 décembre 2026"). Applied once, from HomeConfig.ready().

Its translation editor's "More actions" (the footer's dropdown, for screen readers)
is a literal in its compiled JavaScript bundle, not a gettext() call: no catalogue
can translate it. Wagtail's own "More actions" is translated (locale/fr).
"""

import json
from datetime import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

# The format wagtail-localize gives strftime (wagtail_localize.compat.DATE_FORMAT).
LIBRARY_DATE_FORMAT = "%d %B %Y"


def localized_date(value):
    return date_format(value, "j F Y")


def string_translation_comment(self):
    """StringTranslation.get_comment, its date in the admin's language (the
    messages are the library's, translated by its catalogue)."""
    date = localized_date(self.updated_at)
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def _relocalized_props(props):
    """The editor's props with its English "last published" date in the admin's
    language (the date is only given to this view as text)."""
    data = json.loads(props)
    published = data.get("object", {}).get("lastPublishedDate")
    if published:
        try:
            day = datetime.strptime(published, LIBRARY_DATE_FORMAT)  # noqa: DTZ007
        except ValueError:
            return props
        data["object"]["lastPublishedDate"] = localized_date(day.date())
    return json.dumps(data)


def _render_with_local_dates(render):
    def wrapper(request, template_name, context=None, *args, **kwargs):
        if context and isinstance(context.get("props"), str):
            context["props"] = _relocalized_props(context["props"])
        return render(request, template_name, context, *args, **kwargs)

    wrapper.localized_dates = True
    return wrapper


def apply():
    from wagtail_localize.models import StringTranslation
    from wagtail_localize.views import edit_translation

    StringTranslation.get_comment = string_translation_comment
    if not getattr(edit_translation.render, "localized_dates", False):
        edit_translation.render = _render_with_local_dates(edit_translation.render)
