from django.apps import AppConfig


class NumeriqcConfig(AppConfig):
    name = "numeriqc"
    verbose_name = "numériQc"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .pagecache import purge, purge_on_model_change

        # A page's title and address show in menus, listings and breadcrumbs of
        # other pages: any change to the published tree purges every page.
        page_published.connect(purge, dispatch_uid="pagecache-publish")
        page_unpublished.connect(purge, dispatch_uid="pagecache-unpublish")
        post_page_move.connect(purge, dispatch_uid="pagecache-move")
        post_delete.connect(purge, sender=Page, dispatch_uid="pagecache-delete")
        # Snippets, settings, images, documents and the hook's models.
        post_save.connect(purge_on_model_change, dispatch_uid="pagecache-save")
        post_delete.connect(purge_on_model_change, dispatch_uid="pagecache-remove")
