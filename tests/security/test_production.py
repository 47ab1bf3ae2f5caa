"""Safe in production: entry points, demo content and passwords, sign-in
throttling, rate limits with Retry-After, Secure cookies."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from consultation.models import Response
from home.models import Organization
from tests.consultation.conftest import consultation  # noqa: F401 - a fixture
from tests.consultation.test_answering import answer_all
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def _settings_of(entry_point, **environ):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(environ)
    code = (
        f"import numeriqc.{entry_point}; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("entry_point", ["wsgi", "asgi"])
def test_server_entry_points_default_to_production_settings(entry_point):
    run = _settings_of(entry_point, SECRET_KEY="s" * 50, ALLOWED_HOSTS="example.org")
    assert run.stdout.split() == ["numeriqc.settings.production", "False"]
    refused = _settings_of(entry_point, SECRET_KEY="", ALLOWED_HOSTS="example.org")
    assert refused.returncode == 2
    assert "SECRET_KEY" in refused.stderr


def test_seed_demo_refuses_production_settings(db, settings, monkeypatch):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DEMO_ADMIN_PASSWORD"):
        call_command("seed_demo", "--force")
    assert not Organization.objects.exists()


def test_the_demo_password_cannot_be_chosen():
    with pytest.raises(ValidationError):
        validate_password("numeriqc-demo")


def _sign_in(client, username, password, language="fr"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_the_demo_password_is_refused_at_sign_in_in_production(client, db, settings):
    settings.PRODUCTION = True
    UserFactory(username="admin", is_superuser=True, password="numeriqc-demo")
    response = _sign_in(client, "admin", "numeriqc-demo", "en")
    assert "published demo password" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Trop de tentatives de connexion"), ("en", "Too many sign-in attempts")],
)
def test_sign_in_is_throttled_by_account(client, db, language, message):
    UserFactory(username="analyste", password="correct-horse-battery")
    for _attempt in range(10):
        assert _sign_in(client, "analyste", "wrong", language).status_code == 200
    refused = _sign_in(client, "analyste", "correct-horse-battery", language)
    assert message in refused.text
    assert "_auth_user_id" not in client.session


def test_sign_in_is_throttled_by_address_across_accounts(client, db, settings):
    settings.ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS = 3
    UserFactory(username="quelquun", password="correct-horse-battery")
    for number in range(3):
        _sign_in(client, f"inconnu{number}", "wrong")
    refused = _sign_in(client, "quelquun", "correct-horse-battery")
    assert "Trop de tentatives de connexion" in refused.text
    assert "_auth_user_id" not in client.session


def test_a_right_password_within_the_limit_signs_in(client, db):
    UserFactory(username="redaction", password="correct-horse-battery")
    _sign_in(client, "redaction", "wrong")
    response = _sign_in(client, "redaction", "correct-horse-battery")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_only_failed_sign_ins_count_toward_the_limit(client, db, settings):
    # A team behind one address signs in all day: successes never lock anyone out.
    settings.ADMIN_LOGIN_ATTEMPTS_PER_ADDRESS = 3
    settings.ADMIN_LOGIN_ATTEMPTS_PER_ACCOUNT = 3
    UserFactory(username="redaction", password="correct-horse-battery")
    for _day in range(5):
        assert _sign_in(client, "redaction", "correct-horse-battery").status_code == 302
        client.logout()
    _sign_in(client, "redaction", "wrong")
    response = _sign_in(client, "redaction", "correct-horse-battery")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_search_is_rate_limited_per_address_with_retry_after(
    client, site_tree, settings
):
    settings.SEARCH_REQUESTS_PER_ADDRESS = 2
    for _request in range(2):
        assert client.get("/fr/recherche/?q=permis").status_code == 200
    refused = client.get("/fr/recherche/?q=permis")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Trop de requêtes" in refused.text
    other_address = client.get("/fr/recherche/?q=permis", REMOTE_ADDR="10.0.0.2")
    assert other_address.status_code == 200


def test_the_survey_429_says_when_to_retry(client, consultation, settings):  # noqa: F811
    settings.CONSULTATION_POSTS_PER_ADDRESS = 1
    answer_all(client, consultation)
    client.cookies.clear()
    response = answer_all(client, consultation, submission_key="")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Response.objects.count() == 1


def test_the_consultation_done_cookie_is_secure_in_production(
    client,
    consultation,  # noqa: F811
    settings,
):
    settings.SESSION_COOKIE_SECURE = True
    response = answer_all(client, consultation)
    cookie = next(c for name, c in response.cookies.items() if "consultation" in name)
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
