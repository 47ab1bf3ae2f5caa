"""The Baromètre's section of the home page: a few headline indicators."""

from django.utils import translation

from .models import BarometrePage
from .overview import headline


def home_panel(request, home_page):
    page = (
        BarometrePage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id)
        .first()
    )
    if page is None:
        return None
    indicators = headline(translation.get_language())
    if not indicators:
        return None
    return {
        "template": "barometre/includes/home_panel.html",
        "page": page,
        "indicators": indicators,
    }
