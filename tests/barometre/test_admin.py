"""Admin: indicators and measurements by role, within the user's organizations,
and the CSV import with its report of rejected rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from barometre.models import Indicator, Measurement
from home.roles import ANALYSTS, EDITORS
from tests.factories import OrganizationFactory, UserFactory

from .factories import IndicatorFactory, MeasurementFactory

INDICATORS = "/admin/snippets/barometre/indicator/"
MEASUREMENTS = "/admin/snippets/barometre/measurement/"
IMPORT = "/admin/barometre/import/"


@pytest.fixture
def organizations(db):
    return OrganizationFactory(name="Nôtre"), OrganizationFactory(name="Autre")


@pytest.fixture
def ours(organizations):
    return IndicatorFactory(
        name="Notre indicateur", slug="notre", organization=organizations[0]
    )


@pytest.fixture
def theirs(organizations):
    return IndicatorFactory(
        name="Leur indicateur", slug="leur", organization=organizations[1]
    )


@pytest.fixture
def editor(organizations):
    return UserFactory(groups=[EDITORS], organizations=[organizations[0]])


@pytest.fixture
def analyst(organizations):
    return UserFactory(groups=[ANALYSTS], organizations=[organizations[0]])


def test_editors_see_and_edit_only_their_organizations_indicators(
    client, editor, ours, theirs
):
    client.force_login(editor)
    listing = client.get(INDICATORS)
    assert listing.status_code == 200
    assert "Notre indicateur" in listing.text
    assert "Leur indicateur" not in listing.text
    assert client.get(f"{INDICATORS}edit/{ours.pk}/").status_code == 200
    assert client.get(f"{INDICATORS}edit/{theirs.pk}/").status_code in (302, 403)
    add = client.get(f"{INDICATORS}add/")
    assert add.status_code == 200
    assert "Nôtre" in add.text and ">Autre<" not in add.text
    assert "Satisfaction moyenne envers les services publics" in add.text


def test_measurements_are_scoped_through_their_indicator(client, editor, ours, theirs):
    MeasurementFactory(indicator=ours, date=date(2025, 3, 31))
    foreign = MeasurementFactory(indicator=theirs, date=date(2025, 6, 30))
    client.force_login(editor)
    listing = client.get(MEASUREMENTS)
    assert "Notre indicateur" in listing.text
    assert "Leur indicateur" not in listing.text
    assert "Importer un fichier CSV" in listing.text
    assert client.get(f"{MEASUREMENTS}edit/{foreign.pk}/").status_code in (302, 403)


def test_an_editor_records_a_measurement_once(client, editor, ours):
    client.force_login(editor)
    data = {"indicator": ours.pk, "date": "2025-09-30", "value": "12.5"}
    response = client.post(f"{MEASUREMENTS}add/", data)
    assert response.status_code == 302
    again = client.post(f"{MEASUREMENTS}add/", data)
    assert again.status_code == 200  # the form says it exists already
    measurement = Measurement.objects.get()
    assert measurement.value == Decimal("12.5")
    assert measurement.recorded_by == editor


def test_analysts_measure_but_do_not_define_indicators(client, analyst, ours):
    client.force_login(analyst)
    assert client.get(f"{MEASUREMENTS}add/").status_code == 200
    assert client.get(f"{INDICATORS}add/").status_code in (302, 403)


def test_the_csv_import_reports_every_rejected_row(client, editor, ours, theirs):
    MeasurementFactory(indicator=ours, date=date(2025, 3, 31), value=1)
    content = (
        b"indicator;date;value;source;note_fr;note_en\n"
        b"notre;2025-03-31;10,5;Rapport annuel;Hausse;Up\n"  # updates
        b"notre;2025-06-30;12;;;\n"  # new
        b"notre;2025-06-30;13;;;\n"  # twice in the file
        b"leur;2025-06-30;12;;;\n"  # another organization's
        b"inconnu;2025-06-30;12;;;\n"
        b"notre;30/06/2025;12;;;\n"
        b"notre;2025-09-30;beaucoup;;;\n"
    )
    client.force_login(editor)
    page = client.get(IMPORT)
    assert page.status_code == 200 and "Fichier CSV" in page.text
    upload = SimpleUploadedFile("mesures.csv", content, content_type="text/csv")
    report = client.post(IMPORT, {"file": upload})
    assert report.status_code == 200
    html = report.text
    assert "1 mesures ajoutées, 1 mises à jour." in html
    assert "5 lignes rejetées" in html
    assert "figurent déjà plus haut dans le fichier" in html
    assert "Indicateur « leur » inconnu, ou qui n’est pas l’un des vôtres." in html
    assert "Indicateur « inconnu » inconnu" in html
    assert "La date doit s’écrire AAAA-MM-JJ." in html
    assert "La valeur n’est pas un nombre." in html
    assert Measurement.objects.filter(indicator=ours).count() == 2
    updated = Measurement.objects.get(indicator=ours, date=date(2025, 3, 31))
    assert updated.value == Decimal("10.5") and updated.note_en == "Up"
    assert not Measurement.objects.filter(indicator=theirs).exists()


def test_an_import_without_the_needed_columns_writes_nothing(client, editor, ours):
    client.force_login(editor)
    upload = SimpleUploadedFile("mesures.csv", b"nom,valeur\nnotre,12\n")
    html = client.post(IMPORT, {"file": upload}).text
    assert "Colonnes manquantes : indicator, date, value." in html
    binary = SimpleUploadedFile("image.png", b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    assert client.post(IMPORT, {"file": binary}).status_code == 200
    assert not Measurement.objects.exists()


def test_people_without_the_permission_cannot_import(client, organizations):
    nobody = UserFactory(organizations=[organizations[0]])
    nobody.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(nobody)
    assert client.get(IMPORT).status_code in (302, 403)
    assert Indicator.objects.count() == 0


def test_a_file_with_control_bytes_is_reported_not_crashed(client, editor, ours):
    client.force_login(editor)
    upload = SimpleUploadedFile("mesures.csv", b"indicator,date,value\nnotre,\x00,1\n")
    response = client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert "La date doit s’écrire AAAA-MM-JJ." in response.text
    assert not Measurement.objects.exists()
