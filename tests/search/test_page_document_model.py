"""The page documents are no references of an editor's (every database)."""

from wagtail.models import ReferenceIndex

from search.models import PageDocument


def test_page_documents_are_left_out_of_the_reference_index():
    # Otherwise `rebuild_references_index` would read every index row (and fail
    # on SQLite, where the columns do not exist) and count them as usages.
    assert not ReferenceIndex.model_is_indexable(PageDocument)
