"""Query budget of a listing: the same number of SQL queries for 5 and 50 items.

Other apps use it for their listings:

    from tests.perf.budget import assert_flat_query_count

    def test_the_vitrine_lists_projects_in_a_flat_number_of_queries(client, index):
        assert_flat_query_count(
            client, index.url, lambda count: ProjectPageFactory.create_batch(
                count, parent=index),
            shown=lambda html: html.count('class="card"'),
        )

`add_items(count)` creates `count` more items. The page cache is turned off while
counting: the budget is about rendering, a cached page costs no query at all.
"""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, data=None):
    """(number of queries, response) of a GET of `url`, after a warm-up GET.

    The warm-up fills the caches every page shares (menus, settings, reasons),
    so that the count is the steady state a visitor meets.
    """
    with override_settings(PAGE_CACHE_ENABLED=False):
        warm = client.get(url, data)
        assert warm.status_code == 200, f"{url} answered {warm.status_code}"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, data)
    return len(queries), response


def assert_flat_query_count(
    client, url, add_items, *, data=None, few=5, many=50, shown=None
):
    """Assert that `url` costs as many queries with `many` items as with `few`.

    `shown(html) -> int`, when given, checks that the items are really listed
    (at least `few`, and more with `many` unless the listing paginates).
    Returns the number of queries.
    """
    add_items(few)
    with_few, response_few = count_queries(client, url, data)
    add_items(many - few)
    with_many, response_many = count_queries(client, url, data)
    if shown is not None:
        listed_few = shown(response_few.content.decode())
        listed_many = shown(response_many.content.decode())
        assert listed_few >= few, f"only {listed_few} of {few} items listed"
        assert listed_many >= listed_few
    assert with_many == with_few, (
        f"{url}: {with_few} queries with {few} items, {with_many} with {many}"
    )
    return with_few
