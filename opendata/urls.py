from django.urls import include, path, re_path

from . import views
from .api import api_router

app_name = "opendata"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("catalogue.jsonld", views.dcat, name="dcat"),
    re_path(
        r"^(?P<slug>[a-z0-9-]{1,80})\.(?P<file_format>csv|json)$",
        views.download,
        name="download",
    ),
    path("api/datasets/<slug:slug>/records/", views.records, name="records"),
    path(
        "api/v2/",
        include((api_router.get_urlpatterns(), "api"), namespace="api"),
    ),
]
