"""`vnplans report`: one self-contained HTML page about a processed folder.

    vnplans report                                 # data/processed → data/processed/report.html
    vnplans report --data /srv/vnplans -o out.html

Documents, pages OCR'd, rows per table, failures from `ingest_log` and the
charts. Everything is inline (CSS, charts as base64 PNG, no script), so the
file can be mailed or opened offline.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
from pathlib import Path

from pipeline.store.query import connect
from schemas import TABLES

EXTRACTED = [t for t in TABLES if t not in ("documents", "ingest_log")]
#: Rows listed per table of the report; the cards and charts count everything.
MAX_LISTED = 500


CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 2em auto; max-width: 1150px;
       color: #222; line-height: 1.4; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.1em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
.meta { color: #666; font-size: 0.9em; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 1.2em 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.6em 1em; min-width: 8em; background: #fafafa; }
.card b { display: block; font-size: 1.6em; } .card.bad b { color: #c0392b; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.6em 0; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { background: #fdecea; } .ok { color: #1e8449; } .muted { color: #888; }
figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
"""


def _e(v) -> str:
    if v is None:
        return '<span class="muted">–</span>'
    if isinstance(v, (list, tuple)):
        return html.escape(", ".join(map(str, v))) if v else '<span class="muted">–</span>'
    if isinstance(v, _dt.datetime):
        return html.escape(v.strftime("%Y-%m-%d %H:%M:%S %Z").strip())
    return html.escape(str(v))


