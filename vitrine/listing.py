"""The Vitrine's listing: filters, sorting, pages of results and facet links.

The number of queries does not depend on how many projects a page of results
shows: organizations, themes, images and their renditions are prefetched, and
names in the reader's language are looked up once for the whole page.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch

from home.images import prefetch_renditions
from home.models import Organization, Theme
from numeriqc.sharedcache import public

from .filters import ProjectFilterSet, Sort
from .models import Phase, ProjectImage, ProjectPage

PER_PAGE = 12


def projects_of(index_page):
    # No view-restriction query when the site has none (numeriqc.sharedcache).
    return public(ProjectPage.objects.child_of(index_page).live())


def listing_context(index_page, request):
    filterset = ProjectFilterSet(
        request.GET or None,
        queryset=projects_of(index_page),
        locale=index_page.locale,
        request=request,
    )
    projects = filterset.ordered() if filterset.is_bound else _default(filterset)
    page_obj = Paginator(with_card_data(projects), PER_PAGE).get_page(
        request.GET.get("page")
    )
    attach_localized_names(page_obj.object_list, index_page.locale_id)
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "projects": page_obj.object_list,
        "result_count": page_obj.paginator.count,
        "facets": facets(filterset, request),
        "sort_links": sort_links(filterset, request),
    }


def _default(filterset):
    return filterset.queryset.order_by(*Sort.ORDERING[Sort.NEWEST])


def with_card_data(projects):
    images = ProjectImage.objects.select_related("image").prefetch_related(
        prefetch_renditions()
    )
    return projects.select_related("measure").prefetch_related(
        "organizations", "themes", Prefetch("images", queryset=images)
    )


def localized_names(model, rows, locale_id):
    """Names of `rows` in the given locale when a translation exists (one query)."""
    rows = list(rows)
    keys = {row.translation_key for row in rows}
    translated = {
        row.translation_key: row
        for row in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [translated.get(row.translation_key, row) for row in rows]


def attach_localized_names(projects, locale_id):
    """Give each project `organization_list` and `theme_list` in its language."""
    projects = list(projects)
    organizations = {o.pk: o for p in projects for o in p.organizations.all()}
    themes = {t.pk: t for p in projects for t in p.themes.all()}
    org_names = _by_pk(Organization, organizations.values(), locale_id)
    theme_names = _by_pk(Theme, themes.values(), locale_id)
    for project in projects:
        project.organization_list = [
            org_names[o.pk] for o in project.organizations.all()
        ]
        project.theme_list = [theme_names[t.pk] for t in project.themes.all()]
        images = list(project.images.all())
        project.card_image = images[0] if images else None
    return projects


def _by_pk(model, rows, locale_id):
    rows = list(rows)
    return dict(
        zip(
            [row.pk for row in rows],
            localized_names(model, rows, locale_id),
            strict=True,
        )
    )


def _url(request, **changes):
    """The current query with some parameters changed (None removes one)."""
    params = {key: value for key, value in request.GET.items() if key != "page"}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params) if params else "?"


def facets(filterset, request):
    """Filters as links: phases and axes, each link keeping the other filters."""
    current = request.GET
    groups = [
        ("phase", filterset.filters["phase"].label, Phase.choices),
        (
            "axis",
            filterset.filters["axis"].label,
            filterset.filters["axis"].extra["choices"],
        ),
    ]
    return [
        {
            "name": name,
            "label": label,
            "all_url": _url(request, **{name: None}),
            "all_current": not current.get(name),
            "links": [
                {
                    "label": text,
                    "url": _url(request, **{name: value}),
                    "current": current.get(name) == value,
                }
                for value, text in choices
            ],
        }
        for name, label, choices in groups
    ]


def sort_links(filterset, request):
    chosen = filterset.chosen_sort
    return [
        {"label": label, "url": _url(request, sort=value), "current": value == chosen}
        for value, label in Sort.CHOICES
    ]
