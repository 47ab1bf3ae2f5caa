from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks

from home.demo import DEFAULT_DEMO_PASSWORD, demo_password


def refuse_in_production(forced):
    """Demo accounts on a public site are a way in: refuse under production
    settings, unless forced, and even then never with the published password."""
    if not settings.PRODUCTION:
        return
    if not forced:
        raise CommandError(
            "Refused: these are production settings, and the demo content "
            "creates staff accounts. Use --force on a test deployment only. / "
            "Refusé : ces réglages sont ceux de la production et le contenu de "
            "démonstration crée des comptes du personnel. N’utilisez --force que "
            "sur un déploiement d’essai."
        )
    if demo_password() == DEFAULT_DEMO_PASSWORD:
        raise CommandError(
            "Refused: set DEMO_ADMIN_PASSWORD to a strong secret; the default "
            "demo password is published. / Refusé : donnez à DEMO_ADMIN_PASSWORD "
            "un secret robuste; le mot de passe de démonstration est public."
        )


class Command(BaseCommand):
    help = (
        "Load the demo content of every part of the platform. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo content even under production settings.",
        )

    def handle(self, *args, **options):
        refuse_in_production(options["force"])
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
