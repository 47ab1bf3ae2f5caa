"""The footer's settings are cached per site and language, and never stale."""

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.footer import FOOTER_VERSION_KEY
from home.models import FooterLink, SiteSettings, SocialAccount
from tests.factories import StandardPageFactory, translate_page

from .budget import count_queries


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def site_settings():
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "info@numeriqc.example"
    settings.contact_phone = "418 555-0100"
    settings.save()
    return settings


def test_the_footer_shows_the_settings_in_both_languages(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Accessibilité")
    translate_page(page, title="Accessibility", slug="accessibility")
    settings = site_settings()
    FooterLink.objects.create(settings=settings, page=page, sort_order=0)
    FooterLink.objects.create(
        settings=settings,
        url="https://www.quebec.ca/",
        label_fr="Portail",
        label_en="Portal",
        sort_order=1,
    )
    SocialAccount.objects.create(
        settings=settings, network="github", url="https://github.com/numeriqc"
    )

    french = footer_of(client.get("/fr/"))
    english = footer_of(client.get("/en/"))

    assert "Liens utiles" in french and "Useful links" in english
    assert ">Accessibilité</a>" in french and ">Accessibility</a>" in english
    assert ">Portail</a>" in french and ">Portal</a>" in english
    assert "info@numeriqc.example" in french and "418 555-0100" in english
    assert 'href="https://github.com/numeriqc">GitHub</a>' in english


def test_a_render_reads_the_footer_from_the_cache(client, site_tree):
    settings = site_settings()
    FooterLink.objects.create(
        settings=settings,
        url="https://www.quebec.ca/",
        label_fr="Portail",
        label_en="Portal",
        sort_order=0,
    )
    SocialAccount.objects.create(
        settings=settings, network="github", url="https://github.com/numeriqc"
    )
    warm, response = count_queries(client, "/fr/")
    assert ">Portail</a>" in footer_of(response)

    cache.incr(FOOTER_VERSION_KEY)  # only the footer's entries are gone
    with (
        override_settings(PAGE_CACHE_ENABLED=False),
        CaptureQueriesContext(connection) as cold,
    ):
        response = client.get("/fr/")
    assert ">Portail</a>" in footer_of(response)
    # Settings, links and social accounts: three queries a render no longer makes.
    assert warm <= len(cold) - 3


def test_changes_to_the_settings_show_at_once(client, site_tree):
    settings = site_settings()
    assert "info@numeriqc.example" in footer_of(client.get("/fr/"))

    settings.contact_email = "bonjour@numeriqc.example"
    settings.save()
    FooterLink.objects.create(
        settings=settings,
        url="https://www.quebec.ca/",
        label_fr="Portail",
        label_en="Portal",
        sort_order=0,
    )
    footer = footer_of(client.get("/fr/"))
    assert "bonjour@numeriqc.example" in footer and ">Portail</a>" in footer

    FooterLink.objects.filter(settings=settings).delete()
    assert ">Portail</a>" not in footer_of(client.get("/fr/"))


def test_a_linked_page_shows_its_new_title_once_published(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Accessibilité")
    FooterLink.objects.create(settings=site_settings(), page=page, sort_order=0)
    assert ">Accessibilité</a>" in footer_of(client.get("/fr/"))

    page.title = "Déclaration d’accessibilité"
    page.save_revision().publish()
    assert ">Déclaration d’accessibilité</a>" in footer_of(client.get("/fr/"))

    page.unpublish()
    assert "accessibilité</a>" not in footer_of(client.get("/fr/"))
