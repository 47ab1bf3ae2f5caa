"""The image a page shows on its own page and on the cards that list it.

The image file is shared by every language (wagtail-localize synchronises the
field); its alternative text is a field of the page, so it is translated with the
page. A page cannot be saved with an image and no alternative text: every image
here illustrates the item it stands beside, so none is decorative.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

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
