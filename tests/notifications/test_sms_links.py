"""Every text message to a subscriber carries its own short, signed link to the
preference centre, and stays within the topic limit of four segments."""

import re

import pytest

from notifications import links
from notifications.channels import sms
from notifications.consumers import SMS_SEGMENTS
from notifications.models import Channel, Delivery, Subscriber, Topic
from notifications.text import sms_encoding, sms_segments
from tests.factories import StandardPageFactory, translate_page

from .conftest import confirmed_subscriber

pytestmark = pytest.mark.django_db

SHORT_LINK = re.compile(r"http://testserver(/p/[0-9a-z]+-[\w-]{12})(?=\s)")


def not_found(client, path):
    """A link that finds nobody ends on the site's page not found."""
    return client.get(path, follow=True).status_code == 404


def short_link_in(body):
    [path] = SHORT_LINK.findall(body)
    return path


def publish_page(site_tree, commit, title, slug="projet"):
    from notifications import publish

    page = StandardPageFactory(parent=site_tree.fr, title=title, slug=slug)
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
    return page


def test_topic_sms_links_to_the_preference_centre_in_its_language(
    client, site_tree, commit, daytime
):
    from notifications import publish

    fr = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=1)
    en = confirmed_subscriber(
        [Topic.VITRINE_PROJECT], channels=[Channel.SMS], language="en", n=2
    )
    page = StandardPageFactory(parent=site_tree.fr, title="Projet Forêt", slug="projet")
    translate_page(page, title="Forest project", slug="project")
    with commit():
        publish(Topic.VITRINE_PROJECT, page)
    bodies = {m["to"]: m["body"] for m in sms.outbox}
    assert "Vos choix : http://testserver/p/" in bodies[fr.phone]
    assert bodies[fr.phone].endswith("ARRET pour vous désabonner")
    assert "Your choices: http://testserver/p/" in bodies[en.phone]
    assert bodies[en.phone].endswith("STOP to opt out")
    for subscriber, language, heading in [
        (fr, "fr", "Vos préférences d’avis"),
        (en, "en", "Your notification preferences"),
    ]:
        response = client.get(short_link_in(bodies[subscriber.phone]))
        assert response.status_code == 302
        assert response["Location"].startswith(f"/{language}/")
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert heading in page.content.decode()
        assert subscriber.phone in page.content.decode()


def test_each_subscriber_gets_a_link_of_their_own(client, site_tree, commit, daytime):
    first = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=1)
    second = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=2)
    publish_page(site_tree, commit, "Projet")
    paths = {m["to"]: short_link_in(m["body"]) for m in sms.outbox}
    assert paths[first.phone] != paths[second.phone]
    html = client.get(paths[second.phone], follow=True).content.decode()
    assert second.phone in html and first.phone not in html


def test_preferences_saved_through_the_sms_link(client, site_tree, commit, daytime):
    subscriber = confirmed_subscriber(
        [Topic.VITRINE_PROJECT, Topic.CONSULTATION_OPENED], channels=[Channel.SMS]
    )
    publish_page(site_tree, commit, "Projet")
    centre = client.get(short_link_in(sms.outbox[0]["body"]))["Location"]
    response = client.post(
        centre,
        {"language": "en", "sms_topics": [Topic.CONSULTATION_OPENED]},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    active = subscriber.subscriptions.filter(active=True)
    assert list(active.values_list("topic", flat=True)) == [Topic.CONSULTATION_OPENED]


@pytest.mark.parametrize(
    "token",
    ["", "1", "1-", "-abcdefghijkl", "1-abcdefghijkl", "zzzzzzzzzzzzzz-abcdefghijkl"],
)
def test_forged_or_damaged_short_links_find_nobody(client, token):
    confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=1)
    assert links.read_short_preferences_token(token) is None
    if token:
        assert not_found(client, f"/p/{token}")


def test_short_link_of_another_subscriber_cannot_be_made_by_changing_the_id(client):
    one = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=1)
    two = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS], n=2)
    token = links.short_preferences_token(one)
    signature = token.split("-", 1)[1]
    from django.utils.http import int_to_base36

    assert not_found(client, f"/p/{int_to_base36(two.pk)}-{signature}")
    assert client.get(f"/p/{token}").status_code == 302


def test_short_links_survive_a_secret_key_rotation(settings):
    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS])
    token = links.short_preferences_token(subscriber)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert links.read_short_preferences_token(token) is None
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert links.read_short_preferences_token(token) == subscriber.pk


def test_a_deleted_subscriber_link_is_not_found(client):
    subscriber = confirmed_subscriber([Topic.VITRINE_PROJECT], channels=[Channel.SMS])
    token = links.short_preferences_token(subscriber)
    Subscriber.objects.all().delete()
    assert not_found(client, f"/p/{token}")


# The shapes of text message, with a production-length address.
LONG_GSM = "Transformation numérique des services de santé " * 6
LONG_SLUG = "transformation-numerique-des-services-de-sante-" * 5


@pytest.mark.parametrize(
    ("title", "slug", "encoding", "shortened"),
    [
        ("Portail des données ouvertes", "long", "GSM-7", False),
        (LONG_GSM, "long", "GSM-7", False),  # 250 characters fit in GSM-7
        (LONG_GSM, LONG_SLUG + "long", "GSM-7", True),
        ("Forêt numérique : accès aux données ouvertes " * 6, "long", "UCS-2", True),
    ],
)
def test_topic_sms_segments(
    site_tree, commit, daytime, settings, title, slug, encoding, shortened
):
    settings.SITE_URL = "https://numeriqc.gouv.qc.ca"
    from django.utils import timezone

    subscriber = Subscriber.objects.create(
        pk=10**9,  # a long id: the longest link of a large list
        phone="+15145550107",
        language="fr",
        phone_confirmed_at=timezone.now(),
    )
    subscriber.subscriptions.create(topic=Topic.VITRINE_PROJECT, channel=Channel.SMS)
    publish_page(site_tree, commit, title[:250], slug=slug)
    delivery = Delivery.objects.get()
    body = delivery.body
    assert sms_encoding(body) == encoding
    assert delivery.segments == sms_segments(body) <= SMS_SEGMENTS == 4
    assert ("..." in body) is shortened
    if shortened:  # the title gave way, between words, and kept its start
        kept = body.split("\n")[0].split(" : ", 1)[1].removesuffix("...")
        assert title.startswith(kept) and title[len(kept)] == " "
        assert len(kept) >= 60
    [link] = re.findall(r"https://numeriqc\.gouv\.qc\.ca/p/\S+", body)
    assert links.read_short_preferences_token(link.rsplit("/", 1)[1]) == 10**9
    assert f"/{slug}/" in body  # the page's address is never cut
    assert body.endswith("ARRET pour vous désabonner")
    assert [m["body"] for m in sms.outbox] == [body]
