"""Charts, exports and rate limits shared by the feature apps."""

import json
from io import BytesIO

from django.test import RequestFactory
from openpyxl import load_workbook

from home.charts import bar_chart, line_chart
from home.exports import neutralise, stream_csv, stream_json, stream_xlsx
from home.ratelimit import client_address, comes_from_this_site, hit


def test_bar_chart_is_described_for_screen_readers():
    chart = bar_chart([("Oui", 62), ("Non <b>", 38)], title="Réponses", unit="%")
    svg = str(chart.svg)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Non &lt;b&gt;" in svg  # labels are escaped
    assert chart.rows == [("Oui", "62\u00a0%"), ("Non <b>", "38\u00a0%")]


def test_line_chart_draws_a_target_and_skips_missing_values():
    chart = line_chart(
        [("T1", 10), ("T2", None), ("T3", 30)],
        title="Cible",
        value_label="Mesure",
        target=50,
        target_label="Cible visée",
    )
    svg = str(chart.svg)
    assert "stroke-dasharray" in svg
    assert svg.count("<circle") == 2 + 1  # two measures, and the legend's sample
    assert ("T2", "—") in chart.rows
    # The target is named in the legend and in the table, not by colour alone.
    assert ">Mesure</text>" in svg and ">Cible visée</text>" in svg
    assert chart.footer == [("Cible visée", "50")]
    assert chart.columns[0]  # no empty header cell


def test_formula_cells_are_neutralised():
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("+1") == "'+1" and neutralise("@SUM") == "'@SUM"
    assert neutralise("-2") == "'-2"
    assert neutralise("Bonjour") == "Bonjour" and neutralise(-2) == -2


def test_csv_streams_with_a_bom_and_neutralised_cells():
    response = stream_csv("x.csv", ["Nom"], iter([["=1+1"], ["Élise"]]))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffNom")
    assert "'=1+1" in body and "Élise" in body
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_xlsx_holds_every_row():
    response = stream_xlsx(
        "x.xlsx", ["Nom", "Valeur"], ([f"n{i}", i] for i in range(500))
    )
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert rows[0] == ("Nom", "Valeur") and len(rows) == 501


def test_json_streams_a_valid_document():
    response = stream_json(
        "x.json", ({"n": i} for i in range(3)), envelope={"licence": "CC BY 4.0"}
    )
    document = json.loads(b"".join(response.streaming_content))
    assert document == {"licence": "CC BY 4.0", "data": [{"n": 0}, {"n": 1}, {"n": 2}]}


def test_rate_limit_allows_up_to_the_limit_then_refuses():
    results = [
        hit("test", "198.51.100.7", limit=3, window_seconds=60)[0] for _ in range(5)
    ]
    assert results == [True, True, True, False, False]
    assert hit("test", "198.51.100.8", limit=3, window_seconds=60)[0]


def test_client_address_trusts_only_the_configured_proxies(settings):
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.1"
    )
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.9"


def test_origin_check():
    factory = RequestFactory()
    assert comes_from_this_site(factory.post("/", HTTP_ORIGIN="http://testserver"))
    assert comes_from_this_site(factory.post("/", HTTP_SEC_FETCH_SITE="same-origin"))
    assert not comes_from_this_site(
        factory.post("/", HTTP_ORIGIN="https://evil.example")
    )
    assert not comes_from_this_site(
        factory.post(
            "/", HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="cross-site"
        )
    )
    assert not comes_from_this_site(factory.post("/"))
