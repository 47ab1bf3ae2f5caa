"""Translating content through wagtail-localize from code (demo content, tests).

Editors translate in the admin; this does what they do, segment by segment, so
that translations made here stay editable and synchronised like theirs.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from wagtail.models import DraftStateMixin, Locale, Page
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


# An untranslated twin is never live -------------------------------------------
#
# Wagtail mirrors a page into another language as an *alias*: a live copy that shows
# the source page's text. In French first, English second, that is French text on
# the English site, tagged lang="en". So an alias in another language than its
# source is kept a draft (it is a placeholder waiting for its translation), and is
# never served even if a row says live.


def is_untranslated_twin(page):
    """An alias of a page of another language: it shows untranslated text."""
    if not getattr(page, "alias_of_id", None):
        return False
    source_locale = (
        Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    ).first()
    return source_locale is not None and source_locale != page.locale_id


def keep_untranslated_twins_draft(sender, instance, **kwargs):
    """pre_save of every page: Wagtail publishes aliases with their source page."""
    if instance.live and is_untranslated_twin(instance):
        instance.live = False
        instance.has_unpublished_changes = True


def refuse_untranslated_twin(page, request, serve_args, serve_kwargs):
    """before_serve_page: a 404, as for any page that is not published."""
    if is_untranslated_twin(page):
        raise Http404


def pages_waiting_for_translation(pages, languages):
    """Source pages that are live without a live translation in one of `languages`.

    `pages` is the queryset of pages the editor may see; each page is annotated with
    `translated_<code>` (a live translation exists) for each language code.
    """
    annotations = {
        f"translated_{code}": Exists(
            Page.objects.filter(
                translation_key=OuterRef("translation_key"),
                locale__language_code=code,
                live=True,
                alias_of__isnull=True,
            )
        )
        for code in languages
    }
    missing = Q()
    for code in languages:
        missing |= Q(**{f"translated_{code}": False})
    return (
        pages.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            live=True,
            alias_of__isnull=True,
            depth__gt=1,
        )
        .annotate(**annotations)
        .filter(missing)
    )


def translation_drafts(pages, language_code):
    """{translation_key: draft page} of the not-yet-live translations of `pages`."""
    drafts = Page.objects.filter(
        translation_key__in=[page.translation_key for page in pages],
        locale__language_code=language_code,
        live=False,
        # A twin left by tree synchronisation is replaced by submitting the page.
        alias_of__isnull=True,
    )
    return {draft.translation_key: draft for draft in drafts}
