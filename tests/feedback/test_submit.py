"""Posting feedback: with and without JavaScript, and every refusal."""

import pytest

from feedback.models import FeedbackEntry
from tests.factories import OrganizationFactory, StandardPageFactory, translate_page

from .factories import ServiceFactory, reason

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
AS_JSON = {**SAME_SITE, "HTTP_ACCEPT": "application/json"}


@pytest.fixture
def content_page(site_tree):
    organization = OrganizationFactory(name="Ministère des Exemples")
    page = StandardPageFactory(
        parent=site_tree.fr, slug="permis", title="Permis", organization=organization
    )
    translate_page(page, title="Permit", slug="permit")
    return page


def post(client, language="fr", headers=SAME_SITE, **data):
    prefix = "retroaction/envoyer" if language == "fr" else "feedback/send"
    return client.post(f"/{language}/{prefix}/", data, **headers)


def test_without_javascript_the_visitor_returns_to_the_page_with_a_thank_you(
    client, content_page
):
    no = reason(found=False)
    response = post(
        client,
        page=content_page.pk,
        path="/fr/permis/",
        found="no",
        reason=no.pk,
        rating="2",
        comment="Le lien est brisé.",
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/permis/?feedback=thanks#feedback"
    assert not response.cookies
    entry = FeedbackEntry.objects.get()
    assert (entry.found, entry.reason, entry.rating) == (False, no, 2)
    assert entry.page_id == content_page.pk and entry.language == "fr"
    assert entry.organization == content_page.organization
    assert entry.status == FeedbackEntry.Status.NEW
    thanked = client.get(response["Location"])
    assert "Merci de votre avis." in thanked.text


def test_with_javascript_the_answer_is_json_and_the_page_stays(client, content_page):
    response = post(
        client, "en", AS_JSON, page=content_page.pk, found="yes", rating="5"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert "Thank you for your feedback." in body["html"]
    assert FeedbackEntry.objects.get().language == "en"


def test_personal_information_is_masked_before_it_is_stored(client, content_page):
    post(
        client,
        page=content_page.pk,
        found="no",
        comment="Rappelez-moi au 514 555-1234 ou à julie@example.org",
        suggestion="Mon NAS est 046 454 286, tabarnak.",
    )
    entry = FeedbackEntry.objects.get()
    assert entry.comment == (
        "Rappelez-moi au [téléphone masqué] ou à [courriel masqué]"
    )
    assert entry.suggestion == "Mon NAS est [NAS masqué], t*******."


def test_a_threat_is_flagged_urgent_and_the_organization_alerted(
    client, content_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, page=content_page.pk, found="no", comment="Je vais vous tuer.")
    assert FeedbackEntry.objects.get().urgency == "threat"


def test_feedback_on_a_service_goes_to_its_organization(client, site_tree):
    service = ServiceFactory(slug="permis-de-peche")
    response = post(client, service=service.pk, found="yes")
    assert response["Location"] == (
        "/fr/retroaction/services/permis-de-peche/?feedback=thanks#feedback"
    )
    entry = FeedbackEntry.objects.get()
    assert entry.service == service and entry.organization == service.organization


@pytest.mark.parametrize(
    ("headers", "language", "message"),
    [
        ({}, "fr", "n’a pas été envoyé à partir d’une page de ce site"),
        (
            {"HTTP_ORIGIN": "https://evil.example"},
            "en",
            "not sent from a page of this site",
        ),
        (
            {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
            "en",
            "not sent from a page of this site",
        ),
    ],
)
def test_a_post_from_elsewhere_is_refused_and_nothing_stored(
    client, content_page, headers, language, message
):
    response = post(client, language, headers, page=content_page.pk, found="yes")
    assert response.status_code == 403
    assert message in response.text
    assert not FeedbackEntry.objects.exists()


def test_a_too_long_comment_is_refused_with_a_clear_message(client, content_page):
    response = post(client, page=content_page.pk, found="yes", comment="a" * 751)
    assert response.status_code == 400
    assert (
        "Votre commentaire est trop long : 750 caractères au maximum (il en a 751)."
        in response.text
    )
    assert (
        'aria-describedby="feedback-comment-hint feedback-comment-error'
        in response.text
    )
    assert "a" * 751 in response.text  # the text is given back, not lost
    assert not FeedbackEntry.objects.exists()


def test_line_breaks_count_as_one_character(client, content_page):
    comment = "\r\n".join(["x" * 49] * 15)  # 735 characters plus 14 line breaks
    post(client, page=content_page.pk, found="yes", comment=comment)
    assert len(FeedbackEntry.objects.get().comment) == 749


def test_errors_come_back_as_json_with_javascript(client, content_page):
    response = post(client, "en", AS_JSON, page=content_page.pk, suggestion="b" * 800)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["found"] == ["Answer “Yes” or “No” before sending."]
    assert errors["suggestion"][0].startswith("Your suggestion is too long")
    assert not FeedbackEntry.objects.exists()


def test_a_reason_of_the_other_answer_is_refused(client, content_page):
    response = post(
        client, page=content_page.pk, found="yes", reason=reason(found=False).pk
    )
    assert response.status_code == 400
    assert not FeedbackEntry.objects.exists()


def test_the_rate_limit_refuses_with_a_clear_message(client, content_page, settings):
    settings.FEEDBACK_POSTS_PER_ADDRESS = 2
    for _attempt in range(2):
        assert post(client, page=content_page.pk, found="yes").status_code == 302
    refused = post(client, page=content_page.pk, found="yes")
    assert refused.status_code == 429
    assert "Veuillez réessayer dans" in refused.text
    assert int(refused["Retry-After"]) > 0
    english = post(client, "en", AS_JSON, page=content_page.pk, found="yes")
    assert english.status_code == 429
    assert "Please try again in" in english.json()["message"]
    assert FeedbackEntry.objects.count() == 2


def test_an_outside_address_is_never_a_redirect_target(client, site_tree):
    response = post(client, path="https://evil.example/", found="yes")
    assert response.status_code == 400
    assert not FeedbackEntry.objects.exists()
    local = post(client, path="/fr/recherche/", found="yes")
    assert local["Location"] == "/fr/recherche/?feedback=thanks#feedback"


def test_a_get_is_not_allowed(client, site_tree):
    assert client.get("/fr/retroaction/envoyer/").status_code == 405


def test_a_form_given_back_keeps_the_address_it_came_from(client, site_tree):
    response = post(client, path="/fr/recherche/", found="yes", comment="c" * 800)
    assert response.status_code == 400
    assert 'name="path" value="/fr/recherche/"' in response.text
    assert "Retourner à la page que vous lisiez" in response.text


def test_an_identical_comment_posted_twice_within_a_minute_is_stored_once(
    client, content_page
):
    data = {
        "page": content_page.pk,
        "path": "/fr/permis/",
        "found": "no",
        "comment": "Le formulaire refuse mon code postal.",
    }
    first = post(client, **data)
    again = post(client, **data)
    assert first.status_code == again.status_code == 302  # both thanked
    stored = FeedbackEntry.objects.filter(comment__startswith="Le formulaire refuse")
    assert stored.count() == 1
    # Another visitor (another address) saying the same thing is counted.
    post(client, headers={**SAME_SITE, "REMOTE_ADDR": "203.0.113.9"}, **data)
    assert stored.count() == 2
    # So is the same visitor saying something else.
    post(client, **{**data, "comment": "Et le bouton est caché."})
    assert FeedbackEntry.objects.filter(page=content_page).count() == 3


def test_the_same_comment_a_minute_later_is_stored_again(client, content_page):
    from datetime import timedelta

    from django.utils import timezone

    from feedback import services

    data = {"page": content_page, "found": False, "comment": "Page lente."}
    now = timezone.now()
    services.submit_feedback(data, "fr", visitor="198.51.100.7", now=now)
    services.submit_feedback(data, "fr", visitor="198.51.100.7", now=now)
    later = now + timedelta(seconds=61)
    services.submit_feedback(data, "fr", visitor="198.51.100.7", now=later)
    assert FeedbackEntry.objects.filter(comment="Page lente.").count() == 2


@pytest.mark.parametrize("field", ["comment", "suggestion"])
def test_the_model_refuses_a_text_longer_than_the_form_allows(field):
    from django.core.exceptions import ValidationError

    from feedback.models import TEXT_MAX_LENGTH

    entry = FeedbackEntry(**{field: "a" * (TEXT_MAX_LENGTH + 1)})
    with pytest.raises(ValidationError) as refused:
        entry.clean_fields()
    assert field in refused.value.message_dict
