"""Learning paths: courses in order, in the reader's language."""

from datetime import timedelta

from django.utils import timezone

from tests.factories import translate_page

from .factories import (
    CoursePageFactory,
    LearningPathPageFactory,
    SessionFactory,
    add_steps,
)


def test_a_path_lists_its_courses_in_order_with_their_next_session(client, catalogue):
    first = CoursePageFactory(
        parent=catalogue, title="Culture numérique", duration_hours=2
    )
    second = CoursePageFactory(parent=catalogue, title="Gouvernance", duration_hours=7)
    SessionFactory(course=second, start_at=timezone.now() + timedelta(days=4))
    path = LearningPathPageFactory(
        parent=catalogue,
        slug="gestionnaire",
        title="Gestionnaire en transformation numérique",
        audience="managers",
    )
    add_steps(path, [second, first])
    response = client.get("/fr/formation/gestionnaire/")
    text = response.text
    assert response.status_code == 200
    assert text.index("Gouvernance") < text.index("Culture numérique")
    assert "Gestionnaires" in text and "9 h" in text
    assert "Prochaine séance :" in text and "Aucune séance prévue" in text
    catalogue_page = client.get("/fr/formation/")
    assert "Parcours de formation" in catalogue_page.text
    assert "Gestionnaire en transformation numérique" in catalogue_page.text
    course_page = client.get(second.url)
    assert "Fait partie de ces parcours" in course_page.text


def test_the_english_path_links_the_english_courses(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Données", slug="donnees")
    english_course = translate_page(course, title="Data", slug="data")
    path = LearningPathPageFactory(parent=catalogue, slug="parcours")
    add_steps(path, [course])
    translate_page(path, title="Data path", slug="data-path", goal="Learn data.")
    response = client.get("/en/training/data-path/")
    assert response.status_code == 200
    assert 'href="/en/training/data/"' in response.text
    assert ">Data</a>" in response.text
    assert "Total duration" in response.text
    assert english_course.title == "Data"
