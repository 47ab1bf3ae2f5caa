"""An organization editor sees and edits only their organizations' content."""

import pytest

from home.models import StandardPage
from home.scoping import scope_queryset, user_can_access
from tests.factories import (
    OrganizationFactory,
    StandardPageFactory,
    UserFactory,
    translate_snippet,
)


@pytest.fixture
def two_organizations(site_tree):
    cqen = OrganizationFactory(name="CQEN", slug="cqen")
    itq = OrganizationFactory(name="ITQ", slug="itq")
    cqen_page = StandardPageFactory(
        parent=site_tree.fr, title="Page du CQEN", slug="cqen", organization=cqen
    )
    itq_page = StandardPageFactory(
        parent=site_tree.fr, title="Page d’ITQ", slug="itq", organization=itq
    )
    shared_page = StandardPageFactory(
        parent=site_tree.fr, title="Page commune", slug="commune"
    )
    editor = UserFactory(groups=["Editors"], organizations=[cqen])
    return cqen, itq, cqen_page, itq_page, shared_page, editor


def test_editor_may_edit_their_organizations_pages_only(two_organizations):
    cqen, itq, cqen_page, itq_page, shared_page, editor = two_organizations
    assert cqen_page.permissions_for_user(editor).can_edit()
    assert shared_page.permissions_for_user(editor).can_edit()
    assert not itq_page.permissions_for_user(editor).can_edit()
    assert not itq_page.permissions_for_user(editor).can_delete()
    assert not itq_page.permissions_for_user(editor).can_submit_for_moderation()


def test_editor_gets_403_on_another_organizations_page(client, two_organizations):
    cqen, itq, cqen_page, itq_page, shared_page, editor = two_organizations
    client.force_login(editor)
    assert client.get(f"/admin/pages/{cqen_page.pk}/edit/").status_code == 200
    forbidden = client.get(f"/admin/pages/{itq_page.pk}/edit/")
    assert forbidden.status_code in (302, 403)
    assert client.post(
        f"/admin/pages/{itq_page.pk}/edit/", {"title": "Piraté"}
    ).status_code in (302, 403)
    assert StandardPage.objects.get(pk=itq_page.pk).title == "Page d’ITQ"


def test_explorer_hides_other_organizations_pages(client, two_organizations, site_tree):
    cqen, itq, cqen_page, itq_page, shared_page, editor = two_organizations
    client.force_login(editor)
    listing = client.get(f"/admin/pages/{site_tree.fr.pk}/").text
    assert "Page du CQEN" in listing
    assert "Page commune" in listing
    assert "Page d’ITQ" not in listing


def test_administrator_sees_everything(client, two_organizations, site_tree):
    *_, itq_page, _shared, _editor = two_organizations
    admin = UserFactory(groups=["Administrators"])
    assert itq_page.permissions_for_user(admin).can_edit()
    client.force_login(admin)
    assert "Page d’ITQ" in client.get(f"/admin/pages/{site_tree.fr.pk}/").text


def test_scope_queryset_follows_translations_of_the_organization(two_organizations):
    cqen, itq, *_rest, editor = two_organizations
    cqen_en = translate_snippet(cqen, name="CQEN (en)")
    pages = scope_queryset(StandardPage.objects.all(), editor)
    assert {page.slug for page in pages} == {"cqen"}
    assert user_can_access(editor, cqen_en)
    assert not user_can_access(editor, itq)


def test_anonymous_and_inactive_users_see_nothing(two_organizations):
    from django.contrib.auth.models import AnonymousUser

    cqen, *_rest, editor = two_organizations
    assert scope_queryset(StandardPage.objects.all(), AnonymousUser()).count() == 0
    editor.is_active = False
    assert not user_can_access(editor, cqen)
