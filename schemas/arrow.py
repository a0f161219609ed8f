"""Arrow schemas, column docs and the contract check, derived from `schemas.records`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

import pyarrow as pa

from schemas.records import RECORD_TYPES

TABLES: list[str] = list(RECORD_TYPES)


def _columns(table: str) -> list[dataclasses.Field]:
    return list(dataclasses.fields(RECORD_TYPES[table]))


SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(f.name, f.metadata["arrow"]) for f in _columns(name)]) for name in TABLES
}

#: table → [(column, Arrow type as text, meaning)], for the data dictionary and `vnplans tables`.
COLUMN_DOCS: dict[str, list[tuple[str, str, str]]] = {
    name: [(f.name, str(f.metadata["arrow"]), f.metadata["doc"]) for f in _columns(name)] for name in TABLES
}

#: table → {column: its enumeration}, for enumerated columns.
ENUMS: dict[str, dict[str, type[StrEnum]]] = {
    name: {f.name: f.metadata["enum"] for f in _columns(name) if f.metadata["enum"]} for name in TABLES
}


def _plain(value: Any) -> Any:
    # StrEnum members are strings already; make them plain so Arrow never sees the subclass.
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def as_row(record: Any) -> dict[str, Any]:
    """A record (dataclass or mapping) as a plain dict of column → value."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    return {k: _plain(v) for k, v in dict(record).items()}


def to_arrow(table: str, records: Iterable[Any]) -> pa.Table:
    """Records (dataclasses or dicts) → an Arrow table with exactly the contract's schema."""
    schema = SCHEMAS[table]
    rows = [as_row(r) for r in records]
    cols = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


# ---------------------------------------------------------------- contract check

_PARTIAL_DATE = re.compile(r"^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
#: `--12-05` (a day of every year) or `---18` (a day of every month), ISO 8601.
_RECUR_ON = re.compile(r"^(?:--(?:0[1-9]|1[0-2])-|---)(?:0[1-9]|[12]\d|3[01])$")


def contract_violations(table: str, rows: Iterable[Mapping[str, Any] | Any]) -> list[str]:
    """What in `rows` breaks the data contract beyond types: enumerations, ISO
    partial dates, recurrences, spans. Empty when the rows hold."""
    out: list[str] = []
    enums = ENUMS[table]
    for i, r in enumerate(rows):
        row = as_row(r)
        where = f"{table}[{i}]"
        for column, enum in enums.items():
            v = row.get(column)
            if v is not None and v not in {m.value for m in enum}:
                out.append(f"{where}.{column} = {v!r} is not one of {', '.join(m.value for m in enum)}")
        s, e = row.get("char_start"), row.get("char_end")
        if s is not None and e is not None and not (0 <= s <= e):
            out.append(f"{where}: span {s}..{e} is not ordered")
        if table == "deadlines":
            for column in ("start", "end"):
                v = row.get(column)
                if v is not None and not _PARTIAL_DATE.match(v):
                    out.append(
                        f"{where}.{column} = {v!r} is not an ISO partial date (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD)"
                    )
            if row.get("recur_on") is not None and not _RECUR_ON.match(row["recur_on"]):
                out.append(f"{where}.recur_on = {row['recur_on']!r} is not --MM-DD or ---DD")
            # A recurring deadline may leave `recurrence` null: `định kỳ`, `theo định kỳ
            # hoặc đột xuất` repeat without saying how often (SPEC: "or null").
            if row.get("recurrence") and row.get("kind") != "recurring":
                out.append(f"{where}: recurrence {row['recurrence']!r} on a deadline of kind {row.get('kind')!r}")
        if table == "ingest_log" and row.get("status") == "failed" and not row.get("error_message"):
            out.append(f"{where}: a failed row without an error message")
        if table == "documents":
            d = row.get("issue_date")
            if isinstance(d, dt.date) and not (1945 <= d.year <= dt.date.today().year + 1):
                out.append(f"{where}.issue_date = {d} is out of range")
    return out
