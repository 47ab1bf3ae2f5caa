"""What the search covers, and how an app adds to it.

Pages: every live, public Page subclass is searched; an app adds its own fields to
`search_fields` (`index.SearchField("body")`, `index.RelatedFields("themes",
[index.SearchField("name")])`, ...). Facets need nothing more: a page model's
foreign keys and many-to-many fields to `home.Organization` and `home.Theme` are
found by introspection. The kind of a page (the "content type" facet) comes from
its app (consultation, vitrine, training), or from a `search_kind` class attribute.

Snippets: an app whose public snippet has its own page (`get_absolute_url()`)
declares it through the hook `numeriqc_search_snippets` (`fn() -> [Model]`); the
model must be `index.Indexed`, translatable, with `index.FilterField("locale_id")`.
"""

from functools import cache

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, get_page_models

SNIPPETS_HOOK = "numeriqc_search_snippets"

KINDS = {
    "page": _("Page"),
    "consultation": _("Consultation"),
    "project": _("Project"),
    "course": _("Course"),
    "service": _("Public service"),
}
KIND_OF_APP = {
    "consultation": "consultation",
    "vitrine": "project",
    "training": "course",
}
FACET_TARGETS = {"organization": ("home", "Organization"), "theme": ("home", "Theme")}


def kind_of(model):
    explicit = getattr(model, "search_kind", None)
    if explicit:
        return explicit
    if not issubclass(model, Page):
        return "service"
    return KIND_OF_APP.get(model._meta.app_label, "page")


def searchable_page_models():
    return [model for model in get_page_models() if model is not Page]


def models_of_kind(kind):
    return [model for model in searchable_page_models() if kind_of(model) == kind]


@cache
def facet_fields(facet):
    """{page model: [field name]} of the fields pointing at this facet's model."""
    target = apps.get_model(*FACET_TARGETS[facet])
    found = {}
    for model in searchable_page_models():
        names = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, models.ForeignKey | models.ManyToManyField)
            and field.related_model is target
            and not field.auto_created
        ]
        if names:
            found[model] = names
    return found


def snippet_models():
    found = []
    for declare in hooks.get_hooks(SNIPPETS_HOOK):
        found.extend(model for model in declare() if model not in found)
    return found


def index_facet_names():
    """Every page model also indexes the names of its organizations and themes.

    Called once at start-up: a page found by "Cybersécurité" when that is the name
    of its organization, without each app repeating the same RelatedFields.
    """
    from wagtail.search import index

    for facet in FACET_TARGETS:
        for model, names in facet_fields(facet).items():
            present = {
                getattr(field, "field_name", None) for field in model.search_fields
            }
            added = [
                index.RelatedFields(name, [index.SearchField("name")])
                for name in names
                if name not in present
            ]
            if added:
                model.search_fields = [*model.search_fields, *added]
