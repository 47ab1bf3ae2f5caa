from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import (
            post_delete,
            post_migrate,
            post_save,
            pre_save,
        )
        from wagtail.models import Locale, Page, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from numeriqc import sharedcache

        from . import library_fixes
        from .folding import register_sqlite_fold
        from .footer import FOOTER_VERSION_KEY, footer_key, invalidate_footer
        from .models import FooterLink, SiteSettings, SocialAccount
        from .navigation import invalidate_menus, menu_key
        from .roles import sync_role_permissions
        from .translation import keep_untranslated_twins_draft

        connection_created.connect(register_sqlite_fold, dispatch_uid="sqlite-fold")
        library_fixes.apply()

        # After the last app migrates, every permission exists: give roles theirs.
        # (post_migrate is only sent for apps that have models.)
        last_app = [app for app in self.apps.get_app_configs() if app.models_module][-1]
        post_migrate.connect(
            sync_role_permissions, sender=last_app, dispatch_uid="roles"
        )

        # Menus are cached; any change to the published tree refreshes them.
        page_published.connect(invalidate_menus, dispatch_uid="menus-publish")
        page_unpublished.connect(invalidate_menus, dispatch_uid="menus-unpublish")
        post_page_move.connect(invalidate_menus, dispatch_uid="menus-move")
        post_delete.connect(invalidate_menus, sender=Page, dispatch_uid="menus-delete")

        # Read with the request's site in one cache trip (numeriqc.sharedcache).
        sharedcache.register_prefetch(
            lambda request, language: [
                (menu_key(language), sharedcache.TREE_VERSION_KEY),
                (footer_key(request, language), FOOTER_VERSION_KEY),
            ]
        )

        # The footer is cached too: its settings, links and accounts, and the
        # titles and addresses of the pages it links to.
        page_published.connect(invalidate_footer, dispatch_uid="footer-publish")
        page_unpublished.connect(invalidate_footer, dispatch_uid="footer-unpublish")
        post_page_move.connect(invalidate_footer, dispatch_uid="footer-move")
        post_delete.connect(invalidate_footer, sender=Page, dispatch_uid="footer-page")
        for model in (SiteSettings, FooterLink, SocialAccount, Site, Locale):
            uid = f"footer-{model._meta.label_lower}"
            post_save.connect(invalidate_footer, sender=model, dispatch_uid=uid)
            post_delete.connect(invalidate_footer, sender=model, dispatch_uid=uid)

        # An alias in another language shows untranslated text: Wagtail publishes
        # aliases with their source, so every page type is watched (see
        # home/translation.py).
        for model in get_page_models():
            pre_save.connect(
                keep_untranslated_twins_draft,
                sender=model,
                dispatch_uid=f"untranslated-twin-{model._meta.label_lower}",
            )
