from wagtail import hooks

from .pagecache import remember_page

# First in INSTALLED_APPS, so this runs before Wagtail's own view restrictions.
hooks.register("before_serve_page", remember_page)