def _table(
    columns: list[str], rows: list[tuple], numeric: frozenset[str] | set[str] = frozenset(), row_class=None
) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cls = f' class="{row_class(row)}"' if row_class and row_class(row) else ""
        cells = "".join(
            f'<td class="n">{_e(v)}</td>' if c in numeric else f"<td>{_e(v)}</td>"
            for c, v in zip(columns, row, strict=False)
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    if not rows:
        body.append(f'<tr><td colspan="{len(columns)}" class="muted">none</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure(fig, alt: str, caption: str) -> str:
    from pipeline.reporting import charts

    data = base64.b64encode(charts.to_png(fig)).decode("ascii")
    return (
        f'<figure><img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def _more(n: int, what: str) -> str:
    if n <= MAX_LISTED:
        return ""
    return f'<p class="muted">The first {MAX_LISTED:,} of {n:,} {what}; <code>vnplans query</code> lists them all.</p>'


def build_report(processed_dir: str | Path) -> str:
    """The HTML text of the report on `processed_dir`."""
    # matplotlib takes a second to import: only the report pays for it, not every `vnplans` command.
    from pipeline.reporting import charts

    processed_dir = Path(processed_dir)
    con = connect(processed_dir)
    q = lambda sql, **params: con.execute(sql, params).fetchall()  # noqa: E731

    n_docs, pages, ocr_pages = q(
        "select count(*), coalesce(sum(n_pages), 0), coalesce(sum(ocr_pages), 0) from documents"
    )[0]
    counts = {t: q(f"select count(*) from {t}")[0][0] for t in TABLES}
    # The same plan as text, PDF and scan is one plan (documents.plan_key).
    n_plans = q("select count(*) from plans")[0][0]
    # A file counts as failing while its latest attempt failed; earlier
    # failures that a later run fixed are listed but marked resolved.
    failures = q("""
        with attempts as (
            select *, row_number() over (partition by source_path order by finished_at desc nulls last) as rn
            from ingest_log)
        select f.source_path, f.stage, f.error_type, f.error_message, f.finished_at,
               case when exists (select 1 from attempts a where a.source_path = f.source_path and a.rn = 1
                                 and a.status <> 'failed') then 'resolved later' else 'failing' end as state
        from attempts f where f.status = 'failed'
        order by state, f.finished_at desc nulls last, f.source_path
    """)
    failing = sum(1 for f in failures if f[-1] == "failing")
    total_failures = len(failures)
    runs = q("select count(distinct run_id) from ingest_log")[0][0]
    status_counts = dict(q("select status, count(*) from ingest_log group by status"))
    failures = failures[:MAX_LISTED]

    # A summary, not a dump: past MAX_LISTED documents the lists stop (and say so).
    docs = q(f"""
        select {charts.DOC_LABEL_SQL} as document, d.doc_kind, d.province, d.issue_date, d.source_format,
               d.n_pages, d.ocr_pages, d.text_chars, d.horizon_year, d.title, d.implements
        from documents d order by d.province, d.issue_date nulls last, document limit {MAX_LISTED}""")
    per_doc = q(f"""
        with listed as (select d.doc_id, {charts.DOC_LABEL_SQL} as document from documents d
                        order by document limit {MAX_LISTED})
        select l.document, {", ".join(f"coalesce(n_{t}.n, 0) as {t}" for t in EXTRACTED)}
        from listed l
        {
        " ".join(
            f"left join (select doc_id, count(*) as n from {t} where doc_id in (select doc_id from listed) "
            f"group by doc_id) n_{t} on n_{t}.doc_id = l.doc_id"
            for t in EXTRACTED
        )
    }
        order by l.document""")
    versions = [
        v for (v,) in q("select distinct pipeline_version from documents where pipeline_version is not null order by 1")
    ]

    df = lambda sql, **params: con.execute(sql, params).df()  # noqa: E731
    figures = [
        _figure(
            charts.targets_by_domain(df(charts.TARGETS_BY_DOMAIN_SQL)),
            "targets by domain and province",
            "Quantitative targets per domain (from the heading a target sits under), one bar per province.",
        ),
        _figure(
            charts.deadline_timeline(df(charts.DEADLINES_SQL)),
            "timeline of deadlines",
            "Deadlines with a date: bars for periods, diamonds for a single due point.",
        ),
        _figure(
            charts.most_cited(df(charts.MOST_CITED_SQL, top=15)),
            "most-cited directives",
            "The 15 references cited by the most documents, then most often.",
        ),
        _figure(
            charts.implements_matrix(df(charts.IMPLEMENTS_SQL)),
            "which plans implement which directives",
            "Directives some plan says it carries out (Thực hiện …), and how the other plans cite them.",
        ),
    ]
    con.close()

    cards = [
        ("plans", n_plans),
        ("documents", n_docs),
        ("pages", pages),
        ("pages OCR'd", ocr_pages),
        ("files failing", failing),
    ] + [(t, counts[t]) for t in EXTRACTED]
    cards_html = "".join(
        f'<div class="card{" bad" if label == "files failing" and value else ""}">'
        f"<b>{value:,}</b>{html.escape(label)}</div>"
        for label, value in cards
    )
    now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    log_summary = ", ".join(f"{k} {v}" for k, v in sorted(status_counts.items())) or "empty"

    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vnplans report — {html.escape(str(processed_dir))}</title>
<style>{CSS}</style></head>
<body>
<h1>vnplans report</h1>
<p class="meta">Folder <code>{html.escape(str(processed_dir))}</code> · generated {now} ·
pipeline version {html.escape(", ".join(versions) or "–")}</p>
<div class="cards">{cards_html}</div>

<h2>Documents</h2>
{_more(n_docs, "documents")}
{
        _table(
            [
                "document",
                "kind",
                "province",
                "issued",
                "format",
                "pages",
                "OCR'd pages",
                "characters",
                "horizon",
                "title",
                "implements",
            ],
            docs,
            numeric={"pages", "OCR'd pages", "characters", "horizon"},
        )
    }

<h2>Rows per table</h2>
{_table(["table", "rows"], [(t, counts[t]) for t in TABLES], numeric={"rows"})}
{_table(["document"] + EXTRACTED, per_doc, numeric=set(EXTRACTED))}

<h2>Failures</h2>
<p>ingest_log: {html.escape(log_summary)} over {runs} run(s).
{_more(total_failures, "failures")}
{'<span class="ok">No file is failing.</span>' if not failing else f"{failing} file(s) failing."}</p>
{
        _table(
            ["file", "stage", "error", "message", "when", "state"],
            failures,
            row_class=lambda r: "failed" if r[-1] == "failing" else "",
        )
    }

<h2>Charts</h2>
{"".join(figures)}
</body></html>
"""
