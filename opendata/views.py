"""The open-data catalogue, dataset downloads (CSV, JSON), the DCAT document."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import condition, require_safe

from home.exports import stream_csv, stream_json
from numeriqc.pagecache import cache_public_view

from . import services
from .cors import cors_read_only
from .datasets import LICENCE_NAME, LICENCE_URL, all_datasets


# The same for every visitor; its dates follow the data at most
# PAGE_CACHE_SECONDS late (docs/performance.md).
@cache_public_view()
@require_safe
def catalogue(request):
    datasets = [
        {
            "dataset": dataset,
            "last_modified": services.last_modified(dataset),
            "downloads": [
                (file_format.upper(), services.download_url(dataset, file_format))
                for file_format in services.FORMATS
            ],
        }
        for dataset in all_datasets().values()
    ]
    return render(
        request,
        "opendata/catalogue.html",
        {
            "datasets": datasets,
            "coming": services.coming_datasets(),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
        },
    )


def _dataset(slug, file_format):
    dataset = services.dataset_or_none(slug)
    if dataset is None or file_format not in services.FORMATS:
        raise Http404
    return dataset


def _etag(request, slug, file_format):
    dataset = services.dataset_or_none(slug)
    if dataset is None or file_format not in services.FORMATS:
        return None
    return services.etag(dataset, file_format, translation.get_language())


def _last_modified(request, slug, file_format):
    dataset = services.dataset_or_none(slug)
    if dataset is None or file_format not in services.FORMATS:
        return None
    return services.last_modified(dataset)


@cors_read_only
@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def download(request, slug, file_format):
    """The whole dataset, streamed row by row; 304 when the client has this version."""
    dataset = _dataset(slug, file_format)
    filename = f"{dataset.slug}.{file_format}"
    if file_format == "csv":
        response = stream_csv(
            filename, dataset.field_names, services.rows_as_lists(dataset)
        )
    else:
        response = stream_json(
            filename,
            services.rows_as_dicts(dataset),
            envelope={
                "dataset": dataset.slug,
                "title": str(dataset.title),
                "licence": LICENCE_URL,
                "fields": [field.name for field in dataset.fields],
            },
        )
    response["Cache-Control"] = "public, max-age=300"
    return response


@cors_read_only
@require_safe
def dcat(request):
    response = JsonResponse(
        services.dcat_catalogue(), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response


@cors_read_only
@require_safe
def records(request, slug):
    """A dataset's records, filtered, paged and with the chosen fields (JSON)."""
    dataset = services.dataset_or_none(slug)
    if dataset is None:
        raise Http404
    params = {key: request.GET.get(key, "") for key in request.GET}
    try:
        page = services.records_page(dataset, params)
    except services.BadQuery as error:
        return JsonResponse({"error": str(error)}, status=400)
    following = page["offset"] + page["limit"]
    if following < page["count"]:
        query = request.GET.copy()
        query["offset"] = str(following)
        page["next"] = f"{request.path}?{query.urlencode()}"
    else:
        page["next"] = None
    body = {"dataset": dataset.slug, "title": str(dataset.title), **page}
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
