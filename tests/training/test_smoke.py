from .factories import CoursePageFactory, SessionFactory


def test_catalogue_and_course_render(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Agilité 101")
    SessionFactory(course=course)
    response = client.get("/fr/formation/")
    assert response.status_code == 200, response.content[:3000]
    assert "Agilité 101" in response.text
    response = client.get(course.url)
    assert response.status_code == 200
    print(response.text)
