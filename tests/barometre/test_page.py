"""The Baromètre page in both languages: progress, charts with their tables,
grouping per axis, downloads, past editions, and a flat query count."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail import hooks

from barometre import services
from barometre.models import Edition, Measurement
from barometre.sources import Source
from home.models import Theme
from tests.factories import ThemeFactory, translate_page, translate_snippet

from .factories import BarometrePageFactory, IndicatorFactory, MeasurementFactory


@pytest.fixture
def barometre(site_tree):
    page = BarometrePageFactory(parent=site_tree.fr)
    translate_page(page, title="numériQc Barometer", slug="barometre")
    return page


@pytest.fixture
def axis(db):
    axis = ThemeFactory(name="Performance numérique", kind=Theme.Kind.AXIS)
    translate_snippet(axis, name="Digital performance")
    return axis


def indicator_with_history(axis, name_fr, name_en, values, **fields):
    indicator = IndicatorFactory(name=name_fr, axis=axis, **fields)
    translate_snippet(indicator, name=name_en, unit="%")
    start = date(2024, 3, 31)
    for index, value in enumerate(values):
        MeasurementFactory(
            indicator=indicator,
            date=start + timedelta(days=91 * index),
            value=Decimal(value),
        )
    return indicator


def test_the_page_shows_progress_charts_and_tables_in_french_and_english(
    client, barometre, axis
):
    indicator_with_history(
        axis, "Satisfaction des usagers", "User satisfaction", [10, 20, 30, 55]
    )
    IndicatorFactory(name="Pas encore mesuré ici", axis=None)

    french = client.get("/fr/barometre/")
    assert french.status_code == 200
    html = french.text
    assert html.count("<h1>") == 1
    assert "Progression globale" in html
    assert "Performance numérique" in html and "Autres indicateurs" in html
    assert "Satisfaction des usagers" in html
    assert "Atteinte" in html and "Pas encore mesuré" in html
    assert 'role="img"' in html and "<title" in html
    assert '<table class="chart-table">' in html
    assert '<th scope="col">Date</th>' in html
    assert "Progression vers les cibles, par axe de la stratégie" in html
    assert "Dernière valeur : 55" in html  # the text summary beside the chart

    english = client.get("/en/barometre/")
    assert english.status_code == 200
    html = english.text
    assert "Overall progress" in html and "Digital performance" in html
    assert "User satisfaction" in html and "Achieved" in html
    assert "User satisfaction: measurements and target" in html
    assert 'class="num">Value</th>' in html


def test_every_indicator_downloads_as_csv_and_json(client, barometre, axis):
    indicator_with_history(axis, "Satisfaction", "Satisfaction EN", [10, 20])
    csv_response = client.get("/fr/barometre/donnees/csv/")
    assert csv_response.status_code == 200
    body = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0].startswith("Indicateur,Nom,Unité")
    assert len(lines) == 3

    slug = barometre_slug()
    one = client.get(f"/en/barometre/data/{slug}/json/")
    assert one.status_code == 200
    records = json.loads(b"".join(one.streaming_content))["data"]
    assert [r["value"] for r in records] == [10.0, 20.0]
    assert records[0]["name"] == "Satisfaction EN"
    assert client.get("/fr/barometre/donnees/unknown/csv/").status_code == 404
    assert client.get("/fr/barometre/donnees/xml/").status_code == 404


def barometre_slug():
    return Measurement.objects.select_related("indicator").first().indicator.slug


def test_an_edition_stays_as_it_was_published(client, barometre, axis):
    indicator = indicator_with_history(axis, "Satisfaction", "Satisfaction", [10, 20])
    edition, created = services.publish_edition(2025, 4)
    assert created
    MeasurementFactory(indicator=indicator, date=date(2026, 1, 1), value=50)

    listing = client.get("/fr/barometre/")
    assert "T4 2025" in listing.text
    french = client.get("/fr/barometre/editions/2025-t4/")
    assert french.status_code == 200
    assert "Baromètre numériQc, édition du T4 2025" in french.text
    assert "Dernière valeur : 20" in french.text  # not the 50 measured after
    english = client.get("/en/barometre/editions/2025-t4/")
    assert "edition of Q4 2025" in english.text
    assert client.get("/fr/barometre/editions/2019-t1/").status_code == 404
    assert Edition.objects.count() == 1


def test_the_page_query_count_stays_flat(client, barometre, axis):
    def build(count):
        for index in range(count):
            indicator = IndicatorFactory(axis=axis if index % 2 else None)
            MeasurementFactory(indicator=indicator, date=date(2025, 1, 1))
            MeasurementFactory(indicator=indicator, date=date(2025, 4, 1))

    def queries():
        counts = []
        for url in ("/fr/barometre/", "/en/barometre/"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    build(5)
    queries()  # warm up the caches (menus, locales)
    five = queries()
    build(45)
    fifty = queries()
    assert fifty == five
    assert max(five) <= 25


def test_the_home_page_shows_headline_indicators(client, barometre, axis):
    indicator_with_history(
        axis, "Indicateur phare", "Headline figure", [10, 30], is_headline=True
    )
    IndicatorFactory(name="Indicateur secondaire")
    french = client.get("/fr/")
    assert "Où en est la Stratégie" in french.text
    assert "Indicateur phare" in french.text
    assert "Indicateur secondaire" not in french.text
    english = client.get("/en/")
    assert "Where the strategy stands" in english.text
    assert "Headline figure" in english.text


def test_the_computed_figures_show_once_snapshotted(client, barometre, axis):
    from tests.feedback.factories import FeedbackEntryFactory

    FeedbackEntryFactory(rating=4)
    IndicatorFactory(
        name="Satisfaction calculée",
        unit="sur 5",
        source_key="feedback.average_satisfaction",
        baseline_value=Decimal("3"),
        target_value=Decimal("5"),
    )
    services.snapshot_computed_indicators(timezone.localdate())
    html = client.get("/fr/barometre/").text
    assert "Satisfaction calculée" in html
    assert "4\u00a0sur 5" in html
    assert "Calculé à partir des données de la plateforme" in html


def test_the_projects_benefits_are_rolled_up_from_the_vitrine_sources(
    client, barometre
):
    def declare():
        return [
            Source(
                "vitrine.benefits.hours_saved_measured",
                "Heures économisées (mesurées)",
                compute=lambda: 1250,
                unit="h",
            ),
            Source("vitrine.benefits.not_yet", "Rien encore", compute=lambda: None),
            Source("vitrine.projects_live", "Projets en service", compute=lambda: 3),
        ]

    assert "Bénéfices des projets numériques" not in client.get("/fr/barometre/").text
    with hooks.register_temporarily("numeriqc_barometre_sources", declare):
        html = client.get("/fr/barometre/").text
        english = client.get("/en/barometre/").text
    assert "Bénéfices des projets numériques" in html
    assert "Heures économisées (mesurées)" in html and "1250\u00a0h" in html
    assert "Rien encore" not in html and "Projets en service" not in html
    assert "Benefits of the digital projects" in english


def test_the_download_links_of_the_page_work(client, barometre, axis):
    indicator_with_history(axis, "Satisfaction", "Satisfaction", [10])
    html = client.get("/fr/barometre/").text
    slug = barometre_slug()
    assert 'href="/fr/barometre/donnees/csv/"' in html
    assert f'href="/fr/barometre/donnees/{slug}/json/"' in html
    english = client.get("/en/barometre/").text
    assert f'href="/en/barometre/data/{slug}/csv/"' in english


def test_the_barometre_page_sits_under_the_home_page_once_per_language():
    from barometre.models import BarometrePage

    assert BarometrePage.parent_page_types == ["home.HomePage"]
    assert BarometrePage.subpage_types == []
    assert BarometrePage.max_count == 2


def test_the_latest_note_explains_the_change_in_each_language(client, barometre, axis):
    indicator = indicator_with_history(axis, "Satisfaction", "Satisfaction", [10])
    MeasurementFactory(
        indicator=indicator,
        date=date(2025, 12, 31),
        value=12,
        note_fr="Nouveau formulaire en ligne.",
        note_en="New online form.",
    )
    assert "Nouveau formulaire en ligne." in client.get("/fr/barometre/").text
    english = client.get("/en/barometre/").text
    assert "What changed:" in english and "New online form." in english


def test_an_untranslated_indicator_is_marked_as_french_on_the_english_page(
    client, barometre
):
    IndicatorFactory(name="Indicateur sans traduction")
    english = client.get("/en/barometre/").text
    assert 'lang="fr">Indicateur sans traduction</h3>' in english
    french = client.get("/fr/barometre/").text
    assert '">Indicateur sans traduction</h3>' in french
    assert 'lang="fr">Indicateur sans traduction' not in french


def test_the_french_csv_has_labels_in_french_beside_the_stable_codes(
    client, barometre, axis
):
    import csv
    import io

    indicator_with_history(axis, "Satisfaction", "Satisfaction EN", [10])
    response = client.get("/fr/barometre/donnees/csv/")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(body)))[:2]
    record = dict(zip(header, row, strict=True))
    assert record["Sens (code)"] in ("higher", "lower")
    assert record["Sens"] in (
        "Plus c’est élevé, mieux c’est",
        "Plus c’est bas, mieux c’est",
    )
    assert record["Provenance (code)"] in ("manual", "import", "computed")
    assert record["Provenance"] and record["Provenance"] != record["Provenance (code)"]
    english = client.get("/en/barometre/data/csv/")
    text = b"".join(english.streaming_content).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert "Direction (code)" in header and "Origin" in header
    assert "Higher is better" in text or "Lower is better" in text


def test_an_edition_switches_language_to_the_same_edition(client, barometre, axis):
    indicator_with_history(axis, "Satisfaction", "Satisfaction", [10, 20])
    services.publish_edition(2025, 4)
    # The page's own alternates are cached first: the edition must not reuse them.
    page = client.get("/fr/barometre/").text
    assert 'href="/en/barometre/" lang="en"' in page
    for _ in range(2):  # built, then read from the cache
        html = client.get("/fr/barometre/editions/2025-t4/").text
        assert 'href="/en/barometre/editions/2025-t4/" lang="en"' in html
        assert (
            '<link rel="alternate" hreflang="fr" '
            'href="http://testserver/fr/barometre/editions/2025-t4/">'
        ) in html
    assert 'href="/en/barometre/" lang="en"' in client.get("/fr/barometre/").text


@pytest.mark.parametrize(
    ("own", "other"),
    [
        ("/fr/barometre/donnees/", "/fr/barometre/data/"),
        ("/en/barometre/data/", "/en/barometre/donnees/"),
    ],
)
def test_the_data_addresses_are_in_the_pages_language(
    client, barometre, axis, own, other
):
    """donnees/ in French, data/ in English (issue 16); the other word redirects
    for good, and the page links to its own."""
    indicator_with_history(axis, "Satisfaction", "Satisfaction EN", [10, 20])
    slug = barometre_slug()
    for tail in ("csv/", f"{slug}/json/"):
        assert client.get(own + tail).status_code == 200
        moved = client.get(other + tail)
        assert moved.status_code == 301
        assert moved["Location"] == own + tail
    page = client.get(own.removesuffix("data/").removesuffix("donnees/")).text
    assert f'{own}csv/"' in page
