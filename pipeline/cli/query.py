"""`vnplans query` and `vnplans tables`: SQL over the processed tables, printed as a table, CSV, JSON or Parquet.

vnplans tables                       # tables and views, row counts, columns
vnplans tables targets               # one table's columns, types and meanings
vnplans query "select * from citations where relation = 'implements'"
vnplans query "select * from target_comparison" --format csv > targets.csv
"""

from __future__ import annotations

import datetime as _dt
import decimal
import os
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import duckdb

from pipeline.cli.options import add_out
from pipeline.store.query import (
    VIEW_DOCS,
    VIEWS,
    _sql_str,
    connect,
    describe,
    table_files,
)
from schemas import COLUMN_DOCS, SCHEMAS, TABLES


def _cell(v, max_width: int) -> str:
    if v is None:
        s = "NULL"
    elif isinstance(v, bool):
        s = "true" if v else "false"
    elif isinstance(v, float):
        s = repr(v)
    elif isinstance(v, (decimal.Decimal, int)):
        s = str(v)
    elif isinstance(v, _dt.datetime):
        s = v.isoformat(sep=" ", timespec="seconds")
    elif isinstance(v, _dt.date):
        s = v.isoformat()
    elif isinstance(v, (list, tuple)):
        s = "[" + ", ".join(_cell(x, 0) for x in v) + "]"
    elif isinstance(v, dict):
        s = "{" + ", ".join(f"{k}: {_cell(x, 0)}" for k, x in v.items()) + "}"
    else:
        s = str(v)
    s = " ".join(s.split()) if ("\n" in s or "\t" in s) else s
    if max_width and display_width(s) > max_width:
        out, w = [], 0
        for ch in s:
            cw = _char_width(ch)
            if w + cw > max_width - 1:
                break
            out.append(ch)
            w += cw
        s = "".join(out) + "…"
    return s


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(s: str) -> int:
    # Text that is not NFC carries combining tone marks; they take no column.
    return sum(_char_width(ch) for ch in s)


def _pad(s: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(s))
    return fill + s if right else s + fill


