from django.apps import AppConfig


class NumeriqcConfig(AppConfig):
    name = "numeriqc"
    verbose_name = "numériQc"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import sharedcache
        from .pagecache import purge, purge_on_model_change

        # One Locale lookup per request; no restriction check when none exists.
        sharedcache.install()
        # The page answering an address comes with the site in the first trip.
        from .routecache import prefetch_pairs

        sharedcache.register_prefetch(prefetch_pairs)
        # The request's site, its root page and the restriction flag are cached
        # under the page tree's version (home.navigation bumps it on publish).
        for model in (Site, Locale, PageViewRestriction):
            uid = f"sharedcache-{model._meta.label_lower}"
            post_save.connect(_bump_tree, sender=model, dispatch_uid=uid)
            post_delete.connect(_bump_tree, sender=model, dispatch_uid=uid)

        # A page's title and address show in menus, listings and breadcrumbs of
        # other pages: any change to the published tree purges every page.
        page_published.connect(purge, dispatch_uid="pagecache-publish")
        page_unpublished.connect(purge, dispatch_uid="pagecache-unpublish")
        post_page_move.connect(purge, dispatch_uid="pagecache-move")
        post_delete.connect(purge, sender=Page, dispatch_uid="pagecache-delete")
        # Snippets, settings, images, documents and the hook's models.
        post_save.connect(purge_on_model_change, dispatch_uid="pagecache-save")
        post_delete.connect(purge_on_model_change, dispatch_uid="pagecache-remove")


def _bump_tree(**kwargs):
    from . import sharedcache

    sharedcache.bump_now_and_after_commit(sharedcache.TREE_VERSION_KEY)
