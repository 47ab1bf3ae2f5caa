"""Open consultations, for the pages of other apps that invite people to take part
(the home page, the Vitrine's "What next?")."""

from django.db.models import prefetch_related_objects

from home.images import prefetch_renditions

from .filters import status_filter
from .models import ConsultationPage

OPEN_COUNT = 5


def open_consultations(locale, limit=OPEN_COUNT):
    """The consultations open now in this language, closing soonest first."""
    return list(
        ConsultationPage.objects.live()
        .public()
        .filter(status_filter(ConsultationPage.Status.OPEN), locale=locale)
        .order_by("closes_at", "pk")[:limit]
    )


def home_panel(request, home_page):
    consultations = open_consultations(home_page.locale_id)
    if not consultations:
        return None
    # The cards' images and renditions: two queries whatever the number of cards.
    prefetch_related_objects(consultations, "image", prefetch_renditions())
    return {
        "template": "consultation/includes/home_panel.html",
        "consultations": consultations,
    }
