"""Strings of Wagtail and wagtail-localize that their French catalogues get wrong
for this site ("Région" for the language of a page or snippet, "Régions" for
languages). Named here so that `make messages` keeps them in locale/: the project's
catalogue takes precedence over the libraries' (LOCALE_PATHS). Never imported.
"""

from django.utils.translation import gettext_noop

LIBRARY_STRINGS = (
    # wagtail.models: TranslatableMixin.locale's verbose name, hence the label of
    # the "locale" filter of every translatable listing (the survey list's).
    gettext_noop("locale"),
    # wagtail.admin: the locale filter added to translatable listings.
    gettext_noop("Locale"),
    # wagtail-localize: the languages offered when submitting a translation.
    gettext_noop("Locales"),
)
