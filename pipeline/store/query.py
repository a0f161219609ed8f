"""DuckDB over a processed folder: one view per table plus cross-document views.

DuckDB runs embedded in this process. Extension auto-install is switched off:
everything used here (Parquet, JSON, time zones) is compiled into the wheel,
and a query must never reach for the network. The `vnplans query` and
`vnplans tables` commands are in `pipeline/cli/query.py`.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.config import Settings
from schemas import SCHEMAS, TABLES


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
    # One row per plan: the same plan as text, PDF, scan and DOCX is one plan_key;
    # its best copy (a text layer before OCR, then the fewest OCR'd pages) stands
    # for it, and the views below read only those copies, so counts count plans.
    "plans": """
        select * exclude (rn) from (
            select d.*, count(*) over w_all::INTEGER as copies,
                   row_number() over (
                       partition by coalesce(d.plan_key, d.doc_id)
                       order by coalesce(d.ocr_pages, 0),
                                case d.source_format when 'docx' then 0 when 'doc' then 0 when 'md' then 1
                                                     when 'txt' then 1 when 'pdf' then 2 else 3 end,
                                d.doc_id
                   ) as rn
            from documents d
            window w_all as (partition by coalesce(d.plan_key, d.doc_id))
        ) where rn = 1
    """,
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
        one_copy as (select doc_id from plans),
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
        semi join one_copy using (doc_id)
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
        from targets t join plans d using (doc_id)
        group by t.indicator, d.province, t.value, t.value_high, t.unit, coalesce(t.target_year, t.period_end),
                 t.comparator, t.direction, t.domain, t.period_start, t.period_end,
                 t.doc_id, d.doc_number, d.doc_kind, d.issue_date
    """,
    "task_leads": """
        select unnest(t.lead) as agency, d.province, t.doc_id, d.doc_number, t.task_id, t.section_id,
               t.text, t.partners, t.timeframe, t.product
        from tasks t join plans d using (doc_id)
    """,
}


VIEW_DOCS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "plans": (
        "one row per plan (documents.plan_key): its best copy — a text layer before OCR — with every "
        "documents column, and how many copies the folder holds; the views below read only these copies",
        [(c, f"as in documents.{c}") for c in SCHEMAS["documents"].names]
        + [("copies", "documents rows with this plan_key (text, PDF, scan, DOCX of one plan)")],
    ),
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
    """The output folder of the settings: `VNPLANS_OUT`, the config file's `out`, or data/processed."""
    return Settings().out


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
