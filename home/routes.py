"""The words of a routable page's own paths are in the page's language
(`calendrier/` in French, `calendar/` in English), as its slug is (issue 16)."""

from django.http import HttpResponsePermanentRedirect


def in_own_words(request, page, own_path):
    """A permanent redirect to the page's address in its own words when the request
    used the other language's (an older address, or a link shared across
    languages); None when the address is already right."""
    if request.path.endswith("/" + own_path):
        return None
    url = page.url + own_path
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
