# Production image: gunicorn behind a TLS-terminating proxy, static files
# compressed and served by WhiteNoise, running as an unprivileged user that writes
# only to the data volume (/data: uploaded media, and the SQLite file if no
# DATABASE_URL is given).
#
# Build and release (README, "The production image"):
#   docker build -t numeriqc .
#   docker run --rm --env-file .env numeriqc python manage.py migrate --noinput
#   docker run -d --env-file .env -p 8000:8000 -v numeriqc-data:/data numeriqc
# Migrations are the release command (label numeriqc.release), run once per
# release before the web containers start: containers starting together do not
# race on them.
#
# tests/image/test_production_image.py replays this file's RUN steps, release
# command and CMD without Docker: a step that fails here fails `make test` and CI.
#
# The base image is pinned by digest: python:3.11-slim-bookworm as published on
# Docker Hub (linux/amd64 and arm64 index). These machines cannot pull images: the
# digest was taken from public Dockerfiles pinning that tag, not pulled here. To
# move to a newer patch release, run
#   docker buildx imagetools inspect python:3.11-slim-bookworm
# copy its "Digest:" line here, rebuild, and run `make test`.
FROM python:3.11-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=numeriqc.settings.production \
    DATA_DIR=/data \
    PORT=8000 \
    WEB_CONCURRENCY=1

LABEL numeriqc.release="python manage.py migrate --noinput"

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 numeriqc

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

# The code stays root's: the process can read it, not change it.
COPY . .

# Static files and catalogues are built at image time. Production settings insist
# on a key and hosts: throwaway ones, for these build commands only.
RUN export SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost \
    && python manage.py collectstatic --noinput -v1 \
    && python manage.py compile_catalogues -v1 \
    && mkdir -p /data/media \
    && chown -R numeriqc:numeriqc /data

VOLUME ["/data"]
USER numeriqc
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "numeriqc.healthcheck"]

# Settings from the environment (numeriqc/gunicorn_conf.py): PORT, WEB_CONCURRENCY
# (several workers need REDIS_URL: it refuses to start without).
CMD ["gunicorn", "--config", "python:numeriqc.gunicorn_conf", "numeriqc.wsgi:application"]
