"""Review before publishing, as editors and reviewers do it in the admin (issue 16):
a reviewer publishes the pages of the organizations they review; the author may fix
a typo while the page waits for review."""

import pytest
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from home.roles import EDITORS, PLATFORM_REVIEWERS, REVIEWERS
from tests.factories import OrganizationFactory, StandardPageFactory, UserFactory


def _form(page, title, action):
    data = {
        "title": title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


@pytest.fixture
def cqen(site_tree):
    return OrganizationFactory(name="Centre québécois d’excellence numérique")


@pytest.fixture
def in_review(client, site_tree, cqen):
    """A CQEN page its editor has submitted for review."""
    author = UserFactory(groups=[EDITORS], organizations=[cqen])
    page = StandardPageFactory(
        parent=site_tree.fr, title="Page du CQEN", slug="cqen", organization=cqen
    )
    page.save_revision().publish()
    client.force_login(author)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _form(page, "Page du CQEN, revue", "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    return page, author, state


def _approve(client, reviewer, page, state):
    client.force_login(reviewer)
    task_state = state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )


def test_the_platform_reviewer_publishes_an_organizations_page(client, in_review):
    page, _author, state = in_review
    reviewer = UserFactory(username="revision", groups=[PLATFORM_REVIEWERS])
    response = _approve(client, reviewer, page, state)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert StandardPage.objects.get(pk=page.pk).title == "Page du CQEN, revue"


def test_a_reviewer_of_the_organization_publishes_its_page(client, in_review, cqen):
    page, _author, state = in_review
    reviewer = UserFactory(groups=[REVIEWERS], organizations=[cqen])
    assert _approve(client, reviewer, page, state).status_code == 302
    assert StandardPage.objects.get(pk=page.pk).title == "Page du CQEN, revue"


@pytest.mark.parametrize("organizations", ["another", "none"])
def test_a_reviewer_of_another_organization_cannot(client, in_review, organizations):
    page, _author, state = in_review
    theirs = [OrganizationFactory()] if organizations == "another" else []
    other = UserFactory(groups=[REVIEWERS], organizations=theirs)
    assert _approve(client, other, page, state).status_code == 403
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_author_fixes_a_typo_while_in_review(client, in_review):
    page, author, state = in_review
    client.force_login(author)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", _form(page, "Page du CQEN, corrigée", None)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "Page du CQEN, corrigée"
    # The reviewer reviews (and publishes) the latest draft.
    reviewer = UserFactory(groups=[PLATFORM_REVIEWERS])
    client.logout()
    state.refresh_from_db()
    _approve(client, reviewer, page, state)
    assert StandardPage.objects.get(pk=page.pk).title == "Page du CQEN, corrigée"


@pytest.mark.parametrize(
    ("language", "name"),
    [("fr", "Relecture avant publication"), ("en", "Review before publishing")],
)
def test_the_workflow_is_named_in_the_editors_language(
    client, site_tree, language, name
):
    from wagtail.users.models import UserProfile

    admin = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin)
    assert Workflow.objects.filter(active=True).exists()
    html = client.get("/admin/workflows/list/").content.decode()
    assert name in html


def test_the_moderation_email_links_to_the_configured_admin_address(
    client, site_tree, cqen, settings, mailoutbox
):
    settings.WAGTAILADMIN_BASE_URL = "https://numeriqc.example.gouv.qc.ca"
    UserFactory(groups=[REVIEWERS], email="revision@example.org")
    author = UserFactory(groups=[EDITORS], organizations=[cqen])
    page = StandardPageFactory(parent=site_tree.fr, slug="courriel", organization=cqen)
    client.force_login(author)
    client.post(f"/admin/pages/{page.pk}/edit/", _form(page, "Relire", "action-submit"))
    sent = [m for m in mailoutbox if "revision@example.org" in m.to]
    assert sent
    assert f"https://numeriqc.example.gouv.qc.ca/admin/pages/{page.pk}/" in sent[0].body
    assert "127.0.0.1" not in sent[0].body


def test_the_admin_address_of_emails_comes_from_the_environment():
    from tests.tooling.test_environment import settings_of

    found = settings_of(
        ["WAGTAILADMIN_BASE_URL"],
        {
            "SITE_URL": "https://numeriqc.example",
            "WAGTAILADMIN_BASE_URL": "https://admin.numeriqc.example/",
        },
    )
    assert found == {"WAGTAILADMIN_BASE_URL": "https://admin.numeriqc.example"}
