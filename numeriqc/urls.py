from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from notifications import views as notifications_views
from numeriqc import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("", views.choose_language, name="choose_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Short and without a language prefix: the preference link of text messages.
    path(
        "p/<str:token>",
        notifications_views.short_preferences,
        name="short_preferences",
    ),
]

# Each feature app owns one translated prefix; Wagtail's page tree comes last
# because it answers every other path.
urlpatterns += i18n_patterns(
    path(_("participate/"), include("consultation.urls")),
    path(_("feedback/"), include("feedback.urls")),
    path(_("training-sessions/"), include("training.urls")),
    path(_("notifications/"), include("notifications.urls")),
    path(_("search/"), include("search.urls")),
    path(_("open-data/"), include("opendata.urls")),
    path(_("my-data/"), include("home.urls")),
    # Wagtail's own URLs, but pages are served by a view that lets each page type
    # decide about CSRF (numeriqc.views.serve_page).
    *[url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"],
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG or settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(
        0,
        re_path(
            rf"^{media_prefix}(?P<path>.*)$",
            serve_static,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )

handler400 = "numeriqc.views.bad_request"
handler403 = "numeriqc.views.permission_denied"
handler404 = "numeriqc.views.page_not_found"
handler500 = "numeriqc.views.server_error"
