import os

from django.core.asgi import get_asgi_application

# A server entry point runs production settings unless told otherwise: the dev
# settings hold a committed SECRET_KEY (manage.py alone defaults to them).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "numeriqc.settings.production")

application = get_asgi_application()
