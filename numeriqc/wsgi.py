import os

from django.core.wsgi import get_wsgi_application

# A server entry point runs production settings unless told otherwise: the dev
# settings hold a committed SECRET_KEY (manage.py alone defaults to them).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "numeriqc.settings.production")

from numeriqc.localpages import LocalPageCopy  # noqa: E402

# The hottest cached pages are answered from the worker's memory before Django
# runs (numeriqc/localpages.py; re-checked against a publish once a second).
application = LocalPageCopy(get_wsgi_application())
