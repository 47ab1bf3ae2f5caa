from django import template

from consultation.lab.invitation_snippet import panel_invitation

register = template.Library()


@register.inclusion_tag("consultation/lab/includes/panel_invitation.html")
def lab_panel_invitation(organization, place):
    """The invitation to join the testing panel, if the organization wants it."""
    return panel_invitation(organization, place) or {}
