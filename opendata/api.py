"""Wagtail's read API (v2): pages, images and documents; read-only, public only.

Only live pages outside private sections, and documents outside restricted
collections, are served (Wagtail's own rules); the fields are the public ones
listed below (a page model adds its own with `api_fields`). JSON only, CORS for GET.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.cleaning import as_id

from .cors import CorsReadOnlyMixin

NAMESPACE = "opendata:api"


class IdCheckedFindMixin:
    """`find/?id=abc` is a 400, not a 500 (Wagtail passes the text to the query)."""

    def find_object(self, queryset, request):
        if "id" in request.GET and as_id(request.GET["id"]) is None:
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(IdCheckedFindMixin, CorsReadOnlyMixin, PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "seo_title",
        "search_description",
        "first_published_at",
        "alias_of",
        "parent",
        "locale",
    ]


class PublicImagesAPIViewSet(IdCheckedFindMixin, CorsReadOnlyMixin, ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    body_fields = ["id", "title", "width", "height"]
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url"]


class PublicDocumentsAPIViewSet(
    IdCheckedFindMixin, CorsReadOnlyMixin, DocumentsAPIViewSet
):
    renderer_classes = [JSONRenderer]
    body_fields = ["id", "title"]
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url"]


api_router = WagtailAPIRouter(NAMESPACE)
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
