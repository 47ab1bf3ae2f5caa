"""CORS for read-only public resources: any origin may GET them, nothing else.

No cookie or credential is involved (`Access-Control-Allow-Credentials` is never
sent), so a wildcard origin is safe; it is only set on GET, HEAD and OPTIONS.
"""

from functools import wraps

from django.http import HttpResponse

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def add_cors_headers(response, method):
    if method in READ_METHODS:
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = (
            "Accept, If-None-Match, If-Modified-Since"
        )
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        response["Access-Control-Max-Age"] = "86400"
    return response


def cors_read_only(view):
    """Answer preflight requests and add CORS headers to GET and HEAD responses."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = view(request, *args, **kwargs)
        return add_cors_headers(response, request.method)

    return wrapped


class CorsReadOnlyMixin:
    """For Django REST framework views (Wagtail's API): the same headers."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return add_cors_headers(response, request.method)
