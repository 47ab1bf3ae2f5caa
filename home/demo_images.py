"""Demo illustrations, drawn with Pillow: no download, the same picture every run.

Each illustration is an abstract composition (a gradient and a few shapes) chosen
from its key, so that every card of a listing has an image of its own, and it comes
with an alternative text in French and English that says what it shows.
"""

import io
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1280, 720

# (RGB, French name, English name): light and dark ends of each gradient.
PALETTES = [
    ((0, 61, 122), (95, 168, 230), "bleu", "blue"),
    ((0, 92, 69), (120, 200, 160), "vert", "green"),
    ((122, 31, 61), (240, 150, 170), "framboise", "raspberry"),
    ((70, 40, 120), (180, 160, 230), "violet", "purple"),
    ((140, 70, 0), (250, 200, 110), "orangé", "orange"),
    ((30, 60, 70), (140, 200, 210), "sarcelle", "teal"),
]
# (French plural, English plural) of the shapes drawn.
SHAPES = {
    "circle": ("cercles", "circles"),
    "square": ("carrés", "squares"),
    "band": ("bandes", "bands"),
}


@dataclass
class Illustration:
    image: object
    alt_fr: str
    alt_en: str


def illustration(key):
    """The demo image for `key`, made once and then found by its title."""
    chance = random.Random(key)  # noqa: S311 - a drawing, not a secret
    dark, light, colour_fr, colour_en = chance.choice(PALETTES)
    shape = chance.choice(list(SHAPES))
    shapes_fr, shapes_en = SHAPES[shape]
    alt_fr = f"Illustration abstraite : {shapes_fr} clairs sur un dégradé {colour_fr}"
    alt_en = f"Abstract illustration: light {shapes_en} on a {colour_en} gradient"
    if shape == "band":
        alt_fr = alt_fr.replace("clairs", "claires")
    Image = get_image_model()
    title = f"Illustration {key}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        content = _draw(chance, dark, light, shape)
        image = Image(title=title)
        image.file = ImageFile(content, name=f"illustration-{key}.jpg")
        image.save()
    return Illustration(image, alt_fr, alt_en)


def _draw(chance, dark, light, shape):
    # A two-pixel image stretched is a smooth gradient in one C call.
    picture = PILImage.new("RGB", (2, 1))
    picture.putdata([dark, light])
    picture = picture.resize((WIDTH, HEIGHT), PILImage.Resampling.BILINEAR)
    draw = ImageDraw.Draw(picture, "RGBA")
    for _ in range(chance.randint(4, 8)):
        x, y = chance.randrange(WIDTH), chance.randrange(HEIGHT)
        size = chance.randint(60, 260)
        fill = (255, 255, 255, chance.randint(50, 140))
        if shape == "circle":
            draw.ellipse((x - size, y - size, x + size, y + size), fill=fill)
        elif shape == "square":
            draw.rectangle((x - size, y - size, x + size, y + size), fill=fill)
        else:
            draw.rectangle((0, y, WIDTH, y + size // 3), fill=fill)
    content = io.BytesIO()
    picture.save(content, "JPEG", quality=80)
    content.seek(0)
    return content


def page_image_fields(key):
    """Fields of a new page that carries an image (home.images.PageImageMixin)."""
    picture = illustration(key)
    return {"image": picture.image, "image_alt": picture.alt_fr}


def ensure_page_image(page, key):
    """Give an existing demo page its illustration if it has none (a demo loaded
    before images existed). Returns the alternative text's translation, and
    whether the page changed (its English translation then needs refreshing)."""
    picture = illustration(key)
    strings = {picture.alt_fr: picture.alt_en}
    if page.image_id:
        return strings, False
    page.image, page.image_alt = picture.image, picture.alt_fr
    page.save_revision().publish()
    return strings, True
