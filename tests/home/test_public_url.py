"""Every absolute link that leaves the site uses the one configured public address
(SITE_URL), even when the Wagtail Site record says "localhost" as the demo's does:
calendar files, feeds, the DCAT catalogue, confirmation emails."""

import uuid
import xml.etree.ElementTree as ET

import icalendar
from django.core import mail
from wagtail.models import Site

from consultation import services as consultation_services
from consultation.models import Question, Survey
from tests.consultation.factories import (
    ConsultationIndexPageFactory,
    SurveyFactory,
    question,
    survey_page,
)
from tests.training.factories import (
    CoursePageFactory,
    SessionFactory,
    TrainingCatalogPageFactory,
)
from tests.vitrine.factories import ProjectPageFactory, VitrineIndexPageFactory

PUBLIC = "https://numeriqc.gouv.qc.ca"


def use_public_address(settings, site_tree):
    settings.SITE_URL = PUBLIC
    Site.objects.filter(pk=site_tree.site.pk).update(port=8000)  # as a local Site


def test_a_session_calendar_links_the_course_at_the_public_address(
    client, site_tree, settings
):
    use_public_address(settings, site_tree)
    catalogue = TrainingCatalogPageFactory(parent=site_tree.fr)
    course = CoursePageFactory(parent=catalogue, slug="scrum")
    session = SessionFactory(course=course)
    response = client.get(f"/fr/seances-de-formation/{session.pk}.ics")
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["URL"]) == f"{PUBLIC}/fr/formation/scrum/"


def test_the_vitrine_feed_links_at_the_public_address(client, site_tree, settings):
    use_public_address(settings, site_tree)
    index = VitrineIndexPageFactory(parent=site_tree.fr, slug="vitrine")
    ProjectPageFactory(parent=index, slug="alpha")
    rss = client.get("/fr/vitrine/rss/")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 - our feed
    assert channel.findtext("link") == f"{PUBLIC}/fr/vitrine/"
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links == [f"{PUBLIC}/fr/vitrine/alpha/"]


def test_the_dcat_catalogue_uses_the_public_address(client, site_tree, settings):
    use_public_address(settings, site_tree)
    body = client.get("/en/open-data/catalogue.jsonld").content.decode()
    assert PUBLIC in body
    assert "localhost" not in body and "testserver" not in body


def test_a_confirmation_email_links_at_the_public_address(site_tree, settings):
    use_public_address(settings, site_tree)
    survey = SurveyFactory(integrity=Survey.Integrity.EMAIL)
    comment = question(survey, Question.Kind.SHORT_TEXT, "Votre avis")
    index = ConsultationIndexPageFactory(parent=site_tree.fr)
    page = survey_page(index, survey, slug="avis")
    consultation_services.submit_response(
        survey,
        {comment: "Bien"},
        key=uuid.uuid4(),
        language="fr",
        page=page,
        email="a@example.org",
    )
    from consultation.tasks import send_confirmation

    response_id = survey.responses.get().pk
    send_confirmation(response_id, "a@example.org", "fr")
    body = mail.outbox[-1].body
    assert f"{PUBLIC}/fr/consultations/avis/" in body
    assert "testserver" not in body and ":8000" not in body
