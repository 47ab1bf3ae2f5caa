"""What empties the page cache, and what must not.

A citizen's post (feedback, a survey answer, a call submission, a subscription, a
lab sign-up) changes nothing a cached page shows: the cache stays warm through a
wave of them. An editor's publish, and the edit of anything a public page shows
(each model that says `shown_on_public_pages = True`), purges it.
"""

from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.snippets.models import get_snippet_models

from numeriqc.pagecache import GENERATION_KEY, purging_models
from tests.barometre.factories import IndicatorFactory, MeasurementFactory
from tests.consultation.conftest import consultation  # noqa: F401 (fixture)
from tests.consultation.factories import SurveyFactory
from tests.consultation.test_answering import answer_all
from tests.factories import OrganizationFactory, StandardPageFactory, ThemeFactory
from tests.feedback.factories import ServiceFactory
from tests.lab.conftest import lab_page  # noqa: F401 (fixture)
from tests.lab.test_signup import VALID as PANEL_SIGN_UP
from tests.notifications.test_subscribe import form as subscription_form
from tests.notifications.test_subscribe import url as notifications_url
from tests.vitrine.conftest import vitrine  # noqa: F401 (fixture)
from tests.vitrine.factories import (
    CallForProjectsPageFactory,
    ProjectPageFactory,
    add_benefit,
    measure,
)
from tests.vitrine.test_calls import GOOD as CALL_SUBMISSION

pytestmark = pytest.mark.usefixtures("page_cache")

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what happens after commit: the tests' transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def warm(site_tree):
    """A page served once, so that the next anonymous visit is a hit."""
    page = StandardPageFactory(parent=site_tree.fr, title="Services", slug="services")
    assert Client().get("/fr/services/")["X-Page-Cache"] == "miss"
    return page


def still_warm(generation):
    assert cache.get(GENERATION_KEY) == generation
    assert Client().get("/fr/services/")["X-Page-Cache"] == "hit"


def purged(generation):
    assert cache.get(GENERATION_KEY) > generation
    assert Client().get("/fr/services/")["X-Page-Cache"] == "miss"


# -- a citizen's post keeps the cache warm ---------------------------------------


def test_a_feedback_post_keeps_the_cache_warm(warm, committed):
    generation = cache.get(GENERATION_KEY)
    with committed():
        posted = Client().post(
            "/fr/retroaction/envoyer/",
            {"page": warm.pk, "found": "no", "rating": "2", "comment": "Lent."},
            **SAME_SITE,
        )
    assert posted.status_code == 302
    still_warm(generation)


def test_a_survey_answer_keeps_the_cache_warm(warm, consultation, committed):  # noqa: F811
    generation = cache.get(GENERATION_KEY)
    with committed():
        answered = answer_all(Client(), consultation)
    assert answered.status_code == 302 and "?thanks=" in answered["Location"]
    still_warm(generation)


def test_a_call_submission_keeps_the_cache_warm(warm, vitrine, committed):  # noqa: F811
    CallForProjectsPageFactory(parent=vitrine.vitrine_fr, slug="defi")
    generation = cache.get(GENERATION_KEY)
    with committed():
        submitted = Client().post("/fr/vitrine/defi/", CALL_SUBMISSION)
    assert submitted.status_code == 302
    still_warm(generation)


def test_a_subscription_keeps_the_cache_warm(warm, committed):
    generation = cache.get(GENERATION_KEY)
    with committed():
        subscribed = Client().post(
            notifications_url("subscribe"), subscription_form(), **SAME_SITE
        )
    assert subscribed.status_code == 302, subscribed.content[:500]
    still_warm(generation)


def test_a_lab_sign_up_keeps_the_cache_warm(warm, lab_page, committed):  # noqa: F811
    generation = cache.get(GENERATION_KEY)
    with committed():
        signed_up = Client().post("/fr/laboratoire/", PANEL_SIGN_UP, **SAME_SITE)
    assert signed_up.status_code == 302
    still_warm(generation)


