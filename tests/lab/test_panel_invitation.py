"""The panel invitation other apps show after a feedback or a survey."""

from django.template import Context, Template

from consultation.lab.invitation_snippet import panel_invitation
from consultation.lab.models import OrganizationLabSettings
from tests.factories import OrganizationFactory, translate_snippet

TEMPLATE = Template(
    '{% load lab_tags %}{% lab_panel_invitation organization "feedback" %}'
)


def render(organization, language):
    from django.utils import translation

    with translation.override(language):
        return TEMPLATE.render(Context({"organization": organization}))


def test_shown_only_where_the_organization_wants_it(lab_page):
    organization = OrganizationFactory()
    assert panel_invitation(organization, "feedback") is None
    OrganizationLabSettings.objects.create(
        organization=organization, invite_after_feedback=True
    )
    assert panel_invitation(organization, "feedback")["lab_invitation"]["url"]
    assert panel_invitation(organization, "survey") is None
    assert panel_invitation(None, "feedback") is None


def test_rendered_in_both_languages_for_both_rows_of_the_organization(lab_page):
    organization = OrganizationFactory()
    english = translate_snippet(organization, name="Ministry")
    OrganizationLabSettings.objects.create(
        organization=organization, invite_after_feedback=True
    )
    french = render(organization, "fr")
    assert "Aidez-nous à tester les services publics" in french
    assert 'href="/fr/laboratoire/#join"' in french
    in_english = render(english, "en")
    assert "Help us test public services" in in_english
    assert 'href="/en/lab/#join"' in in_english
    assert render(OrganizationFactory(), "fr").strip() == ""
