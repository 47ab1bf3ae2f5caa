"""RSS and Atom feeds of new and updated projects, one per language (per index)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.public_url import public_url

from .listing import projects_of

FEED_SIZE = 30


class ProjectRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("New and updated projects — %(title)s") % {
            "title": self.index_page.title
        }

    def link(self):
        return public_url(self.index_page)

    def description(self):
        return self.index_page.summary or self.title()

    def feed_url(self):
        return None

    @property
    def language(self):
        return self.index_page.locale.language_code

    def items(self):
        return (
            projects_of(self.index_page)
            .filter(alias_of__isnull=True)
            .order_by("-last_published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return public_url(item)

    def item_guid(self, item):
        return f"urn:numeriqc:vitrine:{self.language}:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_phase_display()]


class ProjectAtomFeed(ProjectRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
