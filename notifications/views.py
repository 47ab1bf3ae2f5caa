"""Public views: subscribe, confirm, preferences, unsubscribe, SMS replies."""

import hmac
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.public_post import PublicPostGuard, is_robot

from . import consent, links, scopes, services
from .consent import wording
from .forms import CodeForm, PreferencesForm, SubscribeForm
from .models import Channel, Subscriber, Subscription


def _page(request, title, text, status=200):
    return render(
        request,
        "home/message.html",
        {"title": title, "text": text},
        status=status,
    )


#: The public form: a few subscriptions per client address and hour.
SUBSCRIBE_GUARD = PublicPostGuard(
    "notifications-subscribe",
    limit="NOTIFICATIONS_SUBSCRIBE_PER_ADDRESS",
    window=3600,
)
#: Posts of a personal link (confirm, verify, preferences): from this site.
LINK_GUARD = PublicPostGuard("notifications-link")
#: New text-message codes: three an hour per subscriber.
CODE_GUARD = PublicPostGuard(
    "notifications-code", limit=3, window=3600, check_origin=False
)


def _wordings():
    language = translation.get_language()
    return {
        "email_wording": wording(Channel.EMAIL, language),
        "sms_wording": wording(Channel.SMS, language),
    }


def _scope(params):
    """(scope, label) from a scope kind's parameter (`course` a page id, `theme`
    a slug or an id): ("", "") when none is given, None when the one given is
    unknown."""
    found = scopes.find(params)
    if found is None:
        return None
    kind, subject = found
    if kind is None:
        return "", ""
    scope = kind.scope(subject)
    title = scopes.titles([scope]).get(scope, str(subject))
    return scope, scopes.describe(scope, title)


def _subscribe_form(request, form, scope_label, status=200):
    context = {
        "form": form,
        "scope_label": scope_label,
        "form_errors": form.is_bound and bool(form.errors),
        **_wordings(),
    }
    return render(request, "notifications/subscribe.html", context, status=status)


@csrf_exempt  # no cookie on public pages: the Origin check stands in for CSRF
@never_cache
def subscribe(request):
    if request.method != "POST":
        scope, label = _scope(request.GET) or ("", "")
        initial = {"language": translation.get_language()}
        if scope:
            name = scope.partition(":")[0]
            initial.update(
                {name: request.GET[name], "email_topics": [scopes.topic_of(scope)]}
            )
        form = SubscribeForm(initial=initial, scope=scope, scope_label=label)
        return _subscribe_form(request, form, label)
    refusal = SUBSCRIBE_GUARD.check(request)
    if refusal:
        return refusal.page(request)
    scoped = _scope(request.POST)
    scope, label = scoped or ("", "")
    form = SubscribeForm(request.POST, scope=scope, scope_label=label)
    if is_robot(request.POST):  # answer as for a person, store nothing
        return HttpResponseRedirect(reverse("notifications:subscribed"))
    if not form.is_valid() or scoped is None:
        if scoped is None:
            form.add_error(None, _("This course or theme is no longer offered."))
        return _subscribe_form(request, form, label, status=400)
    data = form.cleaned_data
    subscriber, known = consent.subscribe(
        data["email"],
        data["phone"],
        data["language"],
        data["email_topics"],
        data["sms_topics"],
        scope=scope,
    )
    # A known address goes to the thanks page, never to someone else's number.
    if data["phone"] and data["sms_topics"] and not known:
        return HttpResponseRedirect(
            reverse("notifications:verify", args=[links.verify_token(subscriber)])
        )
    return HttpResponseRedirect(reverse("notifications:subscribed"))


def subscribed(request):
    return _page(
        request,
        _("Check your messages"),
        _(
            "If the address you gave is new, we have sent you a message to confirm "
            "it. Nothing will be sent to you before you confirm."
        ),
    )


@csrf_exempt
@never_cache
def verify_phone(request, token):
    payload = links.read(token, links.VERIFY_SALT, links.VERIFY_MAX_AGE)
    subscriber = (
        payload
        and Subscriber.objects.filter(pk=payload["s"], phone=payload["p"]).first()
    )
    if not subscriber:
        return _page(
            request, _("Link expired"), _("This link is no longer valid."), 404
        )
    form = CodeForm()
    status = 200
    if request.method == "POST":
        refusal = LINK_GUARD.check(request)
        if refusal:
            return refusal.page(request)
        if "resend" in request.POST:
            return _resend_code(request, subscriber)
        form = CodeForm(request.POST)
        if form.is_valid():
            outcome = consent.verify_phone_code(
                subscriber.pk, form.cleaned_data["code"]
            )
            if outcome == "ok":
                return _page(
                    request,
                    _("Mobile number confirmed"),
                    _(
                        "Thank you. You will receive text messages on the topics "
                        "you chose."
                    ),
                )
            form.add_error("code", _code_error(outcome))
        status = 400
    return render(
        request,
        "notifications/verify.html",
        {"form": form, "phone": subscriber.phone},
        status=status,
    )


def _code_error(outcome):
    return {
        "wrong": _("This code is not the right one."),
        "expired": _("This code has expired: ask for a new one."),
        "locked": _("Too many wrong codes: ask for a new one."),
    }[outcome]


def _resend_code(request, subscriber):
    refusal = CODE_GUARD.check(request, identity=subscriber.pk)
    if refusal:
        return refusal.page(request)
    consent.send_phone_code(subscriber)
    return HttpResponseRedirect(request.path)


