"""The image a page shows on its own page and on the cards that list it.

The image file is shared by every language (wagtail-localize synchronises the
field); its alternative text is a field of the page, so it is translated with the
page. A page cannot be saved with an image and no alternative text: every image
here illustrates the item it stands beside, so none is decorative.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

ALT_TEXT_MAX_LENGTH = 250


class PageImageMixin(models.Model):
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and on the cards that list it."),
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=ALT_TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    image_panels = [
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            # Lazy: the message comes out in the language of the editor reading it.
            raise ValidationError({"image_alt": MISSING_ALT_TEXT})


MISSING_ALT_TEXT = _(
    "Give the image an alternative text: an image without one cannot be published."
)


# The renditions of home/includes/card_picture.html and hero_picture.html: WebP for
# browsers that take it, JPEG for the others, each at two widths (srcset). Listings
# prefetch exactly these, so that a card costs no query of its own.
CARD_WIDTHS = ("400x225", "800x450")
HERO_WIDTHS = ("640x360", "1280x720")
FORMATS = ("webp", "jpeg")


def specs(sizes):
    """The renditions `{% picture %}` makes of a raster image, as it names them.

    The templates also say `preserve-svg` (an SVG, which editors may upload, is
    served as it is, where a format conversion would fail); Wagtail drops that
    word from the name of a raster image's renditions."""
    return [f"fill-{size}|format-{fmt}" for size in sizes for fmt in FORMATS]


CARD_SPECS = specs(CARD_WIDTHS)
HERO_SPECS = specs(HERO_WIDTHS)


def prefetch_renditions(lookup="image", filter_specs=CARD_SPECS):
    """Prefetch the given renditions of the images at `lookup` (one query).

    What `Image.objects.prefetch_renditions(*specs)` does, through a relation:
    `{% picture %}` then finds every rendition in memory, and reads none of the
    other sizes for nothing.
    """
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=filter_specs)
    )
    return Prefetch(
        f"{lookup}__renditions", queryset=renditions, to_attr="prefetched_renditions"
    )
