"""Each worker's copy of its hottest pages (numeriqc/localpages.py), through WSGI.

The test client skips the WSGI application: these tests call the layer that
`numeriqc.wsgi` serves, around Django's real handler, as gunicorn does.
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory

from numeriqc.localpages import LocalPageCopy
from tests.factories import StandardPageFactory, UserFactory

from .test_page_cache import on_serve

pytestmark = pytest.mark.usefixtures("page_cache")


class Django:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def django_app():
    # As the test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield Django()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def worker(django_app, clock):
    return LocalPageCopy(django_app, clock=clock)


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(
        parent=site_tree.fr, title="Services numériques", slug="services"
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visit(app, path="/fr/services/", method="GET", **headers):
    """(status, headers, body) as a WSGI server would send them."""
    environ = RequestFactory().generic(method, path, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], answer["headers"], body.decode()


def warm(app, path="/fr/services/"):
    """Miss, then a shared-cache hit (kept by the worker), then the copy."""
    for _ in range(3):
        visit(app, path)


def test_a_repeat_visit_is_answered_from_the_workers_copy(page, worker, django_app):
    first = visit(worker)
    second = visit(worker)
    third = visit(worker)
    assert django_app.calls == 2  # the third never reached Django
    assert first[1]["X-Page-Cache"] == "miss" and second[1]["X-Page-Cache"] == "hit"
    assert third[0] == "200 OK" and third[1]["X-Page-Cache"] == "hit"
    assert third[2] == first[2] and "Services numériques" in third[2]
    # The final headers are stored with the page: CSP, ETag, public caching.
    assert third[1]["Content-Security-Policy"] == first[1]["Content-Security-Policy"]
    assert third[1]["ETag"] == first[1]["ETag"]
    assert "public" in third[1]["Cache-Control"]
    assert "Set-Cookie" not in third[1]


def test_a_head_request_gets_the_headers_without_the_body(page, worker, django_app):
    warm(worker)
    calls = django_app.calls
    status, headers, body = visit(worker, method="HEAD")
    assert django_app.calls == calls
    assert status == "200 OK" and body == "" and int(headers["Content-Length"]) > 0


def test_a_revalidation_is_answered_304_by_django(page, worker, django_app):
    warm(worker)
    etag = visit(worker)[1]["ETag"]
    calls = django_app.calls
    status, _headers, body = visit(worker, HTTP_IF_NONE_MATCH=etag)
    assert status.startswith("304") and body == ""
    assert django_app.calls == calls + 1


def test_a_publish_is_seen_by_every_worker_within_the_interval(
    page, django_app, clock, committed, settings
):
    """The bound of docs/performance.md: PAGE_CACHE_LOCAL_SECONDS after a publish."""
    workers = [LocalPageCopy(django_app, clock=clock) for _ in range(2)]
    for worker in workers:
        warm(worker)
    page.title = "Services en ligne"
    with committed():
        page.save_revision().publish()
    clock.now += settings.PAGE_CACHE_LOCAL_SECONDS
    for worker in workers:
        _status, headers, body = visit(worker)
        assert "Services en ligne" in body and "Services numériques" not in body
        assert headers["X-Page-Cache"] == "miss" or headers["X-Page-Cache"] == "hit"


def test_within_the_interval_only_the_publishing_generation_changes_the_answer(
    page, worker, django_app, clock, committed
):
    """Before the re-check the copy may be up to the interval late, never later."""
    warm(worker)
    page.title = "Services en ligne"
    with committed():
        page.save_revision().publish()
    clock.now += 0.5
    assert "Services numériques" in visit(worker)[2]  # at most 1 s late
    clock.now += 0.5
    assert "Services en ligne" in visit(worker)[2]


def test_a_logged_in_editor_never_gets_the_copy(page, worker, django_app):
    warm(worker)
    editor = Client()
    editor.force_login(UserFactory(is_superuser=True, is_staff=True))
    session = editor.cookies["sessionid"].value
    calls = django_app.calls
    _status, headers, _body = visit(worker, HTTP_COOKIE=f"sessionid={session}")
    assert django_app.calls == calls + 1
    assert headers["X-Page-Cache"] == "bypass"
    assert "private" in headers["Cache-Control"]


@pytest.mark.parametrize("cookie", ["messages=abc", "consent=yes"])
def test_a_visitor_with_a_private_cookie_never_gets_the_copy(
    page, worker, django_app, settings, cookie
):
    settings.PAGE_CACHE_PRIVATE_COOKIES = ["consent"]
    warm(worker)
    calls = django_app.calls
    visit(worker, HTTP_COOKIE=cookie)
    visit(worker, HTTP_COOKIE=f"theme=dark; {cookie}")
    assert django_app.calls == calls + 2


def test_a_response_that_sets_a_cookie_is_never_kept(page, worker, django_app):
    def set_cookie(request, response):
        response.set_cookie("seen", "1")

    with on_serve(set_cookie):
        for _ in range(3):
            _status, headers, _body = visit(worker)
    assert django_app.calls == 3
    assert worker.entries == {}
    assert "Set-Cookie" in headers


def test_the_copy_keeps_the_most_recently_used_pages_within_its_caps(
    site_tree, worker, settings
):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    for slug in ("un", "deux", "trois"):
        StandardPageFactory(parent=site_tree.fr, title=slug.title(), slug=slug)
        warm(worker, f"/fr/{slug}/")
    assert len(worker.entries) == 2
    assert [key[6] for key in worker.entries] == ["/fr/deux/", "/fr/trois/"]
    assert worker.size == sum(len(entry[3]) for entry in worker.entries.values())


def test_the_copy_never_holds_more_bytes_than_its_cap(page, worker, settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 1000  # smaller than the page
    warm(worker)
    assert worker.entries == {} and worker.size == 0
    assert "Services numériques" in visit(worker)[2]


def test_pages_are_rendered_when_the_cache_server_is_down(page, worker, settings):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    settings.PAGE_CACHE_ALIAS = "unreachable"
    for _ in range(3):
        status, _headers, body = visit(worker)
        assert status == "200 OK" and "Services numériques" in body
    assert worker.entries == {}
