"""The Vitrine's section of the home page: featured projects."""

from .listing import attach_localized_names, projects_of, with_card_data
from .models import VitrineIndexPage

FEATURED_COUNT = 3


def vitrine_of(home_page):
    return VitrineIndexPage.objects.child_of(home_page).live().first()


def featured_projects(index):
    projects = with_card_data(
        projects_of(index).filter(featured=True).order_by("-last_published_at")
    )[:FEATURED_COUNT]
    return attach_localized_names(projects, index.locale_id)