def format_table(columns: list[str], rows: list[tuple], types: list[str] | None = None, max_width: int = 48) -> str:
    """Rows as a plain aligned text table (numbers right-aligned), with a row count."""
    types = types or [""] * len(columns)
    numeric = [
        any(k in t.upper() for k in ("INT", "DOUBLE", "FLOAT", "DECIMAL", "REAL")) and "[]" not in t for t in types
    ]
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [
        "  ".join(_pad(c, widths[i], numeric[i]) for i, c in enumerate(columns)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(r[i], widths[i], numeric[i]) for i in range(len(columns))).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def write_result(
    con: duckdb.DuckDBPyConnection, rel: duckdb.DuckDBPyRelation, fmt: str, output: Path | None, max_width: int = 48
) -> None:
    """Write a query result as an aligned table, CSV, JSON (array of objects) or Parquet."""
    if fmt == "table":
        text = format_table(rel.columns, rel.fetchall(), [str(t) for t in rel.types], max_width) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    options = {"csv": "format csv, header true", "json": "format json, array true", "parquet": "format parquet"}[fmt]
    # DuckDB writes the file itself so dates, lists and nulls come out in its
    # own well-defined forms; stdout gets a copy of a temporary file.
    result = rel.arrow()
    if hasattr(result, "read_all"):  # DuckDB >= 2 streams batches; drain them, COPY needs the connection
        result = result.read_all()
    con.register("__vnplans_result", result)
    try:
        if output:
            con.execute(f"copy __vnplans_result to {_sql_str(str(output))} ({options})")
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"result.{fmt}"
            con.execute(f"copy __vnplans_result to {_sql_str(str(path))} ({options})")
            sys.stdout.flush()
            with path.open("rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    finally:
        con.unregister("__vnplans_result")


def _quiet_broken_pipe() -> None:
    """`vnplans query … | head` closes the pipe early: stop quietly, and keep
    Python's exit-time flush of stdout from raising again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _open(args):
    folder = Path(args.out)
    if not folder.is_dir():
        print(
            f"error: no processed folder at {folder}; run `vnplans run data/raw --out {folder}` first, "
            f"or pass --out DIR",
            file=sys.stderr,
        )
        return None
    return connect(folder)


def _cmd_query(args) -> int:
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    sql = sql.strip().rstrip(";").strip()
    if not sql:
        print("error: empty query", file=sys.stderr)
        return 2
    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        print("error: --format parquet writes binary; pass --output FILE or redirect stdout", file=sys.stderr)
        return 2
    con = _open(args)
    if con is None:
        return 2
    try:
        rel = con.sql(sql)
        if rel is None:  # a statement without a result, e.g. `set …`
            return 0
        write_result(con, rel, args.format, args.output, args.max_width)
    except duckdb.Error as exc:
        names = ", ".join(TABLES + list(VIEWS))
        print(f"error: {exc}\n(tables and views: {names}; `vnplans tables` lists their columns)", file=sys.stderr)
        return 1
    except BrokenPipeError:
        _quiet_broken_pipe()
    return 0


def _cmd_tables(args) -> int:
    try:
        return _tables(args)
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0


def _tables(args) -> int:
    con = _open(args)
    if con is None:
        return 2
    folder = Path(args.out)
    if args.name:
        if args.name in COLUMN_DOCS:
            meanings = {c: doc for c, _, doc in COLUMN_DOCS[args.name]}
            arrow = {c: t for c, t, _ in COLUMN_DOCS[args.name]}
        elif args.name in VIEW_DOCS:
            meanings = dict(VIEW_DOCS[args.name][1])
            arrow = {}
        else:
            print(f"error: no table or view {args.name!r}; one of {', '.join(TABLES + list(VIEWS))}", file=sys.stderr)
            return 2
        columns = [(c, t, arrow.get(c, ""), meanings.get(c, "")) for c, t in describe(con, args.name)]
        print(format_table(["column", "duckdb type", "arrow type", "meaning"], columns, max_width=0))
        return 0
    rows: list[tuple[object, ...]] = []
    for name in TABLES + list(VIEWS):
        n = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        kind = "table" if name in SCHEMAS else "view"
        files = table_files(folder, name) if kind == "table" else ""
        rows.append((name, kind, n, files, ", ".join(c for c, _ in describe(con, name))))
    print(
        format_table(
            ["name", "kind", "rows", "files", "columns"],
            rows,
            ["", "", "BIGINT", "BIGINT", ""],
            max_width=args.max_width,
        )
    )
    return 0


def add_command(subparsers) -> None:
    q = subparsers.add_parser(
        "query",
        help="run SQL (DuckDB) over the processed tables and views",
        description="Run SQL over one view per table (documents, sections, legal_refs, "
        "targets, deadlines, tasks, ingest_log) and the cross-document views "
        "citations, target_comparison, task_leads.",
    )
    q.add_argument("sql", help="the query; '-' reads it from stdin")
    add_out(q)
    q.add_argument(
        "--format",
        choices=["table", "csv", "json", "parquet"],
        default="table",
        help="output format (default: aligned table)",
    )
    q.add_argument("-o", "--output", type=Path, default=None, help="write to FILE instead of stdout")
    q.add_argument("--max-width", type=int, default=48, help="truncate table cells to this many characters (0: never)")
    q.set_defaults(func=_cmd_query)

    t = subparsers.add_parser("tables", help="list tables and views with row counts and columns")
    t.add_argument("name", nargs="?", help="show one table's or view's columns, types and meanings")
    add_out(t)
    t.add_argument("--max-width", type=int, default=0, help="truncate cells (0: never)")
    t.set_defaults(func=_cmd_tables)
