"""The shared block library. Feature apps build their StreamFields on these.

Every block carries a complete Meta so that editors see a label, a description and
a preview in the block picker.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as BaseTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text stays simple: structure comes from blocks, not from pasted markup.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Keep levels in order: a level 3 heading follows a level 2."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading that appears in the page outline.")
        preview_value = {"text": "Une administration plus simple", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "home/blocks/paragraph.html"
        label = _("Text")
        description = _("Paragraphs, lists and links.")
        preview_value = (
            "<p>Les besoins et les attentes de la population envers les services "
            "numériques gouvernementaux sont grandissants.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "home/blocks/image.html"
        label = _("Image")
        description = _("An image with its alternative text and an optional caption.")
        preview_value = {"alt_text": "Photo", "caption": ""}


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    label = blocks.CharBlock(label=_("Link text"), max_length=120)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "home/blocks/link.html"
        description = _("A link to a page of the site or to another site.")
        preview_value = {"url": "https://www.quebec.ca", "label": "Québec.ca"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [_("Choose either a page of the site or an external address.")]
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted box that invites the reader to act.")
        preview_value = {
            "title": "Donnez votre avis",
            "text": "La consultation est ouverte.",
            "link": {"url": "https://www.quebec.ca", "label": "Participer"},
        }


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    content = ParagraphBlock(label=_("Content"))

    class Meta:
        icon = "doc-full"
        label = _("Accordion item")
        template = "home/blocks/accordion_item.html"
        description = _("One question or section that opens and closes.")
        preview_value = {"heading": "Question", "content": "<p>Réponse</p>"}


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "home/blocks/accordion.html"
        label = _("Accordion")
        description = _(
            "Sections that readers open one by one; works without JavaScript."
        )
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {"heading": "Qui peut participer?", "content": "<p>Tout le monde.</p>"}
            ],
        }


class TableBlock(BaseTableBlock):
    class Meta:
        icon = "table"
        template = "home/blocks/table.html"
        label = _("Table")
        description = _("A data table with a caption and a header row.")
        preview_value = {
            "first_row_is_table_header": True,
            "table_caption": "Exemple",
            "data": [["Mesure", "Cible"], ["Formation", "2023"]],
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=400
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "home/blocks/document.html"
        label = _("Document")
        description = _("A downloadable document, with its format and size.")
        preview_value = {"title": "Stratégie (PDF)", "description": ""}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, max_length=200
    )

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation and who said it.")
        preview_value = {
            "quote": "Le numérique au service de la population.",
            "attribution": "Stratégie de transformation numérique",
        }


class CommonStreamBlock(blocks.StreamBlock):
    """Body of every content page. Feature apps subclass it to add their blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    document = DocumentBlock()
    quote = QuoteBlock()

    class Meta:
        label = _("Content")


def validate_heading_order(stream_value):
    """Refuse a body whose headings skip a level (an h4 straight after an h2)."""
    previous = 1  # the page title is the h1
    for child in stream_value:
        if child.block_type != "heading":
            continue
        level = int(child.value["level"][1])
        if level > previous + 1:
            raise ValidationError(
                _("The heading “%(text)s” skips a level: use level %(level)s instead.")
                % {"text": child.value["text"], "level": previous + 1}
            )
        previous = level
