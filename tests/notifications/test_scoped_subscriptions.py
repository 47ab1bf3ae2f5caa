"""Subscriptions to the new sessions of one course or one theme."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from notifications import consumers, links
from notifications.events import publish
from notifications.models import Channel, Consent, Delivery, Subscription, Topic
from tests.factories import ThemeFactory, translate_page, translate_snippet
from tests.training.factories import (
    CoursePageFactory,
    SessionFactory,
    TrainingCatalogPageFactory,
)
from training.subscriptions import course_scope, theme_scope

from .conftest import ORIGIN, confirmed_subscriber, links_in

pytestmark = pytest.mark.django_db


def url(name, language="fr", *args):
    with translation.override(language):
        return reverse(f"notifications:{name}", args=args)


@pytest.fixture
def catalogue(site_tree):
    page = TrainingCatalogPageFactory(parent=site_tree.fr)
    translate_page(page, title="Training offer", slug="training")
    return page


@pytest.fixture
def theme(db):
    theme = ThemeFactory(name="Données", slug="donnees")
    translate_snippet(theme, name="Data", slug="data")
    return theme


@pytest.fixture
def course(catalogue, theme):
    course = CoursePageFactory(
        parent=catalogue, title="Données ouvertes", slug="donnees-ouvertes"
    )
    course.themes.set([theme])
    course.save_revision().publish()
    course.english = translate_page(course, title="Open data", slug="open-data")
    return course


def scoped_form(**overrides):
    data = {
        "email": "marie@example.org",
        "phone": "",
        "language": "fr",
        "email_topics": [Topic.TRAINING_SESSION],
        "sms_topics": [],
        "website": "",
        "course": "",
        "theme": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("language", "about"),
    [
        ("fr", "Nouvelles séances de : Données ouvertes"),
        ("en", "New sessions of: Open data"),
    ],
)
def test_course_link_preselects_the_course(client, course, language, about):
    response = client.get(url("subscribe", language) + f"?course={course.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(about) == 3  # the notice, the email box, the SMS box
    assert f'name="course" value="{course.pk}"' in html
    assert f'value="{Topic.TRAINING_SESSION}" id="id_email_topics_0" checked' in html
    form = html.split('class="notifications-form"')[1]
    assert "Vitrine" not in form  # only this course is offered


@pytest.mark.parametrize(
    ("language", "value", "about"),
    [
        ("fr", "donnees", "Nouvelles séances sur le thème : Données"),
        ("en", "data", "New sessions on the theme: Data"),
    ],
)
def test_theme_link_by_slug(client, course, theme, language, value, about):
    response = client.get(url("subscribe", language) + f"?theme={value}")
    assert response.status_code == 200
    assert about in response.content.decode()


def test_scoped_subscription_records_its_scope(client, course):
    response = client.post(
        url("subscribe"), scoped_form(course=str(course.pk)), **ORIGIN
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.topic == Topic.TRAINING_SESSION
    assert subscription.scope == course_scope(course)
    record = Consent.objects.get()
    assert record.scope == course_scope(course)
    assert record.wording.endswith("Nouvelles séances de : Données ouvertes")
    assert "Confirmez" in mail.outbox[0].subject


def test_english_course_page_counts_as_the_french_one(client, course):
    data = scoped_form(course=str(course.english.pk), language="en")
    client.post(url("subscribe", "en"), data, **ORIGIN)
    assert Subscription.objects.get().scope == course_scope(course)
    assert Consent.objects.get().wording.endswith("New sessions of: Open data")


def test_theme_subscription_by_id(client, course, theme):
    client.post(url("subscribe"), scoped_form(theme=str(theme.pk)), **ORIGIN)
    assert Subscription.objects.get().scope == theme_scope(theme)


def test_double_submission_stores_one_scoped_subscription(client, course):
    data = scoped_form(course=str(course.pk))
    client.post(url("subscribe"), data, **ORIGIN)
    client.post(url("subscribe"), data, **ORIGIN)
    assert Subscription.objects.count() == 1
    subscription = Subscription.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(
            subscriber=subscription.subscriber,
            topic=subscription.topic,
            channel=subscription.channel,
            scope=subscription.scope,
        )


def test_the_database_keeps_scopes_to_training_sessions(course):
    subscriber = confirmed_subscriber([])
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(
            subscriber=subscriber,
            topic=Topic.VITRINE_PROJECT,
            channel=Channel.EMAIL,
            scope=course_scope(course),
        )


def test_unscoped_and_scoped_subscriptions_live_side_by_side(course):
    subscriber = confirmed_subscriber([Topic.TRAINING_SESSION])
    Subscription.objects.create(
        subscriber=subscriber,
        topic=Topic.TRAINING_SESSION,
        channel=Channel.EMAIL,
        scope=course_scope(course),
    )
    assert Subscription.objects.filter(subscriber=subscriber).count() == 2


@pytest.mark.parametrize(
    "overrides",
    [{"course": "999999"}, {"course": "abc"}, {"course": "9" * 19}, {"theme": "nope"}],
)
def test_unknown_course_or_theme_stores_nothing(client, course, overrides):
    response = client.post(url("subscribe"), scoped_form(**overrides), **ORIGIN)
    assert response.status_code == 400
    assert "Ce cours ou ce thème n’est plus offert." in response.content.decode()
    assert not Subscription.objects.exists()


def test_unknown_course_in_the_link_shows_the_whole_form(client, course):
    response = client.get(url("subscribe") + "?course=999999")
    assert response.status_code == 200
    assert "Nouvelles séances de :" not in response.content.decode()
    assert Topic.VITRINE_PROJECT.value in response.content.decode()


def scoped(subscriber, scope, channel=Channel.EMAIL):
    Subscription.objects.create(
        subscriber=subscriber,
        topic=Topic.TRAINING_SESSION,
        channel=channel,
        scope=scope,
    )


def test_fan_out_follows_the_scopes(catalogue, course, theme):
    other_course = CoursePageFactory(parent=catalogue, title="Infonuagique")
    other_theme = ThemeFactory(name="Nuage", slug="nuage")
    confirmed_subscriber([Topic.TRAINING_SESSION], n=1)  # every session
    this_course = confirmed_subscriber([], n=2, language="en")
    scoped(this_course, course_scope(course))
    this_theme = confirmed_subscriber([], n=3)
    scoped(this_theme, theme_scope(theme))
    both = confirmed_subscriber([Topic.TRAINING_SESSION], n=4)
    scoped(both, course_scope(course))
    scoped(both, theme_scope(theme))
    elsewhere = confirmed_subscriber([], n=5)
    scoped(elsewhere, course_scope(other_course))
    scoped(elsewhere, theme_scope(other_theme))
    withdrawn = confirmed_subscriber([], n=6)
    scoped(withdrawn, course_scope(course))
    Subscription.objects.filter(subscriber=withdrawn).update(active=False)

    event = publish(Topic.TRAINING_SESSION, SessionFactory(course=course))
    assert consumers.handle_event(event.pk) == 4
    recipients = sorted(Delivery.objects.values_list("to", flat=True))
    assert recipients == [
        "abonne1@example.org",
        "abonne2@example.org",
        "abonne3@example.org",
        "abonne4@example.org",
    ]
    english = Delivery.objects.get(to="abonne2@example.org")
    assert english.subject.startswith("numériQc: New session of a course")
    french = Delivery.objects.get(to="abonne3@example.org")
    assert french.subject.startswith("numériQc : Nouvelle séance d’une formation")


def test_fan_out_of_another_course_skips_scoped_subscribers(catalogue, course):
    other_course = CoursePageFactory(parent=catalogue, title="Infonuagique")
    scoped(confirmed_subscriber([], n=1), course_scope(course))
    confirmed_subscriber([Topic.TRAINING_SESSION], n=2)
    event = publish(Topic.TRAINING_SESSION, SessionFactory(course=other_course))
    assert consumers.handle_event(event.pk) == 1
    assert Delivery.objects.get().to == "abonne2@example.org"


def test_one_message_per_channel_when_scopes_overlap(course, theme):
    subscriber = confirmed_subscriber(
        [Topic.TRAINING_SESSION], channels=(Channel.EMAIL, Channel.SMS), n=7
    )
    for channel in (Channel.EMAIL, Channel.SMS):
        scoped(subscriber, course_scope(course), channel)
        scoped(subscriber, theme_scope(theme), channel)
    event = publish(Topic.TRAINING_SESSION, SessionFactory(course=course))
    assert consumers.handle_event(event.pk) == 2
    assert sorted(Delivery.objects.values_list("channel", flat=True)) == [
        "email",
        "sms",
    ]


@pytest.mark.parametrize(
    ("language", "label", "saved"),
    [
        ("fr", "Nouvelles séances de : Données ouvertes (Courriel)", "enregistrés"),
        ("en", "New sessions of: Open data (Email)", "saved"),
    ],
)
def test_preference_centre_lists_and_withdraws_a_scope(
    client, course, theme, language, label, saved
):
    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT])
    scoped(subscriber, course_scope(course))
    scoped(subscriber, theme_scope(theme))
    page = url("preferences", language, links.preferences_token(subscriber))
    html = client.get(page).content.decode()
    assert label in html
    course_value = f"email|{Topic.TRAINING_SESSION}|{course_scope(course)}"
    theme_value = f"email|{Topic.TRAINING_SESSION}|{theme_scope(theme)}"
    assert f'value="{course_value}"' in html
    response = client.post(
        page,
        {
            "language": language,
            "email_topics": [Topic.VITRINE_PROJECT],
            "sms_topics": [],
            "scoped": [theme_value],
        },
        **ORIGIN,
    )
    assert response.status_code == 200
    assert saved in response.content.decode()
    active = Subscription.objects.filter(active=True)
    assert sorted(active.values_list("scope", flat=True)) == ["", theme_scope(theme)]
    withdrawn = Consent.objects.get(action=Consent.Action.WITHDRAWN)
    assert withdrawn.scope == course_scope(course)
    assert withdrawn.method == Consent.Method.PREFERENCES
    assert label not in client.get(page).content.decode()


def test_unsubscribe_link_withdraws_scoped_subscriptions_too(client, course):
    subscriber = confirmed_subscriber([Topic.TRAINING_SESSION])
    scoped(subscriber, course_scope(course))
    token = links.subscriber_unsubscribe_token(subscriber, Channel.EMAIL)
    client.post(links.unsubscribe_url("fr", token).replace("http://testserver", ""))
    assert not Subscription.objects.filter(active=True).exists()
    assert Consent.objects.filter(scope=course_scope(course)).count() == 1


@pytest.mark.parametrize(
    ("path", "heading", "link"),
    [
        (
            "/fr/formation/donnees-ouvertes/",
            "Me prévenir des nouvelles séances",
            "Être prévenu des nouvelles séances de « Données ouvertes »",
        ),
        (
            "/en/training/open-data/",
            "Tell me about new sessions",
            "Be told of new sessions of “Open data”",
        ),
    ],
)
def test_course_page_offers_to_be_told_of_new_sessions(
    client, course, path, heading, link
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert link in html
    page = course if path.startswith("/fr/") else course.english
    language = path[1:3]
    assert f'href="{url("subscribe", language)}?course={page.pk}"' in html
    assert "Set-Cookie" not in response.headers


def test_a_known_address_adds_a_course_through_its_preference_centre(client, course):
    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT])
    data = scoped_form(email=subscriber.email, course=str(course.pk))
    client.post(url("subscribe"), data, **ORIGIN)
    assert not Subscription.objects.exclude(scope="").exists()  # not by the form
    (link,) = links_in(mail.outbox[0].body)
    assert "?add=course" in link
    html = client.get(link).content.decode()
    label = "Nouvelles séances de : Données ouvertes (Courriel)"
    assert label in html
    value = f"email|{Topic.TRAINING_SESSION}|{course_scope(course)}"
    assert f'value="{value}" id="id_scoped_0">' in html  # offered, not checked
    response = client.post(
        link,
        {
            "language": "fr",
            "email_topics": [Topic.VITRINE_PROJECT],
            "sms_topics": [],
            "scoped": [value],
        },
        **ORIGIN,
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get(scope=course_scope(course))
    assert subscription.active
    record = Consent.objects.get(scope=course_scope(course))
    assert record.action == Consent.Action.GIVEN
    assert record.method == Consent.Method.PREFERENCES


def test_a_new_session_is_announced_with_the_course_in_the_readers_language(course):
    confirmed_subscriber([Topic.TRAINING_SESSION], n=1, language="en")
    confirmed_subscriber([Topic.TRAINING_SESSION], n=2, language="fr")
    event = publish(Topic.TRAINING_SESSION, SessionFactory(course=course))
    assert consumers.handle_event(event.pk) == 2

    english = Delivery.objects.get(to="abonne1@example.org")
    assert "Open data — " in english.subject
    assert "Données ouvertes" not in english.subject
    assert "/en/training/open-data/" in english.body
    french = Delivery.objects.get(to="abonne2@example.org")
    assert "Données ouvertes — " in french.subject
    assert "/fr/" in french.body and "/en/" not in french.body


def test_a_known_mobile_number_gets_the_short_link_that_adds_the_course(
    client, course, daytime
):
    from notifications.channels import sms

    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS])
    data = scoped_form(
        email="",
        phone="514 555-0000",
        email_topics=[],
        sms_topics=[Topic.TRAINING_SESSION],
        course=str(course.pk),
    )
    client.post(url("subscribe"), data, **ORIGIN)
    [text] = [m for m in sms.outbox if m["to"] == subscriber.phone]
    (link,) = links_in(text["body"])
    assert link.startswith("/p/") and "?add=course" in link
    assert text["body"].endswith("ARRET pour vous désabonner")
    html = client.get(link, follow=True).content.decode()
    value = f"sms|{Topic.TRAINING_SESSION}|{course_scope(course)}"
    assert f'value="{value}" id="id_scoped_0">' in html  # offered, not checked
