"""Blocks of consultation pages: the shared library plus the survey."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import CommonStreamBlock


class SurveyBlock(SnippetChooserBlock):
    """Where the survey's form appears in the page (server-rendered)."""

    def __init__(self, **kwargs):
        super().__init__("consultation.Survey", **kwargs)

    class Meta:
        icon = "form"
        template = "consultation/blocks/survey.html"
        label = _("Survey")
        description = _("The questionnaire that citizens answer, without an account.")
        preview_value = None


class ConsultationStreamBlock(CommonStreamBlock):
    survey = SurveyBlock()

    class Meta:
        label = _("Content")
