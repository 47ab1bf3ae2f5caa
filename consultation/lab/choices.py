"""The panel's profile fields: their choices, shared by the models, forms and
matching. Multi-valued fields are stored as one boolean column per choice, so that
matching and balancing are plain SQL on every database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    BAS_SAINT_LAURENT = "01", "Bas-Saint-Laurent"
    SAGUENAY = "02", "Saguenay–Lac-Saint-Jean"
    CAPITALE_NATIONALE = "03", "Capitale-Nationale"
    MAURICIE = "04", "Mauricie"
    ESTRIE = "05", "Estrie"
    MONTREAL = "06", "Montréal"
    OUTAOUAIS = "07", "Outaouais"
    ABITIBI = "08", "Abitibi-Témiscamingue"
    COTE_NORD = "09", "Côte-Nord"
    NORD_DU_QUEBEC = "10", "Nord-du-Québec"
    GASPESIE = "11", "Gaspésie–Îles-de-la-Madeleine"
    CHAUDIERE_APPALACHES = "12", "Chaudière-Appalaches"
    LAVAL = "13", "Laval"
    LANAUDIERE = "14", "Lanaudière"
    LAURENTIDES = "15", "Laurentides"
    MONTEREGIE = "16", "Montérégie"
    CENTRE_DU_QUEBEC = "17", "Centre-du-Québec"


class AgeRange(models.TextChoices):
    FROM_18 = "18-24", _("18 to 24")
    FROM_25 = "25-34", _("25 to 34")
    FROM_35 = "35-49", _("35 to 49")
    FROM_50 = "50-64", _("50 to 64")
    FROM_65 = "65-74", _("65 to 74")
    FROM_75 = "75+", _("75 or older")


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class DigitalComfort(models.TextChoices):
    LOW = "low", _("I rarely use digital tools or find them hard")
    MEDIUM = "medium", _("I manage, sometimes with help")
    HIGH = "high", _("I am comfortable with them")


class Method(models.TextChoices):
    MODERATED = "moderated", _("Moderated interview")
    UNMODERATED = "unmoderated", _("Unmoderated test")
    CARD_SORTING = "card_sorting", _("Card sorting")
    TREE_TEST = "tree_test", _("Tree test")
    SURVEY = "survey", _("Survey")


class Mode(models.TextChoices):
    REMOTE = "remote", _("Remote")
    IN_PERSON = "in_person", _("In person")
    EITHER = "either", _("Remote or in person")


# Multi-valued profile fields: {field: [(choice, column, label)]}.
ASSISTIVE = [
    ("screen_reader", "uses_screen_reader", _("Screen reader")),
    ("magnifier", "uses_magnifier", _("Screen magnifier")),
    ("voice_control", "uses_voice_control", _("Voice control")),
    ("none", "uses_no_assistive_technology", _("None")),
]
DEVICES = [
    ("computer", "has_computer", _("Computer")),
    ("phone", "has_phone", _("Mobile phone")),
    ("tablet", "has_tablet", _("Tablet")),
]
AVAILABILITY = [
    ("daytime", "available_daytime", _("Weekdays, daytime")),
    ("evening", "available_evening", _("Weekday evenings")),
    ("weekend", "available_weekend", _("Weekends")),
]
PARTICIPATION = [
    ("remote", "accepts_remote", _("Remote")),
    ("in_person", "accepts_in_person", _("In person")),
]
MULTI_FIELDS = {
    "assistive": ASSISTIVE,
    "devices": DEVICES,
    "availability": AVAILABILITY,
    "participation": PARTICIPATION,
}
SINGLE_FIELDS = {
    "region": Region,
    "age_range": AgeRange,
    "language": Language,
    "digital_comfort": DigitalComfort,
}
CRITERIA_LABELS = {
    "region": _("Region"),
    "age_range": _("Age range"),
    "language": _("Preferred language"),
    "digital_comfort": _("Comfort with digital tools"),
    "assistive": _("Assistive technologies"),
    "devices": _("Devices"),
    "availability": _("Availability"),
    "participation": _("In person or remote"),
}
CRITERIA = list(CRITERIA_LABELS)


def choices_of(criterion):
    """[(value, label)] of one criterion."""
    if criterion in SINGLE_FIELDS:
        return list(SINGLE_FIELDS[criterion].choices)
    return [(value, label) for value, _column, label in MULTI_FIELDS[criterion]]


def column_of(criterion, value):
    for choice, column, _label in MULTI_FIELDS[criterion]:
        if choice == value:
            return column
    raise KeyError(value)


def all_multi_columns():
    return [column for rows in MULTI_FIELDS.values() for _v, column, _l in rows]


def profile_choices():
    """Every (criterion, value) pair, as "criterion:value", grouped by criterion."""
    return [
        (
            CRITERIA_LABELS[criterion],
            [(f"{criterion}:{value}", label) for value, label in choices_of(criterion)],
        )
        for criterion in CRITERIA
    ]


def split_profile(profile):
    criterion, _sep, value = profile.partition(":")
    return criterion, value
