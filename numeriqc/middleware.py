"""Security headers that Django does not set itself."""

from django.conf import settings
from django.middleware import locale
from django.utils import translation

# The public site runs no inline script and loads nothing from another origin.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Wagtail's admin still relies on inline scripts and styles; it is reserved to
# authenticated staff and previews render inside it, hence the looser policy.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP
        )
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 answered by a view outside the language
    prefixes (the admin, documents, /p/ links) stays a 404.

    Django redirects any 404 without a language prefix to /fr/<same path> when
    that path resolves, and Wagtail's page tree resolves every path: an admin
    404 became a 302 to /fr/admin/….
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._answered_outside_languages(request):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

    @staticmethod
    def _answered_outside_languages(request):
        return getattr(
            request, "resolver_match", None
        ) is not None and not translation.get_language_from_path(request.path_info)


class RefuseNullCharactersMiddleware:
    """A NUL character in a query parameter or a form field is never typed by a
    person; PostgreSQL refuses it in any text it is asked to compare, and a view
    that filters on the value would fail with a 500. Refused here, once, with
    the branded 400 page in the language of the path."""

    FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request.GET) or (
            request.method == "POST"
            and request.content_type in self.FORMS
            and _holds_nul(request.POST)
        ):
            from numeriqc.views import bad_request

            return bad_request(request)
        return self.get_response(request)


def _holds_nul(query):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query.lists()
    )