@csrf_exempt
@never_cache
def confirm_email(request, token):
    """A button, not the link itself, confirms: mail scanners open links too."""
    payload = links.read(token, links.CONFIRM_SALT, links.CONFIRM_MAX_AGE)
    if not payload:
        return _page(
            request,
            _("Link expired"),
            _("This confirmation link is no longer valid. Subscribe again."),
            status=404,
        )
    if request.method == "POST":
        refusal = LINK_GUARD.check(request)
        if refusal:
            return refusal.page(request)
        if consent.confirm_email(payload["s"], payload["e"]):
            return _page(
                request,
                _("Email address confirmed"),
                _("Thank you. You will receive emails on the topics you chose."),
            )
        return _page(
            request, _("Link expired"), _("This link is no longer valid."), 404
        )
    return render(request, "notifications/confirm.html", {"email": payload["e"]})


def _subscriber_from(token):
    pk = links.read(token, links.PREFERENCES_SALT)
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk else None
    if subscriber is None:
        raise Http404
    return subscriber


@never_cache
def short_preferences(request, token):
    """The preference link of text messages leads to the centre, in the
    subscriber's language."""
    pk = links.read_short_preferences_token(token)
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk else None
    if subscriber is None:
        raise Http404
    target = links.preferences_path(subscriber)
    add = request.GET.get("add", "")
    if add:
        target += "?" + urlencode({"add": add[:60]})
    return HttpResponseRedirect(target)


@csrf_exempt
@never_cache
def preferences(request, token):
    subscriber = _subscriber_from(token)
    active, proposed = _scoped_values(subscriber, request.GET.get("add", ""))
    choices = _scoped_labels(active + proposed)
    if request.method == "POST":
        refusal = LINK_GUARD.check(request)
        if refusal:
            return refusal.page(request)
        form = PreferencesForm(request.POST, scoped_choices=choices)
        if form.is_valid():
            data = form.cleaned_data
            consent.update_preferences(
                subscriber,
                data["language"],
                data["email_topics"],
                data["sms_topics"],
                form.scope_changes(set(active)),
            )
            return _page(request, _("Preferences saved"), _("Your choices are saved."))
    else:
        initial = _current_choices(subscriber)
        initial["scoped"] = active
        form = PreferencesForm(initial=initial, scoped_choices=choices)
    context = {"form": form, "subscriber": subscriber, **_wordings()}
    return render(request, "notifications/preferences.html", context)


def _scoped_values(subscriber, add):
    """Values ("channel|topic|scope") of the active scoped subscriptions, and of
    the scope the link proposes to add (`?add=course:<key>`, sent when a known
    address asked for it on the form) on each confirmed channel. The proposed
    boxes start unchecked: consent is given by checking them."""
    active = [
        "|".join(row)
        for row in Subscription.objects.filter(subscriber=subscriber, active=True)
        .exclude(scope="")
        .order_by("channel", "scope")
        .values_list("channel", "topic", "scope")
    ]
    if not add or len(add) > 60 or not scopes.titles([add]):
        return active, []
    proposed = [
        f"{channel}|{scopes.topic_of(add)}|{add}"
        for channel in Channel.values
        if subscriber.is_confirmed(channel)
    ]
    return active, [value for value in proposed if value not in active]


def _scoped_labels(values):
    """("channel|topic|scope", "New sessions of: … (Email)"), titles in the
    reader's language."""
    rows = [value.split("|", 2) for value in values]
    titles = scopes.titles({scope for _c, _t, scope in rows})
    return [
        (
            f"{channel}|{topic}|{scope}",
            f"{scopes.describe(scope, titles.get(scope, '?'))} "
            f"({Channel(channel).label})",
        )
        for channel, topic, scope in rows
    ]


def _current_choices(subscriber):
    active = Subscription.objects.filter(subscriber=subscriber, active=True, scope="")
    rows = list(active.values_list("channel", "topic"))
    return {
        "language": subscriber.language,
        "email_topics": [t for c, t in rows if c == Channel.EMAIL],
        "sms_topics": [t for c, t in rows if c == Channel.SMS],
    }


@csrf_exempt  # RFC 8058: the mail client posts without cookie nor Origin
@never_cache
def unsubscribe(request, token):
    payload = links.read(token, links.UNSUBSCRIBE_SALT)
    if not isinstance(payload, dict):
        return _page(
            request, _("Link expired"), _("This link is no longer valid."), 404
        )
    if request.method == "POST":
        if not consent.unsubscribe(payload):
            return _page(
                request, _("Link expired"), _("This link is no longer valid."), 404
            )
        return _page(
            request,
            _("You are unsubscribed"),
            _("You will not receive these emails any more."),
        )
    return render(request, "notifications/unsubscribe.html", {})


def _from_provider(request):
    expected = settings.NOTIFICATIONS_SMS_INBOUND_TOKEN
    given = request.headers.get("X-Notifications-Token", "")
    return bool(expected) and hmac.compare_digest(given, expected)


@csrf_exempt
@require_POST
def sms_inbound(request):
    """The SMS provider's webhook for replies: form fields "from" and "text"."""
    if not _from_provider(request):
        return HttpResponse(status=403)
    stopped = consent.inbound_sms(
        request.POST.get("from", ""), request.POST.get("text", "")
    )
    return HttpResponse("stopped" if stopped else "ignored", content_type="text/plain")


@csrf_exempt
@require_POST
def sms_receipt(request):
    """The SMS provider's delivery receipts: "reference", "status", "error"."""
    if not _from_provider(request):
        return HttpResponse(status=403)
    changed = services.record_receipt(
        request.POST.get("reference", ""),
        request.POST.get("status", ""),
        request.POST.get("error", ""),
    )
    return HttpResponse("recorded" if changed else "ignored", content_type="text/plain")
