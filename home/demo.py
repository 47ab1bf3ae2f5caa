"""Demo content of the foundation: home pages, the strategy, organizations, themes,
staff accounts. Called by `manage.py seed_demo`; running it twice changes nothing.

Feature apps add theirs with the "numeriqc_seed_demo" hook (see wagtail_hooks.py).
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from . import roles
from .legal_data import ACCESSIBILITY, PRIVACY
from .models import (
    HomePage,
    MeasurePage,
    Organization,
    SiteSettings,
    StandardPage,
    StrategyPage,
    Theme,
)
from .strategy_data import AXES, HOME, MEASURES, ORGANIZATIONS, STRATEGY, TOPICS
from .translation import translate

# Demo accounts only; a real deployment never runs seed_demo.
DEMO_PASSWORD_ENV = "DEMO_ADMIN_PASSWORD"  # noqa: S105 - the name of a variable
DEFAULT_DEMO_PASSWORD = "numeriqc-demo"  # noqa: S105

DEMO_STAFF = [
    # username, group, organization slug
    ("redaction.cqen", roles.EDITORS, "cqen"),
    # A platform reviewer reviews every organization's pages; a reviewer of an
    # organization, that organization's only (home/scoping.py).
    ("revision", roles.PLATFORM_REVIEWERS, None),
    ("revision.cqen", roles.REVIEWERS, "cqen"),
    ("analyse.sct", roles.ANALYSTS, "sct"),
]


def demo_password():
    return os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)


def french():
    return Locale.objects.get(language_code="fr")


def paragraphs_stream(paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def ensure_translated(instance, strings, refresh=False):
    """The English translation of `instance`, created through wagtail-localize once
    (and brought up to date with `refresh`, when the French has changed)."""
    existing = instance.get_translation_or_none(Locale.objects.get(language_code="en"))
    translated = existing is not None and not getattr(existing, "alias_of_id", None)
    if translated and not refresh:
        return existing
    return translate(instance, "en", strings)


def seed_reference_data():
    for entry in ORGANIZATIONS:
        organization, _ = Organization.objects.get_or_create(
            locale=french(),
            slug=entry["slug"],
            defaults={
                "name": entry["fr"],
                "acronym": entry["acronym"],
                "website": entry["website"],
            },
        )
        ensure_translated(
            organization,
            {
                entry["fr"]: entry["en"],
                entry["acronym"]: entry["acronym"],
                entry["slug"]: entry["slug"],
            },
        )
    for order, entry in enumerate(AXES, start=1):
        _seed_theme(entry, Theme.Kind.AXIS, order)
    for order, entry in enumerate(TOPICS, start=100):
        _seed_theme(entry, Theme.Kind.TOPIC, order)


def _seed_theme(entry, kind, order):
    theme, _ = Theme.objects.get_or_create(
        locale=french(),
        slug=entry["slug"],
        defaults={"name": entry["fr"], "kind": kind, "sort_order": order},
    )
    ensure_translated(theme, {entry["fr"]: entry["en"], entry["slug"]: entry["slug"]})


def ensure_home_pages():
    """The French home page at the site root and its English translation."""
    home = HomePage.objects.filter(locale=french()).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=HOME["fr"]["title"],
                slug="accueil",
                summary=HOME["fr"]["summary"],
                locale=french(),
            )
        )
        home.save_revision().publish()
        _remove_wagtail_welcome_page()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="numériQc",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "numériQc"
        site.save()
    ensure_translated(
        home,
        {
            HOME["fr"]["title"]: HOME["en"]["title"],
            HOME["fr"]["summary"]: HOME["en"]["summary"],
            "accueil": "home",
        },
    )
    return home


def _remove_wagtail_welcome_page():
    welcome = Page.objects.filter(depth=2, content_type__model="page", numchild=0)
    for page in welcome:
        for site in Site.objects.filter(root_page=page):
            site.delete()
        page.delete()


def seed_strategy(home):
    strategy = StrategyPage.objects.filter(locale=french()).first()
    fr, en = STRATEGY["fr"], STRATEGY["en"]
    if strategy is None:
        strategy = home.add_child(
            instance=StrategyPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                body=paragraphs_stream(fr["intro"]),
                show_in_menus=True,
                locale=french(),
            )
        )
        strategy.save_revision().publish()
    strings = {
        fr["title"]: en["title"],
        fr["slug"]: en["slug"],
        fr["summary"]: en["summary"],
    }
    strings.update(zip(fr["intro"], en["intro"], strict=True))
    ensure_translated(strategy, strings)
    for measure in MEASURES:
        seed_measure(strategy, measure)
    return strategy


def seed_measure(strategy, data):
    fr, en = data["fr"], data["en"]
    page = MeasurePage.objects.filter(locale=french(), number=data["number"]).first()
    summary_fr, summary_en = fr["paragraphs"][0], en["paragraphs"][0]
    if page is None:
        page = strategy.add_child(
            instance=MeasurePage(
                title=fr["title"],
                slug=fr["slug"],
                number=data["number"],
                summary=_shorten(summary_fr),
                axis=Theme.objects.get(locale=french(), slug=data["axis"]),
                organization=Organization.objects.get(
                    locale=french(), slug=data["organization"]
                ),
                body=paragraphs_stream(fr["paragraphs"]),
                locale=french(),
            )
        )
        page.save_revision().publish()
    strings = {fr["title"]: en["title"], fr["slug"]: en["slug"]}
    strings[_shorten(summary_fr)] = _shorten(summary_en)
    strings.update(zip(fr["paragraphs"], en["paragraphs"], strict=True))
    ensure_translated(page, strings)


def _shorten(text, limit=300):
    """The first sentence, or the text cut at a word, for summaries (max 400)."""
    first_sentence = text.split(". ")[0].rstrip(".") + "."
    if len(first_sentence) <= limit:
        return first_sentence
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _legal_stream(entries, language):
    index = 1 if language == "fr" else 2
    return [
        ("heading", {"text": entry[index], "level": "h2"})
        if entry[0] == "h"
        else ("paragraph", f"<p>{entry[index]}</p>")
        for entry in entries
    ]


def seed_legal_page(home, data):
    """The privacy policy or the accessibility statement, in both languages."""
    fr, en = data["fr"], data["en"]
    page = StandardPage.objects.filter(locale=french(), slug=fr["slug"]).first()
    if page is None:
        page = home.add_child(
            instance=StandardPage(
                title=fr["title"],
                slug=fr["slug"],
                summary=fr["summary"],
                body=_legal_stream(data["body"], "fr"),
                locale=french(),
            )
        )
        page.save_revision().publish()
    strings = {fr[key]: en[key] for key in ("title", "slug", "summary")}
    strings.update((entry[1], entry[2]) for entry in data["body"])
    ensure_translated(page, strings)
    return page


def seed_site_settings(home, strategy):
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    settings.privacy_page = settings.privacy_page or seed_legal_page(home, PRIVACY)
    settings.accessibility_page = settings.accessibility_page or seed_legal_page(
        home, ACCESSIBILITY
    )
    settings.contact_email = settings.contact_email or "numeriqc@sct.gouv.qc.ca"
    settings.contact_phone = settings.contact_phone or "1 877 644-4545"
    if not settings.footer_links.exists():
        settings.footer_links.create(page=strategy, sort_order=0)
        settings.footer_links.create(
            url="https://www.quebec.ca/",
            label_fr="Québec.ca",
            label_en="Québec.ca",
            sort_order=1,
        )
        settings.footer_links.create(
            url="https://www.donneesquebec.ca/",
            label_fr="Données Québec",
            label_en="Données Québec (open data)",
            sort_order=2,
        )
    settings.save()


def seed_staff():
    """An administrator and one demo account per role; prints nothing secret."""
    User = get_user_model()
    password = demo_password()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@numeriqc.example", password)
    for username, group_name, organization_slug in DEMO_STAFF:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username, f"{username}@numeriqc.example", password
        )
        user.groups.add(Group.objects.get(name=group_name))
        if organization_slug:
            user.organizations.add(
                Organization.objects.get(locale=french(), slug=organization_slug)
            )


def seed(stdout=None):
    seed_reference_data()
    home = ensure_home_pages()
    strategy = seed_strategy(home)
    seed_site_settings(home, strategy)
    seed_staff()
