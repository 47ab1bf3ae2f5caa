"""The public URLs that the browser checks visit: one page of each type, the views
outside the page tree, the pages reached by a personal link, and every filter state
of the listings.

Pages are found in the demo content by type, so that a page type added by any part
of the platform is checked as soon as its demo content exists.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

# Public views that are not pages of the tree: (name, URL name, query string).
ROUTES = [
    ("search-results", "search:search", "?q=num%C3%A9rique"),
    ("feedback-services", "feedback:results_index", ""),
    ("notifications-subscribe", "notifications:subscribe", ""),
    ("open-data-catalogue", "opendata:catalogue", ""),
]

# Page types that list other pages behind filters (their states are all checked).
LISTING_TYPES = [
    "vitrineindexpage",
    "trainingcatalogpage",
    "consultationindexpage",
    "labindexpage",
]


def one_page_per_type(language):
    """The first live, translated (not alias) page of each type in that language."""
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, depth__gt=1, alias_of__isnull=True)
        .select_related("content_type")
        .order_by("content_type_id", "path")
    )
    seen = {}
    for page in pages:
        seen.setdefault(page.content_type.model, page)
    return seen


def route_urls(language):
    with translation.override(language):
        return {name: reverse(url_name) + query for name, url_name, query in ROUTES}


def published_results(language):
    """A closed consultation whose results are public: the page in its other state."""
    from consultation.models import ConsultationPage

    for consultation in ConsultationPage.objects.live().filter(
        locale__language_code=language
    ):
        if consultation.status == "results":
            return {
                "consultation-closed": consultation.url,
                "consultation-results": consultation.url
                + consultation.reverse_results.lstrip("/"),
            }
    return {}


def personal_pages(language):
    """Pages reached by a link sent to one person (the lab member's own record)."""
    from consultation.lab import tokens
    from consultation.lab.models import PanelMember

    member = PanelMember.objects.filter(language=language).order_by("pk").first()
    if member is None:
        return {}
    with translation.override(language):
        path = reverse("consultation:lab:member", args=[tokens.manage_token(member)])
    return {"lab-my-record": path}


def course_with_sessions(language):
    """The course with the most sessions: its session table is the widest content."""
    from django.db.models import Count

    from training.models import CoursePage

    course = (
        CoursePage.objects.live()
        .filter(locale__language_code=language)
        .annotate(session_count=Count("sessions"))
        .order_by("-session_count", "path")
        .first()
    )
    return {"course-with-sessions": course.url} if course else {}


def page_types(language):
    urls = {name: page.url for name, page in one_page_per_type(language).items()}
    urls.update(published_results(language))
    urls.update(route_urls(language))
    return urls


def listing_urls(language):
    """The listings whose filter states are all visited, by name."""
    pages = one_page_per_type(language)
    urls = {name: pages[name].url for name in LISTING_TYPES if name in pages}
    urls["search-results"] = route_urls(language)["search-results"]
    return urls


# Every state one choice away from the page as shown: each option of each select and
# each radio or checkbox of its GET forms, each link that only changes the query
# (facets, sort, pagination).
FILTER_STATES_SCRIPT = """() => {
  const states = new Set();
  const withParam = (name, value) => {
    const url = new URL(location.href);
    url.searchParams.set(name, value);
    url.searchParams.delete('page');
    return url.pathname + url.search;
  };
  for (const form of document.querySelectorAll('main form')) {
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get') continue;
    for (const select of form.querySelectorAll('select[name]'))
      for (const option of select.options)
        if (option.value) states.add(withParam(select.name, option.value));
    for (const box of form.querySelectorAll(
        'input[type=checkbox][name], input[type=radio][name]'))
      states.add(withParam(box.name, box.value));
  }
  for (const link of document.querySelectorAll('main a[href^="?"]')) {
    const url = new URL(link.href);
    states.add(url.pathname + url.search);
  }
  return [...states].sort();
}"""


def filter_states(page):
    """The paths of the states reachable from the listing `page` shows."""
    return page.evaluate(FILTER_STATES_SCRIPT)
