import pytest

from tests.factories import translate_page

from .factories import LabIndexPageFactory

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def lab_page(site_tree):
    page = LabIndexPageFactory(parent=site_tree.fr)
    english = translate_page(
        page,
        title="User experience lab",
        slug="lab",
        summary="Try public services before they launch.",
    )
    page.english = english
    return page


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a call and then what it queued for after the commit (emails)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
