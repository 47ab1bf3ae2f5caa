"""The public catalogue: every filter, their combinations, sorting, pagination,
the 90-day rule, empty results, both languages, flat query counts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    OrganizationFactory,
    ThemeFactory,
    locale,
    translate_page,
    translate_snippet,
)
from training.models import Session

from .factories import CoursePageFactory, SessionFactory
from .helpers import titles


def soon(days):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def courses(catalogue):
    """Four contrasting courses in the French catalogue."""
    academy = OrganizationFactory(name="Académie", slug="academie")
    enap = OrganizationFactory(name="ENAP", slug="enap")
    agile = ThemeFactory(name="Agilité", slug="agilite")
    data = ThemeFactory(name="Données", slug="donnees")
    made = {
        "scrum": CoursePageFactory(
            parent=catalogue,
            title="Scrum au quotidien",
            provider=academy,
            level="introduction",
            format="virtual",
            audience="all_staff",
            languages="fr",
            duration_hours=Decimal("2.5"),
            themes=[agile],
        ),
        "gouvernance": CoursePageFactory(
            parent=catalogue,
            title="Gouvernance des données",
            provider=enap,
            level="advanced",
            format="in_person",
            audience="executives",
            languages="fr_en",
            duration_hours=Decimal("14"),
            themes=[data],
        ),
        "analyse": CoursePageFactory(
            parent=catalogue,
            title="Analyse de données",
            provider=academy,
            level="intermediate",
            format="self_paced",
            audience="specialists",
            languages="en",
            duration_hours=Decimal("3.5"),
            themes=[data],
        ),
        "produit": CoursePageFactory(
            parent=catalogue,
            title="Gestion de produit agile",
            provider=enap,
            level="intermediate",
            format="hybrid",
            audience="managers",
            languages="fr",
            duration_hours=Decimal("7"),
            themes=[agile, data],
        ),
    }
    SessionFactory(course=made["scrum"], start_at=soon(30))
    SessionFactory(course=made["gouvernance"], start_at=soon(120))
    SessionFactory(course=made["produit"], start_at=soon(60))
    return made


def get(client, query="", language="fr"):
    path = "/fr/formation/" if language == "fr" else "/en/training/"
    return client.get(f"{path}?{query}" if query else path)


FILTER_CASES = [
    ("theme=agilite", {"Scrum au quotidien", "Gestion de produit agile"}),
    (
        "theme=donnees",
        {
            "Gouvernance des données",
            "Analyse de données",
            "Gestion de produit agile",
        },
    ),
    ("level=introduction", {"Scrum au quotidien"}),
    ("level=intermediate", {"Analyse de données", "Gestion de produit agile"}),
    ("level=advanced", {"Gouvernance des données"}),
    ("format=self_paced", {"Analyse de données"}),
    ("format=virtual", {"Scrum au quotidien"}),
    ("format=in_person", {"Gouvernance des données"}),
    ("format=hybrid", {"Gestion de produit agile"}),
    ("audience=all_staff", {"Scrum au quotidien"}),
    ("audience=managers", {"Gestion de produit agile"}),
    ("audience=specialists", {"Analyse de données"}),
    ("audience=executives", {"Gouvernance des données"}),
    (
        "language=fr",
        {
            "Scrum au quotidien",
            "Gouvernance des données",
            "Gestion de produit agile",
        },
    ),
    ("language=en", {"Gouvernance des données", "Analyse de données"}),
    ("provider=academie", {"Scrum au quotidien", "Analyse de données"}),
    ("provider=enap", {"Gouvernance des données", "Gestion de produit agile"}),
    ("duration=under_3h", {"Scrum au quotidien"}),
    ("duration=half_day", {"Analyse de données"}),
    ("duration=one_day", {"Gestion de produit agile"}),
    ("duration=several_days", {"Gouvernance des données"}),
    ("soon=on", {"Scrum au quotidien", "Gestion de produit agile"}),
    ("q=données", {"Gouvernance des données", "Analyse de données"}),
    ("q=données+GOUVERNANCE", {"Gouvernance des données"}),
    # Accents and case ignored, on SQLite as on PostgreSQL.
    ("q=donnees", {"Gouvernance des données", "Analyse de données"}),
    ("q=DONNEES+gouvernance", {"Gouvernance des données"}),
]


def test_each_filter_keeps_only_matching_courses(client, courses):
    # One set of courses for every case: building pages is the slow part.
    for query, expected in FILTER_CASES:
        assert set(titles(get(client, query))) == expected, query


COMBINED_CASES = [
    (
        "theme=donnees&level=intermediate",
        {"Analyse de données", "Gestion de produit agile"},
    ),
    ("theme=donnees&level=intermediate&soon=on", {"Gestion de produit agile"}),
    ("provider=enap&language=en", {"Gouvernance des données"}),
    ("provider=academie&format=virtual&duration=under_3h", {"Scrum au quotidien"}),
    ("theme=agilite&audience=executives", set()),
    ("q=agile&soon=on&provider=enap", {"Gestion de produit agile"}),
]


def test_filters_combine(client, courses):
    for query, expected in COMBINED_CASES:
        assert set(titles(get(client, query))) == expected, query


def test_duration_bands_include_their_upper_bound(client, catalogue):
    for hours in ["2.9", "3", "4", "4.5", "8", "8.5"]:
        CoursePageFactory(parent=catalogue, title=f"{hours} h", duration_hours=hours)
    assert titles(get(client, "duration=under_3h")) == ["2.9 h"]
    assert set(titles(get(client, "duration=half_day"))) == {"3 h", "4 h"}
    assert set(titles(get(client, "duration=one_day"))) == {"4.5 h", "8 h"}
    assert titles(get(client, "duration=several_days")) == ["8.5 h"]


def test_ninety_day_rule(client, catalogue):
    cases = {
        "Dans 89 jours": {"start_at": soon(89)},
        "Dans 91 jours": {"start_at": soon(91)},
        "Annulée": {"start_at": soon(10), "status": Session.Status.CANCELLED},
        "Complète": {"start_at": soon(10), "status": Session.Status.FULL},
        "Passée": {"start_at": soon(-3)},
    }
    for title, session in cases.items():
        SessionFactory(
            course=CoursePageFactory(parent=catalogue, title=title), **session
        )
    assert set(titles(get(client, "soon=on"))) == {"Dans 89 jours", "Complète"}


def test_a_session_that_goes_past_leaves_the_upcoming_listings(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Infonuagique")
    session = SessionFactory(course=course, start_at=soon(1))
    response = get(client, "soon=on")
    assert titles(response) == ["Infonuagique"]
    # The same row, a day later: no job ran, the rule is in the query.
    Session.objects.filter(pk=session.pk).update(
        start_at=soon(-1), end_at=soon(-1) + timedelta(hours=2)
    )
    assert titles(get(client, "soon=on")) == []
    page = client.get(course.url)
    assert "Aucune séance n’est prévue pour le moment" in page.text


def test_sorting_by_next_session_title_and_newest(client, courses):
    by_session = titles(get(client))
    assert by_session[:3] == [
        "Scrum au quotidien",
        "Gestion de produit agile",
        "Gouvernance des données",
    ]
    assert by_session[3] == "Analyse de données"  # no session: last
    assert titles(get(client, "sort=title")) == sorted(
        [
            "Scrum au quotidien",
            "Gestion de produit agile",
            "Gouvernance des données",
            "Analyse de données",
        ]
    )
    assert titles(get(client, "sort=newest"))[0] == "Gestion de produit agile"


def test_bad_values_never_fail(client, courses):
    for query in [
        "level=expert",
        "theme=inconnu",
        "provider=personne",
        "soon=peut-etre",
        "sort=prix",
        "page=abc",
        "page=999",
        "duration=1&language=de",
    ]:
        response = get(client, query)
        assert response.status_code == 200, query


def test_count_is_announced_and_filters_can_be_removed_by_links(client, courses):
    response = get(client, "level=intermediate&format=hybrid")
    assert '<p class="training-count" role="status">1 cours trouvé</p>' in response.text
    assert "Retirer le filtre Niveau : Intermédiaire" in response.text
    assert 'href="?format=hybrid"' in response.text
    english = get(client, "level=intermediate", language="en")
    assert "courses found" in english.text or "course found" in english.text
    assert "Remove the filter Level: Intermediate" in english.text


def test_the_form_keeps_its_values_in_the_url(client, courses):
    response = get(client, "level=advanced&soon=on&q=gouvernance")
    text = response.text
    assert 'method="get"' in text
    assert '<option value="advanced" selected>' in text
    assert 'name="soon" id="id_soon" checked' in text
    assert 'value="gouvernance"' in text


def test_theme_badges_are_links_to_the_filtered_catalogue(client, courses):
    response = get(client)
    assert '<a href="?theme=agilite">Agilité</a>' in response.text
    assert set(titles(get(client, "theme=agilite"))) == {
        "Scrum au quotidien",
        "Gestion de produit agile",
    }


def test_empty_results_offer_help_in_both_languages(client, courses):
    french = get(client, "q=introuvable")
    assert "Aucun cours ne correspond à ces filtres." in french.text
    assert "Afficher tous les cours" in french.text
    english = get(client, "q=nowhere", language="en")
    assert "No course matches these filters." in english.text
    assert "Show all courses" in english.text


def test_pagination_keeps_the_filters(client, catalogue):
    for number in range(14):
        CoursePageFactory(
            parent=catalogue, title=f"Cours {number:02d}", level="advanced"
        )
    first = get(client, "level=advanced&sort=title")
    assert len(titles(first)) == 12
    assert "?level=advanced&amp;sort=title&amp;page=2" in first.text
    second = get(client, "level=advanced&sort=title&page=2")
    assert titles(second) == ["Cours 12", "Cours 13"]


def test_english_catalogue_lists_english_courses_with_english_labels(client, catalogue):
    provider = OrganizationFactory(name="Académie", slug="academie")
    translate_snippet(provider, name="Academy")
    course = CoursePageFactory(
        parent=catalogue, title="Culture numérique", provider=provider
    )
    SessionFactory(course=course, start_at=soon(5))
    translate_page(course, title="Digital culture", slug="digital-culture")
    response = get(client, "provider=academie&soon=on", language="en")
    assert titles(response) == ["Digital culture"]
    assert "Academy" in response.text
    assert "Introduction" in response.text
    assert "1 course found" in response.text
    french = get(client, "provider=academie")
    assert titles(french) == ["Culture numérique"]
    assert "Niveau" in french.text


def test_an_untranslated_course_is_not_in_the_english_catalogue(client, catalogue):
    """Nothing untranslated is live in English (issue 16), a mirrored twin included."""
    course = CoursePageFactory(parent=catalogue, title="Cours non traduit")
    course.create_alias(parent=catalogue.english, update_locale=locale("en"))
    response = get(client, language="en")
    assert "Cours non traduit" not in response.text
    assert titles(get(client)) == ["Cours non traduit"]


def _make_courses(catalogue, first, count):
    provider = OrganizationFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    for number in range(first, first + count):
        course = CoursePageFactory(
            parent=catalogue, provider=provider, themes=themes, title=f"C{number}"
        )
        SessionFactory(course=course, start_at=soon(number + 1))


def test_query_count_stays_flat_as_courses_grow(
    client, catalogue, django_assert_max_num_queries
):
    counts = {}
    made = 0
    for total in (5, 50):
        _make_courses(catalogue, made, total - made)
        made = total
        client.get("/fr/formation/")  # warm the site and locale caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/formation/?soon=on&sort=next")
        assert len(titles(response)) == min(total, 12)
        counts[total] = len(queries)
    assert counts[5] == counts[50]
    with django_assert_max_num_queries(counts[5]):
        client.get("/fr/formation/?soon=on&page=2")
