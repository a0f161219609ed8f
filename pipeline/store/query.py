"""DuckDB over a processed folder: one view per table plus cross-document views.

    vnplans tables                       # tables and views, row counts, columns
    vnplans tables targets               # one table's columns, types and meanings
    vnplans query "select * from citations where relation = 'implements'"
    vnplans query "select * from target_comparison" --format csv > targets.csv

DuckDB runs embedded in this process. Extension auto-install is switched off:
everything used here (Parquet, JSON, time zones) is compiled into the wheel,
and a query must never reach for the network.
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

from schemas import COLUMN_DOCS, SCHEMAS, TABLES

DEFAULT_PROCESSED = "data/processed"
ENV_PROCESSED = "VNPLANS_PROCESSED"


def _majority(column: str, alias: str) -> str:
    """CTE `alias`: per ref_key, the most frequent non-null `column` across its mentions.

    Ties go to the smallest value, so the answer does not change from one
    query to the next (DuckDB's `mode` picks any of the tied values).
    """
    return f"""{alias} as (
            select ref_key, first(v order by n desc, v) as {alias}
            from (select ref_key, {column} as v, count(*) as n from mentions
                  where {column} is not null group by all)
            group by ref_key)"""


# Cross-document views, built on the table views. Each is documented column by
# column in VIEW_DOCS, which feeds `vnplans tables` and the data dictionary.
VIEWS: dict[str, str] = {
    # A directive is described by what its mentions say most often; a plan's
    # own `implements` list counts as a mention so that a directive named only
    # in the title still shows up.
    "citations": f"""
        with mentions as (
            select ref_key, doc_id, ref_type, issuer, issue_date, year, title, relation, 1 as n
            from legal_refs where ref_key is not null
            union all by name
            select unnest(implements) as ref_key, doc_id, 'implements' as relation, 0 as n
            from documents
        ),
        {_majority("ref_type", "ref_type")},
        {_majority("issuer", "ref_issuer")},
        {_majority("issue_date", "ref_issue_date")},
        {_majority("year", "ref_year")},
        {_majority("title", "ref_title")},
        pairs as (
            select ref_key, doc_id,
                   case when bool_or(relation = 'implements') then 'implements'
                        when bool_or(relation = 'can_cu') then 'can_cu'
                        else 'mention' end as relation,
                   sum(n)::INTEGER as mentions
            from mentions group by ref_key, doc_id
        )
        select p.ref_key, t.ref_type, i.ref_issuer, d8.ref_issue_date,
               coalesce(y.ref_year, year(d8.ref_issue_date))::SMALLINT as ref_year, ti.ref_title,
               p.doc_id, d.doc_number, d.doc_kind, d.province, d.issuer as doc_issuer,
               d.issue_date as doc_issue_date, d.title as doc_title, p.relation, p.mentions
        from pairs p
        left join ref_type t using (ref_key) left join ref_issuer i using (ref_key)
        left join ref_issue_date d8 using (ref_key) left join ref_year y using (ref_key)
        left join ref_title ti using (ref_key)
        left join documents d using (doc_id)
    """,
    # A plan often states the same target twice (decision text and its
    # programme): identical statements collapse into one row with a count.
    "target_comparison": """
        select t.indicator, d.province, t.value, t.value_high, t.unit,
               coalesce(t.target_year, t.period_end) as year,
               t.comparator, t.direction, t.domain, t.period_start, t.period_end,
               t.doc_id, d.doc_number, d.doc_kind, d.issue_date as doc_issue_date,
               count(*)::INTEGER as mentions,
               arg_min(t.text, t.char_start) as text
        from targets t left join documents d using (doc_id)
        group by t.indicator, d.province, t.value, t.value_high, t.unit, coalesce(t.target_year, t.period_end),
                 t.comparator, t.direction, t.domain, t.period_start, t.period_end,
                 t.doc_id, d.doc_number, d.doc_kind, d.issue_date
    """,
    "task_leads": """
        select unnest(t.lead) as agency, d.province, t.doc_id, d.doc_number, t.task_id, t.section_id,
               t.text, t.partners, t.timeframe, t.product
        from tasks t left join documents d using (doc_id)
    """,
}

VIEW_DOCS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "citations": (
        "one row per (referenced directive, citing document): who cites or implements what",
        [
            ("ref_key", "the referenced document (legal_refs.ref_key)"),
            ("ref_type", "its kind, most frequent across mentions"),
            ("ref_issuer", "its issuer, most frequent across mentions"),
            ("ref_issue_date", "its issue date, most frequent across mentions"),
            ("ref_year", "its year"),
            ("ref_title", "its subject clause, most frequent across mentions"),
            ("doc_id", "the citing document"),
            ("doc_number", "the citing document's số hiệu"),
            ("doc_kind", "the citing document's kind"),
            ("province", "the citing document's province"),
            ("doc_issuer", "the citing document's issuer"),
            ("doc_issue_date", "the citing document's date of signature"),
            ("doc_title", "the citing document's title"),
            ("relation", "implements (in documents.implements or an implements mention) > can_cu > mention"),
            ("mentions", "legal_refs rows of this directive in this document"),
        ],
    ),
    "target_comparison": (
        "one row per distinct target statement of a document, with its province, for comparing across plans",
        [
            ("indicator", "what is measured"),
            ("province", "province of the document"),
            ("value", "target value"),
            ("value_high", "upper bound of a range"),
            ("unit", "unit as written; '' when dimensionless"),
            ("year", "target_year, or the end of the period the value is stated for"),
            ("comparator", "eq, gt, ge, lt, le, approx, range"),
            ("direction", "level, increase, decrease"),
            ("domain", "climate, resources, environment, economy, society, defense, other"),
            ("period_start", "first year of the period the value is stated for"),
            ("period_end", "last year of that period"),
            ("doc_id", "the document"),
            ("doc_number", "its số hiệu"),
            ("doc_kind", "its kind"),
            ("doc_issue_date", "its date of signature"),
            ("mentions", "how many times the document states this same target"),
            ("text", "the first clause that states it"),
        ],
    ),
    "task_leads": (
        "one row per (task, lead agency): who is in charge of what",
        [
            ("agency", "one agency in charge (tasks.lead)"),
            ("province", "province of the document"),
            ("doc_id", "the document"),
            ("doc_number", "its số hiệu"),
            ("task_id", "the task"),
            ("section_id", "section the task sits in"),
            ("text", "the task as written"),
            ("partners", "cooperating agencies"),
            ("timeframe", "time text as written"),
            ("product", "expected output"),
        ],
    ),
}


def default_processed_dir() -> Path:
    return Path(os.environ.get(ENV_PROCESSED) or DEFAULT_PROCESSED)


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _empty_select(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """`select` of zero rows typed exactly like the contract's table."""
    name = f"__vnplans_empty_{table}"
    con.register(name, SCHEMAS[table].empty_table())
    try:
        cols = con.execute(f"describe select * from {name}").fetchall()
    finally:
        con.unregister(name)
    columns = ", ".join(f"cast(null as {typ}) as {duckdb_ident(col)}" for col, typ, *_ in cols)
    return f"select {columns} where false"


def duckdb_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect(processed_dir: str | Path | None = None, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """An embedded DuckDB connection with one view per table and the cross-document views.

    A table folder that is missing or holds no Parquet file gives an empty view
    with the contract's columns, so queries written for a full corpus run on a
    partial one. The typed empty select is unioned by name with the files so a
    file written by an older pipeline that lacks a column still reads.
    """
    processed_dir = Path(processed_dir if processed_dir is not None else default_processed_dir())
    con = duckdb.connect(database, config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    for table in TABLES:
        empty = _empty_select(con, table)
        folder = processed_dir / table
        if folder.is_dir() and any(folder.glob("*.parquet")):
            files = _sql_str(str(folder / "*.parquet"))
            body = f"{empty} union all by name select * from read_parquet({files}, union_by_name = true)"
        else:
            body = empty
        con.execute(f"create or replace view {table} as {body}")
    for view, sql in VIEWS.items():
        con.execute(f"create or replace view {view} as {sql}")
    return con


def table_files(processed_dir: Path, table: str) -> int:
    folder = Path(processed_dir) / table
    return sum(1 for _ in folder.glob("*.parquet")) if folder.is_dir() else 0


def describe(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str]]:
    """(column, DuckDB type) of a table or view."""
    return [(c, t) for c, t, *_ in con.execute(f"describe {duckdb_ident(name)}").fetchall()]


# ------------------------------------------------------------------ output


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


# ------------------------------------------------------------------ commands


def _quiet_broken_pipe() -> None:
    """`vnplans query … | head` closes the pipe early: stop quietly, and keep
    Python's exit-time flush of stdout from raising again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _open(args):
    folder = Path(args.data)
    if not folder.is_dir():
        print(
            f"error: no processed folder at {folder}; run `vnplans run data/raw --out {folder}` first, "
            f"or pass --data DIR",
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
    folder = Path(args.data)
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
        rows = [(c, t, arrow.get(c, ""), meanings.get(c, "")) for c, t in describe(con, args.name)]
        print(format_table(["column", "duckdb type", "arrow type", "meaning"], rows, max_width=0))
        return 0
    rows = []
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
    data_help = f"processed folder (default ${ENV_PROCESSED} or {DEFAULT_PROCESSED})"

    q = subparsers.add_parser(
        "query",
        help="run SQL (DuckDB) over the processed tables and views",
        description="Run SQL over one view per table (documents, sections, legal_refs, "
        "targets, deadlines, tasks, ingest_log) and the cross-document views "
        "citations, target_comparison, task_leads.",
    )
    q.add_argument("sql", help="the query; '-' reads it from stdin")
    q.add_argument("--data", type=Path, default=default_processed_dir(), help=data_help)
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
    t.add_argument("--data", type=Path, default=default_processed_dir(), help=data_help)
    t.add_argument("--max-width", type=int, default=0, help="truncate cells (0: never)")
    t.set_defaults(func=_cmd_tables)
