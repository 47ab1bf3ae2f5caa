"""The one guard of public POSTs: where the post comes from, how often one client
posts, and the honeypot; and the page that refuses.

Public pages set no cookie and stay cacheable, so most public forms carry no CSRF
token: the browser's Origin / Sec-Fetch-Site headers stand in for it (forms on
pages that do carry a token skip that check). A view builds one `PublicPostGuard`
at import and asks it before doing anything else:

    refusal = GUARD.check(request)
    if refusal:
        return refusal.page(request)

The wording of the refusal belongs to the view (a feedback is not an answer), so a
guard may bring its own sentences; the status codes and `Retry-After` are the
same everywhere.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .ratelimit import client_address, comes_from_this_site, hit

#: The honeypot field: hidden from people by the stylesheet; robots fill it in.
HONEYPOT = "website"


def is_robot(data):
    """Whether the honeypot was filled in: answer as for a person, store nothing."""
    return bool(data.get(HONEYPOT))


def wait_message(minutes):
    """The plural forms of each language: in 1 minute, in 2 minutes."""
    return ngettext(
        "Please try again in %(minutes)s minute.",
        "Please try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


@dataclass(frozen=True)
class Wording:
    """What a refusal says. `too_many` takes the minutes left to wait."""

    not_from_this_site: str = gettext_lazy(
        "This form must be sent from a page of this site. Go back and try again."
    )
    too_many: object = wait_message


@dataclass(frozen=True)
class Refusal:
    status: int  # 403: not from this site; 429: too many posts
    message: str
    retry_after: int = 0

    @property
    def title(self):
        if self.status == 403:
            return _("Form not accepted")
        return _("Too many attempts")

    def apply(self, response):
        """The refusal's status and, for a rate limit, when to come back."""
        response.status_code = self.status
        if self.retry_after:
            response["Retry-After"] = str(self.retry_after)
        return response

    def page(self, request, template="home/message.html", **context):
        """The refusal page: a title and the message, in the reader's language."""
        context = {"title": self.title, "text": self.message, **context}
        return self.apply(render(request, template, context))


@dataclass(frozen=True)
class PublicPostGuard:
    """`limit` and `window` are the names of settings (or numbers): posts accepted
    per client address in so many seconds; no limit when `limit` is None (a post
    reached by a personal link)."""

    scope: str
    limit: object = None
    window: object = None
    check_origin: bool = True
    wording: Wording = field(default_factory=Wording)

    def check(self, request, identity=None, prefetch=()):
        """A `Refusal`, or None when the post may go ahead. Each call counts one
        post of `identity` (the client address by default); `prefetch` as for
        `home.ratelimit.hit`."""
        if self.check_origin and not comes_from_this_site(request):
            return Refusal(403, str(self.wording.not_from_this_site))
        if self.limit is None:
            return None
        identity = client_address(request) if identity is None else identity
        limit, window = _setting(self.limit), _setting(self.window)
        allowed, retry_after = hit(self.scope, identity, limit, window, prefetch)
        if allowed:
            return None
        minutes = max(1, round(retry_after / 60))
        return Refusal(429, self.wording.too_many(minutes), max(1, retry_after))


def _setting(value):
    return getattr(settings, value) if isinstance(value, str) else value
