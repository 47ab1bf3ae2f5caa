from wagtail import hooks

from .pagecache import remember_page
from .views import enforce_page_csrf

# First in INSTALLED_APPS, so these run before Wagtail's own view restrictions.
hooks.register("before_serve_page", enforce_page_csrf)
hooks.register("before_serve_page", remember_page)
