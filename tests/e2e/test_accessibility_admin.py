"""The admin forms that are ours label every control, including the ones Wagtail's
scripts make (WCAG 1.3.1, 4.1.2): the feedback entry's tag field, as staff triage
it, in French and in English."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editor import _log_in

UNLABELLED_SCRIPT = """() => [...document.querySelectorAll(
    'main input:not([type=hidden]), main select, main textarea')]
  .filter(el => el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_feedback_entry_form_labels_the_tag_input(page, site_url, language):
    from django.contrib.auth import get_user_model
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.users.models import UserProfile

    from feedback.models import FeedbackEntry

    admin = get_user_model().objects.get(username="admin")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()
    entry = FeedbackEntry.objects.order_by("pk").first()
    assert entry is not None, "the demo has no feedback entry"
    _log_in(page, site_url)
    page.goto(site_url + AdminURLFinder(admin).get_edit_url(entry))
    typed = page.locator("ul.tagit li.tagit-new input")
    expect(typed).to_be_visible()
    expect(typed).to_have_accessible_name(re.compile("^(Tags|Étiquettes)"))
    assert page.evaluate(UNLABELLED_SCRIPT) == []
