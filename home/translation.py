"""Translating content through wagtail-localize from code (demo content, tests).

Editors translate in the admin; this does what they do, segment by segment, so
that translations made here stay editable and synchronised like theirs.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


class MissingTranslation(KeyError):
    pass


@transaction.atomic
def translate(instance, language_code, strings, publish=True):
    """Create or update the `language_code` translation of `instance`.

    `strings` maps each source string (title, slug, each paragraph...) to its
    translation; a string without one raises MissingTranslation, so that demo
    content is never half-translated. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = source.stringsegment_set.select_related("string", "context")
    for segment in segments:
        original = segment.string.data
        if original not in strings:
            raise MissingTranslation(f"No translation for {original!r} in {instance!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[original],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes drafts "on commit", from a revision that holds the
    # tree position of that moment; publishing here, from fresh rows, keeps the tree
    # right inside a longer transaction (and inside tests).
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
