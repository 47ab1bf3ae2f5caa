"""Staff work within their organizations: course pages, the session report and
its export."""

import pytest

from home.roles import EDITORS
from tests.factories import OrganizationFactory, UserFactory
from training.models import CoursePage, LearningPathPage, TrainingCatalogPage

from .factories import CoursePageFactory, SessionFactory


@pytest.fixture
def offer(catalogue):
    ours = OrganizationFactory(name="Académie", slug="academie")
    theirs = OrganizationFactory(name="ENAP", slug="enap")
    our_course = CoursePageFactory(
        parent=catalogue, title="Cours de l’Académie", provider=ours
    )
    their_course = CoursePageFactory(
        parent=catalogue, title="Cours de l’ENAP", provider=theirs
    )
    SessionFactory(course=our_course)
    SessionFactory(course=their_course)
    editor = UserFactory(groups=[EDITORS], organizations=[ours])
    return our_course, their_course, editor


def test_editors_edit_only_their_organization_courses(client, offer):
    our_course, their_course, editor = offer
    client.force_login(editor)
    assert client.get(f"/admin/pages/{our_course.pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{their_course.pk}/edit/")
    assert refused.status_code in {302, 403}


def test_the_session_report_and_export_are_scoped(client, offer):
    _ours, _theirs, editor = offer
    client.force_login(editor)
    report = client.get("/admin/training/sessions/")
    assert report.status_code == 200
    assert "Cours de l’Académie" in report.text
    assert "Cours de l’ENAP" not in report.text
    assert "1 séance à venir des cours de vos organisations." in report.text
    export = client.get("/admin/training/sessions/export/")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Cours de l’Académie" in body and "Cours de l’ENAP" not in body


def test_administrators_see_every_session(client, offer):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    report = client.get("/admin/training/sessions/")
    assert "Cours de l’Académie" in report.text and "Cours de l’ENAP" in report.text


def test_anonymous_visitors_cannot_read_the_report(client, offer):
    response = client.get("/admin/training/sessions/export/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_page_type_rules():
    assert TrainingCatalogPage.max_count == 2
    assert CoursePage.parent_page_types == ["training.TrainingCatalogPage"]
    assert CoursePage.subpage_types == []
    assert LearningPathPage.parent_page_types == ["training.TrainingCatalogPage"]
    assert LearningPathPage.subpage_types == []
    assert set(TrainingCatalogPage.subpage_types) == {
        "training.CoursePage",
        "training.LearningPathPage",
    }


def test_editors_choose_the_provider_among_their_organizations(client, offer):
    our_course, _theirs, editor = offer
    client.force_login(editor)
    response = client.get(f"/admin/pages/{our_course.pk}/edit/")
    assert "Académie" in response.text
    assert '<option value="' in response.text
    form = response.context["form"]
    assert [str(o) for o in form.fields["provider"].queryset] == [
        str(our_course.provider)
    ]
