"""The search page: per-language results, the other language, facets, promotions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from home.roles import EDITORS
from search.models import PromotionTranslation, QueryDay
from tests.factories import (
    MeasurePageFactory,
    OrganizationFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemeFactory,
    UserFactory,
    translate_page,
    translate_snippet,
)

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    prefix = "recherche" if language == "fr" else "search"
    return client.get(f"/{language}/{prefix}/", {"q": query, **params})


def test_french_search_finds_french_pages_only(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Formation en données")
    StandardPageFactory(parent=site_tree.en, title="Data training", slug="training")

    response = search(client, "fr", "formation")

    assert response.status_code == 200
    assert "Formation en données" in response.text
    assert "Data training" not in response.text
    assert "1 résultat" in response.text


def test_english_search_finds_english_pages_only(client, site_tree):
    french = StandardPageFactory(parent=site_tree.fr, title="Sécurité numérique")
    translate_page(french, title="Digital security", slug="digital-security")

    response = search(client, "en", "security")

    assert "Digital security" in response.text
    assert "Sécurité numérique" not in response.text
    assert "1 result" in response.text
    # Translated: not offered again in the other-language section.
    assert "Aussi en français" not in response.text


def test_untranslated_matches_are_listed_in_the_other_language(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Infonuagique gouvernementale")

    english = search(client, "en", "infonuagique")

    assert "0 results" in english.text
    assert "Aussi en français" in english.text
    assert 'lang="fr"' in english.text
    assert "Infonuagique gouvernementale" in english.text


def test_untranslated_english_pages_are_offered_in_french(client, site_tree):
    StandardPageFactory(parent=site_tree.en, title="Cloud roadmap", slug="cloud")

    french = search(client, "fr", "roadmap")

    assert "Also available in English" in french.text
    assert "Cloud roadmap" in french.text


def test_excerpt_highlights_the_words_found(client, site_tree):
    StandardPageFactory(
        parent=site_tree.fr,
        title="Offre de service",
        summary="Les ministères reçoivent un accompagnement en <architecture>.",
    )

    response = search(client, "fr", "accompagnement")

    assert "<mark>accompagnement</mark>" in response.text
    assert "&lt;architecture&gt;" in response.text


def test_facets_count_kinds_organizations_and_themes(client, site_tree):
    organization = OrganizationFactory(name="Ministère de la Cybersécurité", acronym="")
    axis = ThemeFactory(name="Axe services", kind="axis")
    strategy = StrategyPageFactory(parent=site_tree.fr)
    MeasurePageFactory(
        parent=strategy, title="Mesure climat", axis=axis, organization=organization
    )
    StandardPageFactory(parent=site_tree.fr, title="Page climat")

    response = search(client, "fr", "climat")

    assert "2 résultats" in response.text
    assert 'Ministère de la Cybersécurité <span class="search-count">(1)' in (
        response.text
    )
    assert 'Axe services <span class="search-count">(1)' in response.text
    assert 'Page <span class="search-count">(2)' in response.text

    filtered = search(client, "fr", "climat", organization=organization.translation_key)

    assert "1 résultat" in filtered.text
    assert "Mesure climat" in filtered.text
    assert "Page climat" not in filtered.text


def test_pagination(client, site_tree):
    for number in range(12):
        StandardPageFactory(parent=site_tree.fr, title=f"Rapport annuel {number}")

    first = search(client, "fr", "rapport")
    second = search(client, "fr", "rapport", page=2)
    bad = search(client, "fr", "rapport", page="x")

    assert "12 résultats" in first.text
    assert first.text.count('class="search-kind"') == 10
    assert second.text.count('class="search-kind"') == 2
    assert bad.status_code == 200


def test_promoted_page_comes_first_in_the_readers_language(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Portail des données")
    translate_page(page, title="Data portal", slug="data-portal")
    query = Query.get("données ouvertes")
    SearchPromotion.objects.create(query=query, page=page, description="Le portail")

    french = search(client, "fr", "données ouvertes")
    english = search(client, "en", "données ouvertes")

    assert "Recommandé" in french.text
    assert "Portail des données" in french.text
    assert "Recommended" in english.text
    assert "Data portal" in english.text


def test_a_promotion_fires_whatever_the_accents_typed(client, site_tree):
    page = StandardPageFactory(parent=site_tree.fr, title="Vos impôts en ligne")
    translate_page(page, title="Your taxes online", slug="taxes-online")
    SearchPromotion.objects.create(query=Query.get("impôts"), page=page)

    french = search(client, "fr", "impots")
    english = search(client, "en", "IMPOTS")

    assert "Recommandé" in french.text and "Vos impôts en ligne" in french.text
    assert "Recommended" in english.text and "Your taxes online" in english.text
    assert "Vos impôts en ligne" not in english.text
    assert "Recommandé" not in search(client, "fr", "impot foncier").text


def external_promotion(query_string):
    return SearchPromotion.objects.create(
        query=Query.get(query_string),
        external_link_url="https://www.quebec.ca/impots",
        external_link_text="Impôts du Québec",
        description="Déclarer ses revenus",
    )


def test_an_external_promotion_shows_its_english_title_in_english(client, site_tree):
    promotion = external_promotion("impôts")
    PromotionTranslation.objects.create(
        promotion=promotion,
        locale=Locale.objects.get(language_code="en"),
        link_text="Québec taxes",
        description="File your tax return",
    )

    french = search(client, "fr", "impots")
    english = search(client, "en", "impôts")

    assert "Impôts du Québec" in french.text and "Déclarer ses revenus" in french.text
    assert "Québec taxes" not in french.text
    assert "Québec taxes" in english.text and "File your tax return" in english.text
    assert "Impôts du Québec" not in english.text
    assert 'href="https://www.quebec.ca/impots"' in english.text


def test_an_untranslated_external_promotion_is_marked_as_french(client, site_tree):
    external_promotion("impôts")

    english = search(client, "en", "impots")
    french = search(client, "fr", "impots")

    assert '<li lang="fr"><a href="https://www.quebec.ca/impots">' in english.text
    assert "Impôts du Québec" in english.text
    assert 'lang="fr"><a href' not in french.text


def test_promotions_take_the_same_queries_however_many_are_translated(
    client, site_tree
):
    external_promotion("impôts")
    search(client, "en", "impots")
    with CaptureQueriesContext(connection) as one:
        search(client, "en", "impots")
    for _ in range(3):
        promotion = external_promotion("impôts")
        PromotionTranslation.objects.create(
            promotion=promotion,
            locale=Locale.objects.get(language_code="en"),
            link_text="Taxes",
        )
    with CaptureQueriesContext(connection) as four:
        search(client, "en", "impots")

    assert len(four) == len(one)


def test_searches_are_counted_for_the_report(client, site_tree):
    StandardPageFactory(parent=site_tree.fr, title="Subventions")

    search(client, "fr", "subventions")
    search(client, "fr", "Subventions")
    search(client, "fr", "introuvable")

    found = QueryDay.objects.get(query_string="subventions")
    missing = QueryDay.objects.get(query_string="introuvable")
    assert (found.hits, found.zero_result_hits) == (2, 0)
    assert (missing.hits, missing.zero_result_hits) == (1, 1)


def test_empty_query_shows_the_form_only(client, site_tree):
    response = search(client, "fr", "")

    assert response.status_code == 200
    assert "résultat" not in response.text
    assert QueryDay.objects.count() == 0


def test_query_count_is_flat_whatever_the_number_of_results(client, site_tree):
    organization = OrganizationFactory()
    theme = ThemeFactory(kind="axis")
    strategy = StrategyPageFactory(parent=site_tree.fr)

    def add(count):
        for _ in range(count):
            add.number += 1
            StandardPageFactory(
                parent=site_tree.fr,
                title="Budget page",
                slug=f"budget-{add.number}",
                organization=organization,
            )
            MeasurePageFactory(
                parent=strategy,
                title="Budget mesure",
                slug=f"mesure-{add.number}",
                axis=theme,
                organization=organization,
            )

    def queries_of_one_search():
        with CaptureQueriesContext(connection) as queries:
            response = search(client, "fr", "budget")
        assert "résultats" in response.text
        assert response.status_code == 200
        return len(queries)

    add.number = 0
    add(5)
    search(client, "fr", "budget")  # warm the caches (content types, locales)
    with_five = queries_of_one_search()
    add(45)
    with_fifty = queries_of_one_search()

    # One query per page type shown, never per result.
    assert with_fifty <= with_five


def test_public_services_are_found_and_listed(client, site_tree):
    from tests.feedback.factories import ServiceFactory

    ServiceFactory(name="Renouvellement de passeport", slug="passeport")
    StandardPageFactory(parent=site_tree.fr, title="Passeport et voyages")

    response = search(client, "fr", "passeport")
    services_only = search(client, "fr", "passeport", kind="service")

    assert "Services publics" in response.text
    assert 'Service public <span class="search-count">(1)</span>' in response.text
    assert "/fr/retroaction/services/passeport/" in response.text
    assert "1 résultat" in services_only.text
    assert "Renouvellement de passeport" in services_only.text
    assert "Passeport et voyages" not in services_only.text


@pytest.mark.parametrize(
    "params",
    [
        {"organization": "pas-un-uuid"},
        {"theme": "'; DROP TABLE home_theme; --"},
        {"kind": "inconnu"},
        {"page": "99999999999"},
        {"organization": "00000000-0000-0000-0000-000000000000"},
    ],
)
def test_bad_facet_values_never_fail(client, site_tree, params):
    StandardPageFactory(parent=site_tree.fr, title="Registre foncier")

    response = search(client, "fr", "registre", **params)

    assert response.status_code == 200


def test_pages_are_found_by_the_name_of_their_organization_and_theme(client, site_tree):
    organization = OrganizationFactory(name="Infrastructures technologiques Québec")
    axis = ThemeFactory(name="Gouvernance", kind="axis")
    strategy = StrategyPageFactory(parent=site_tree.fr)
    MeasurePageFactory(parent=strategy, title="Mesure 12", organization=organization)
    MeasurePageFactory(parent=strategy, title="Mesure 13", axis=axis)

    by_organization = search(client, "fr", "infrastructures")
    by_theme = search(client, "fr", "gouvernance")

    assert "Mesure 12" in by_organization.text
    assert "Mesure 13" in by_theme.text


def test_an_organization_is_named_once_with_its_acronym_in_english(client, site_tree):
    organization = OrganizationFactory(
        name="École nationale d’administration publique", acronym="ENAP"
    )
    # An English name that already ends with the acronym (as the demo's did).
    translate_snippet(
        organization, name="École nationale d’administration publique (ENAP)"
    )
    strategy = StrategyPageFactory(parent=site_tree.fr)
    measure = MeasurePageFactory(
        parent=strategy, title="Mesure climat", organization=organization
    )
    translate_page(strategy, title="Strategy", slug="strategy")
    translate_page(measure, title="Climate measure", slug="climate-measure")

    english = search(client, "en", "climate")

    assert "École nationale d’administration publique (ENAP) <span" in english.text
    assert "(ENAP) (ENAP)" not in english.text
    french = search(client, "fr", "climat")
    assert "École nationale d’administration publique (ENAP) <span" in french.text


def test_an_editor_gives_an_external_promotion_its_english_title(client, site_tree):
    promotion = external_promotion("impôts")
    client.force_login(UserFactory(groups=[EDITORS]))
    url = "/admin/snippets/search/promotiontranslation/add/"
    assert "Impôts du Québec" in client.get(url).text  # offered in the list

    english = Locale.objects.get(language_code="en")
    data = {"promotion": promotion.pk, "locale": english.pk, "link_text": "Taxes"}
    client.post(url, data)
    twice = client.post(url, data)

    assert PromotionTranslation.objects.get().link_text == "Taxes"
    assert twice.status_code == 200  # refused with a message, not a 500
    assert "Taxes" in search(client, "en", "impots").text
