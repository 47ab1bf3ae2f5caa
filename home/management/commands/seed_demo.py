from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from home.demo import demo_password


class Command(BaseCommand):
    help = (
        "Load the demo content of every part of the platform. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        seeders = hooks.get_hooks("numeriqc_seed_demo")
        for seeder in seeders:
            label = f"{seeder.__module__}.{seeder.__name__}"
            self.stdout.write(f"Demo content: {label}…")
            with transaction.atomic():
                seeder(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready. Site: {settings.SITE_URL}/fr/ and /en/ — "
                f"admin: {settings.SITE_URL}/admin/ (login: admin, password: "
                f"{demo_password()})"
            )
        )
