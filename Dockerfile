# Production image: gunicorn behind a TLS-terminating proxy, static files
# compressed and served by WhiteNoise, running as an unprivileged user.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=numeriqc.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 numeriqc

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY --chown=numeriqc:numeriqc . .

# Static files and catalogues are built at image time with throwaway settings.
RUN SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput -v0 \
    && python manage.py compile_catalogues -v0 \
    && mkdir -p /app/media && chown -R numeriqc:numeriqc /app/media /app/staticfiles

USER numeriqc
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "numeriqc.healthcheck"]

CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn numeriqc.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile - --forwarded-allow-ips='*'"]
