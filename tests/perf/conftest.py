import pytest


@pytest.fixture
def page_cache(settings):
    """The page cache as in production (it is off in the other tests' settings)."""
    settings.PAGE_CACHE_ENABLED = True
    return settings
