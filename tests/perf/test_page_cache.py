"""The anonymous page cache: shared only what is the same for everybody."""

import pytest
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.test import Client
from wagtail import hooks

from numeriqc.pagecache import GENERATION_KEY
from tests.factories import (
    MeasurePageFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
    UserFactory,
    translate_snippet,
)

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(
        parent=site_tree.fr, title="Services numériques", slug="services"
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what happens after commit: the tests' transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visitor():
    return Client()


def on_serve(change):
    """An `on_serve_page` hook that lets `change(request, response)` act."""

    def wrap(serve):
        def serve_and_change(page, request, args, kwargs):
            response = serve(page, request, args, kwargs)
            change(request, response)
            return response

        return serve_and_change

    return hooks.register_temporarily("on_serve_page", wrap)


def test_two_visitors_get_byte_identical_pages_the_second_from_the_cache(
    page, django_assert_num_queries
):
    first = visitor().get("/fr/services/")
    with django_assert_num_queries(0):
        second = visitor().get("/fr/services/")
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert "Services numériques" in second.text
    assert not second.cookies and "Set-Cookie" not in second


def test_each_language_has_its_own_entry(site_tree):
    french = visitor().get("/fr/")
    english = visitor().get("/en/")
    assert french["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    assert 'lang="fr"' in french.text and 'lang="en"' in english.text
    assert visitor().get("/en/")["X-Page-Cache"] == "hit"


def test_a_response_that_sets_a_cookie_is_not_stored(page):
    with on_serve(lambda request, response: response.set_cookie("choice", "a")):
        first = visitor().get("/fr/services/")
        second = visitor().get("/fr/services/")
    assert first.cookies["choice"].value == "a"
    assert second["X-Page-Cache"] == "bypass"
    assert "private" in first["Cache-Control"]
    # Once the cookie is gone, the page is cached again.
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "miss"


def test_a_page_holding_a_csrf_token_is_not_stored(page):
    tokens = []
    with on_serve(lambda request, response: tokens.append(get_token(request))):
        first = visitor().get("/fr/services/")
        second = visitor().get("/fr/services/")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "bypass"
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert tokens[0] != tokens[1]


def test_a_logged_in_editor_is_never_served_from_the_cache_nor_stored(page):
    editor = Client()
    editor.force_login(UserFactory(is_superuser=True, is_staff=True))
    mine = editor.get("/fr/services/")
    assert mine.status_code == 200 and mine["X-Page-Cache"] == "bypass"
    assert "no-store" in mine["Cache-Control"] and "private" in mine["Cache-Control"]
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "miss"
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "hit"
    assert editor.get("/fr/services/")["X-Page-Cache"] == "bypass"


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(page):
    visitor().get("/fr/services/")
    returning = visitor()
    returning.cookies["messages"] = "something for this visitor only"
    assert returning.get("/fr/services/")["X-Page-Cache"] == "bypass"


def test_previews_are_never_stored(page):
    preview = page.make_preview_request()
    assert preview.status_code == 200
    assert (
        preview.get("X-Page-Cache") != "hit" and "private" in preview["Cache-Control"]
    )
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "miss"


def test_a_post_is_never_answered_from_the_cache(page):
    visitor().get("/fr/services/")
    posted = visitor().post("/fr/services/", {"anything": "1"})
    assert posted.get("X-Page-Cache") != "hit"


def test_publishing_purges_the_cache(page, committed):
    visitor().get("/fr/services/")
    page.title = "Services en ligne"
    with committed():
        page.save_revision().publish()
    after = visitor().get("/fr/services/")
    assert after["X-Page-Cache"] == "miss"
    assert "Services en ligne" in after.text


def test_a_published_page_purges_the_menus_and_listings_of_other_pages(
    site_tree, committed
):
    home = visitor().get("/fr/")
    assert "Nouvelle section" not in home.text
    section = StandardPageFactory(
        parent=site_tree.fr, title="Nouvelle section", slug="nouvelle", live=False
    )
    section.show_in_menus = True
    with committed():
        section.save_revision().publish()
    assert "Nouvelle section" in visitor().get("/fr/").text


def test_unpublishing_and_deleting_purge_the_cache(page, committed):
    visitor().get("/fr/services/")
    with committed():
        page.unpublish()
    assert visitor().get("/fr/services/").status_code == 404
    with committed():
        page.save_revision().publish()
    assert visitor().get("/fr/services/").status_code == 200
    with committed():
        page.delete()
    assert visitor().get("/fr/services/").status_code == 404


def test_moving_a_page_purges_the_cache(site_tree, page, committed):
    other = StandardPageFactory(parent=site_tree.fr, title="Autre", slug="autre")
    visitor().get("/fr/services/")
    with committed():
        page.move(other, pos="last-child")
    # Wagtail leaves a redirect behind; the old address is no longer the page.
    moved = visitor().get("/fr/services/")
    assert moved.status_code == 301 and moved["Location"] == "/fr/autre/services/"
    assert visitor().get("/fr/autre/services/").status_code == 200


def test_saving_a_snippet_that_pages_show_purges_them(site_tree, committed):
    axis = ThemeFactory(name="Services aux citoyens", kind="axis")
    strategy = StrategyPageFactory(parent=site_tree.fr)
    MeasurePageFactory(parent=strategy, axis=axis, slug="mesure")
    assert "Services aux citoyens" in visitor().get("/fr/strategie/").text
    axis.name = "Services à la population"
    with committed():
        axis.save()
    after = visitor().get("/fr/strategie/")
    assert after["X-Page-Cache"] == "miss"
    assert "Services à la population" in after.text
    generation = cache.get(GENERATION_KEY)
    with committed():
        translate_snippet(axis, name="Citizen services")
    assert cache.get(GENERATION_KEY) == generation + 1


def test_tracking_parameters_share_the_entry_and_unknown_ones_bypass(page):
    visitor().get("/fr/services/")
    tracked = visitor().get("/fr/services/", {"utm_source": "infolettre"})
    assert tracked["X-Page-Cache"] == "hit"
    unknown = visitor().get("/fr/services/", {"tri": "date"})
    assert unknown["X-Page-Cache"] == "bypass"


def test_declared_parameters_key_the_entry_and_others_are_ignored(
    site_tree, monkeypatch
):
    from home.models import StandardPage

    monkeypatch.setattr(StandardPage, "cache_query_params", ("theme",), raising=False)
    StandardPageFactory(parent=site_tree.fr, title="Liste", slug="liste")
    assert visitor().get("/fr/liste/", {"theme": "1"})["X-Page-Cache"] == "miss"
    assert visitor().get("/fr/liste/", {"theme": "2"})["X-Page-Cache"] == "miss"
    again = visitor().get("/fr/liste/", {"theme": "1", "tri": "x"})
    assert again["X-Page-Cache"] == "hit"


def test_a_page_type_can_opt_out(page, monkeypatch):
    from home.models import StandardPage

    monkeypatch.setattr(StandardPage, "page_cache", False, raising=False)
    visitor().get("/fr/services/")
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "bypass"


def test_the_feedback_thanks_is_its_own_variant(page):
    plain = visitor().get("/fr/services/")
    thanked = visitor().get("/fr/services/", {"feedback": "thanks"})
    assert thanked["X-Page-Cache"] == "miss"
    assert thanked.content != plain.content
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "hit"


def test_the_feedback_widget_posts_from_a_cached_page(page):
    visitor().get("/fr/services/")
    cached = visitor().get("/fr/services/")
    assert cached["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in cached.text
    strict = Client(enforce_csrf_checks=True)
    posted = strict.post(
        "/fr/retroaction/envoyer/",
        {"page": page.pk, "path": "/fr/services/", "found": "yes"},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert posted.status_code == 200, posted.content.decode()[:3000]
    assert posted.json()["status"] == "ok"


def test_anonymous_pages_carry_etag_and_revalidate_with_304(page):
    first = visitor().get("/fr/services/")
    assert first["ETag"] and "public" in first["Cache-Control"]
    assert "max-age=0" in first["Cache-Control"]
    again = visitor().get("/fr/services/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_without_the_setting_nothing_is_cached(page, settings):
    settings.PAGE_CACHE_ENABLED = False
    visitor().get("/fr/services/")
    assert visitor().get("/fr/services/")["X-Page-Cache"] == "bypass"


def test_a_password_protected_page_is_never_stored(page, committed):
    from wagtail.models import PageViewRestriction

    visitor().get("/fr/services/")
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
    first = visitor().get("/fr/services/")
    second = visitor().get("/fr/services/")
    assert first.status_code == second.status_code == 200
    assert "Services numériques" not in second.text  # the password form
    assert second["X-Page-Cache"] == "bypass"


def test_pages_are_served_when_the_cache_server_is_down(page, settings):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    settings.PAGE_CACHE_ALIAS = "unreachable"
    first = visitor().get("/fr/services/")
    second = visitor().get("/fr/services/")
    assert first.status_code == second.status_code == 200
    assert "Services numériques" in second.text


def test_a_head_request_is_answered_from_the_cache(page):
    visitor().get("/fr/services/")
    head = visitor().head("/fr/services/")
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit"
    assert head.content == b""
