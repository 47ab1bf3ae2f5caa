"""The demo content: seeded once, twice without change, answerable and readable."""

from consultation import demo
from consultation.models import ConsultationPage, Question, Response, Survey
from tests.factories import OrganizationFactory


def test_the_demo_seeds_three_consultations_idempotently(client, site_tree):
    OrganizationFactory(slug="sct", name="Secrétariat du Conseil du trésor")
    demo.seed()
    counts = (
        ConsultationPage.objects.count(),
        Survey.objects.count(),
        Response.objects.count(),
    )
    demo.seed()
    assert counts == (
        ConsultationPage.objects.count(),
        Survey.objects.count(),
        Response.objects.count(),
    )
    assert ConsultationPage.objects.count() == 6  # three, in two languages
    assert Response.objects.count() == demo.GENERATED_RESPONSES
    strategy = Survey.objects.get(title="Votre avis sur la stratégie")
    kinds = set(strategy.questions.values_list("kind", flat=True))
    assert kinds == set(Question.Kind.values)
    english = Survey.objects.get(title="Your opinion on the strategy")
    assert (
        english.questions.filter(label="Which region do you live in?")
        .get()
        .choices.filter(label="Montreal")
        .exists()
    )
    open_page = ConsultationPage.objects.get(slug="avenir-numerique")
    assert "Dans quelle région habitez-vous?" in client.get(open_page.url).text
    english_page = ConsultationPage.objects.get(slug="digital-future")
    assert "Which region do you live in?" in client.get(english_page.url).text
    closed = ConsultationPage.objects.get(slug="services-en-ligne-2026")
    results = client.get(closed.url + "results/")
    assert results.status_code == 200
    assert (
        "2\u00a0000 réponses comptées." in results.text
        or "2000 réponses" in results.text
    )
