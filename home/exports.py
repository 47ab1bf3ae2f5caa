"""Exports that stay flat in memory whatever their size, and safe in a spreadsheet.

    return stream_csv("reponses.csv", header, rows)      # rows: any iterable
    return stream_xlsx("reponses.xlsx", header, rows, sheet_title="Réponses")
    return stream_json("indicateurs.json", rows_as_dicts)

Rows are consumed lazily: pass `queryset.iterator(chunk_size=...)` or a generator,
never a list built in memory. Every text cell that a spreadsheet would read as a
formula (= + - @, tab, carriage return) is neutralised with a leading apostrophe;
control characters are dropped.
"""

import csv
import json
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse

from home.cleaning import strip_control_characters

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value that no spreadsheet will execute, nor refuse: control
    characters (ESC, NUL…, stored before they were stripped at input) would make
    openpyxl refuse the whole workbook."""
    if not isinstance(value, str):
        return value
    value = strip_control_characters(value)
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def _content_disposition(filename):
    return f'attachment; filename="{filename}"'


def csv_lines(header, rows, bom=False):
    writer = csv.writer(_Echo())
    if bom:
        yield "\ufeff"
    yield writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(_plain(cell)) for cell in row])


def stream_csv(filename, header, rows: Iterable, bom=True):
    """CSV in UTF-8 (with a byte-order mark, so that spreadsheets read accents)."""
    return stream_csv_lines(filename, csv_lines(header, rows, bom=bom))


def stream_csv_lines(filename, lines: Iterable):
    """CSV lines already written (str or bytes, e.g. from the database's COPY)."""
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _content_disposition(filename)
    return response


def stream_xlsx(filename, header, rows: Iterable, sheet_title="Export"):
    """An Excel workbook written row by row (openpyxl write-only) to a spooled file.

    The xlsx format is a zip archive, which cannot be sent before it is complete;
    the rows never sit in memory together, and the file spills to disk past 8 MB.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([neutralise(cell) for cell in header])
    for row in rows:
        sheet.append([neutralise(_plain(cell)) for cell in row])
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def json_chunks(records: Iterable, envelope=None):
    """A JSON array (or {"...": envelope, "data": [...]}) produced record by record."""
    if envelope is not None:
        head = json.dumps(envelope, default=_json_default, ensure_ascii=False)
        yield head[:-1] + (', "data": [' if head != "{}" else '"data": [')
    else:
        yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + json.dumps(
            record, default=_json_default, ensure_ascii=False
        )
    yield "]}" if envelope is not None else "]"


def stream_json(filename, records: Iterable, envelope=None, attachment=False):
    response = StreamingHttpResponse(
        json_chunks(records, envelope), content_type="application/json; charset=utf-8"
    )
    if attachment:
        response["Content-Disposition"] = _content_disposition(filename)
    return response


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return "; ".join(str(item) for item in value)
    return "" if value is None else value


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
