"""Production settings plus the benchmark's bare view (bench/urls.py)."""

from numeriqc.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