# -- an editor's change to what pages show purges it -----------------------------


def test_an_editors_publish_purges(warm, committed):
    generation = cache.get(GENERATION_KEY)
    warm.title = "Services en ligne"
    with committed():
        warm.save_revision().publish()
    purged(generation)


def _organization():
    organization = OrganizationFactory(name="Ministère")
    organization.name = "Ministère de l’Exemple"
    organization.save()


def _theme():
    ThemeFactory(name="Santé")


def _site_settings():
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get())
    settings.contact_email = "info@example.org"
    settings.footer_links.create(
        url="https://example.org/aide", label_fr="Aide", label_en="Help"
    )
    settings.save()


def _feedback_reason():
    from feedback.models import FeedbackReason

    FeedbackReason.objects.create(found=False, label_fr="Trop long", label_en="Long")


def _service():
    ServiceFactory(name="Permis de conduire")


def _survey():
    survey = SurveyFactory(title="Questionnaire")
    survey.title = "Questionnaire révisé"
    survey.save()


def _lab_settings():
    from consultation.lab.models import OrganizationLabSettings

    OrganizationLabSettings.objects.create(
        organization=OrganizationFactory(), invite_after_feedback=True
    )


def _indicator():
    IndicatorFactory()


def _measurement():
    MeasurementFactory(indicator=IndicatorFactory(), date=date(2026, 3, 31))


def _edition():
    from barometre.models import Edition

    Edition.objects.create(year=2026, quarter=1, figures={})


def _benefit_measurement(site_tree):
    index = site_tree.fr
    project = ProjectPageFactory(parent=index, slug="projet")
    return lambda: measure(add_benefit(project), date(2026, 1, 31), 4)


def _image():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(title="Carte", file=get_test_image_file())


def _document():
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    Document.objects.create(title="Rapport", file=ContentFile(b"%PDF", "r.pdf"))


def _search_promotion():
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import Page

    SearchPromotion.objects.create(
        query=Query.get("permis"), page=Page.objects.live().last(), description="P"
    )


EDITS = {
    "organization": _organization,
    "theme": _theme,
    "site settings and footer links": _site_settings,
    "feedback reason": _feedback_reason,
    "public service": _service,
    "survey": _survey,
    "lab settings of an organization": _lab_settings,
    "Baromètre indicator": _indicator,
    "Baromètre measurement": _measurement,
    "Baromètre edition": _edition,
    "image": _image,
    "document": _document,
    "search promotion": _search_promotion,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_edit_of_what_pages_show_purges(warm, committed, edit):
    generation = cache.get(GENERATION_KEY)
    with committed():
        edit()
    purged(generation)


def test_a_measured_benefit_purges(warm, site_tree, committed):
    add_measurement = _benefit_measurement(site_tree)
    Client().get("/fr/services/")
    generation = cache.get(GENERATION_KEY)
    with committed():
        add_measurement()
    purged(generation)


def test_every_snippet_says_whether_public_pages_show_it():
    """A new snippet cannot purge (or fail to purge) by omission."""
    undecided = [
        model._meta.label
        for model in get_snippet_models()
        if not isinstance(getattr(model, "shown_on_public_pages", None), bool)
    ]
    assert not undecided, f"declare shown_on_public_pages on {undecided}"


def test_only_what_public_pages_show_purges():
    labels = {model._meta.label for model in purging_models()}
    for citizen_writes in (
        "feedback.FeedbackEntry",
        "consultation.Response",
        "consultation.Answer",
        "vitrine.CallSubmission",
        "notifications.Subscriber",
        "notifications.Subscription",
        "consultation.PanelMember",
        "search.QueryDay",
        "wagtailimages.Rendition",
    ):
        assert citizen_writes not in labels
    for shown in ("home.Organization", "home.SiteSettings", "wagtailcore.Site"):
        assert shown in labels
