"""Admin views of shared content: the pages waiting for their translation."""

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from .scoping import exclude_pages_outside_scope
from .translation import pages_waiting_for_translation, translation_drafts


def _other_languages():
    """(code, name in the editor's language) of every language but the source's."""
    return [
        (code, get_language_info(code)["name_translated"])
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class WaitingForTranslationView(PageReportView):
    """Live French pages whose English translation is absent or still a draft."""

    page_title = _("Waiting for translation")
    header_icon = "globe"
    results_template_name = "home/admin/waiting_for_translation_results.html"
    index_url_name = "waiting_for_translation"
    index_results_url_name = "waiting_for_translation_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "url_path", "last_published_at"]

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        pages = exclude_pages_outside_scope(pages, self.request.user)
        languages = [code for code, _name in _other_languages()]
        self.queryset = (
            pages_waiting_for_translation(pages, languages)
            .select_related("locale", "content_type")
            .order_by("-last_published_at", "pk")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        pages = list(pages)
        for code, name in _other_languages():
            drafts = translation_drafts(pages, code)
            for page in pages:
                page.waiting = [
                    *getattr(page, "waiting", []),
                    (name, drafts.get(page.translation_key)),
                ]
        return pages
