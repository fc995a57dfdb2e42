"""One Parquet file and one JSON file per table, with the declared types."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable
from json.encoder import encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses for a str
from typing import Any

from .tables import TypedTable


def _arrow_type(field: dict):
    import pyarrow as pa

    return {
        "integer": pa.int64(), "year": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "date": pa.date32(), "datetime": pa.timestamp("us"),
    }.get(field.get("type", "string"), pa.string())


def parquet_bytes(table: TypedTable) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(f["name"], _arrow_type(f), nullable=not (f.get("constraints") or {}).get("required"),
                       metadata={"title": f.get("title", ""), "description": f.get("description", "")})
              for f in table.fields]
    schema = pa.schema(fields, metadata={"frictionless:schema": json.dumps(table.schema, ensure_ascii=False)})
    arrow = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(table.data, fields, strict=True)], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _json_records(table: TypedTable) -> bytes:
    """The JSON file as json.dumps writes it from one dict per row: the reference for json_bytes, and
    what it falls back to when a value is not JSON (json.dumps then raises, on the first such value)."""
    records = [{c: _json_value(v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows]
    # NaN and infinity are valid Table Schema numbers but not JSON: refuse rather than write invalid JSON.
    return (json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _json_iso(value: dt.date) -> str:
    return encode_basestring(value.isoformat())


# How json.dumps writes a value of each declared type (what python_value makes of it); text otherwise.
_JSON_TEXT: dict[str, Callable[[Any], str]] = {
    "integer": int.__repr__, "year": int.__repr__, "number": float.__repr__,
    "boolean": lambda v: "true" if v else "false", "date": _json_iso, "datetime": _json_iso,
}


def _json_texts(values: list, field: dict) -> list[str] | None:
    """Each value of a column as JSON text, as json.dumps writes it; None when one is not JSON (NaN, infinity)."""
    kind = field.get("type", "string")
    if kind == "number" and not all(math.isfinite(v) for v in values if v is not None):
        return None
    text = _JSON_TEXT.get(kind, encode_basestring)
    return ["null" if v is None else text(v) for v in values]


def json_bytes(table: TypedTable) -> bytes:
    """A JSON array of one object per row, byte for byte what json.dumps(indent=2) writes.

    json.dumps with an indent runs its pure-Python encoder, a few calls per value; here each value
    is turned into JSON text once, a column at a time, and each row laid out by one format.
    """
    texts = [_json_texts(values, f) for values, f in zip(table.data, table.fields, strict=True)]
    if not table.height or not table.columns or len(set(table.columns)) < len(table.columns) or None in texts:
        return _json_records(table)  # nothing to gain, or a value json.dumps refuses
    layout = "{\n    " + ",\n    ".join(encode_basestring(c).replace("%", "%%") + ": %s" for c in table.columns) + "\n  }"
    records = [layout % row for row in zip(*texts, strict=True)]
    return ("[\n  " + ",\n  ".join(records) + "\n]\n").encode("utf-8")
