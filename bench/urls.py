"""The site's URLs plus a bare view: the limit of a Django response on this server.

Loaded only by bench.settings; never part of the deployed site.
"""

import os
from functools import cache
from pathlib import Path

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from numeriqc.urls import handler404, handler500
from numeriqc.urls import urlpatterns as site_patterns

__all__ = ["handler404", "handler500", "urlpatterns"]


@cache
def _body(name):
    try:
        return (Path(os.environ["BENCH_BODY_DIR"]) / f"{name}.html").read_bytes()
    except OSError:
        raise Http404(name) from None


def bare(request, name):
    """The bytes of a page captured earlier, with no database, template or cache."""
    return HttpResponse(_body(name), content_type="text/html; charset=utf-8")


@csrf_exempt
def bare_post(request):
    """A POST answered with a small JSON and nothing else: the limit of a post."""
    return JsonResponse({"status": "ok", "message": "Merci."})


urlpatterns = [
    path("bench/bare/<slug:name>/", bare),
    path("bench/bare-post/", bare_post),
    *site_patterns,
]
