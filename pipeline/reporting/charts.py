"""The charts of the report and the notebooks, from query results (pandas DataFrames).

Figures are built with matplotlib's object API (`Figure`, no pyplot), so
importing this module changes no global backend: the report renders them
headless to PNG, a notebook displays them inline. DejaVu Sans (matplotlib's
default) has every Vietnamese letter.
"""

from __future__ import annotations

import calendar
import io
import re
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# A short, readable name for a document in chart labels: its số hiệu, or the
# file name when the text does not carry one, then its province.
DOC_LABEL_SQL = (
    "coalesce(d.doc_number, regexp_extract(d.source_path, '[^/\\\\]+$'), d.doc_id) || coalesce(' · ' || d.province, '')"
)

TARGETS_BY_DOMAIN_SQL = """
    select coalesce(t.domain, 'other') as domain, coalesce(d.province, 'unknown') as province, count(*) as targets
    from targets t join plans d using (doc_id)
    group by all order by domain, province
"""

DEADLINES_SQL = f"""
    select {DOC_LABEL_SQL} as document, l.kind, l.start, l."end", l.text, l.task_id
    from deadlines l join plans d using (doc_id)
    order by document, l.char_start
"""

MOST_CITED_SQL = f"""
    select c.ref_key, c.ref_type, c.ref_issuer, {DOC_LABEL_SQL} as document, c.mentions
    from citations c left join documents d using (doc_id)
    where c.ref_key in (
        select ref_key from citations group by ref_key
        order by count(distinct doc_id) desc, sum(mentions) desc, ref_key limit $top)
"""

IMPLEMENTS_SQL = f"""
    select c.ref_key, c.ref_type, {DOC_LABEL_SQL} as document, c.relation
    from citations c left join documents d using (doc_id)
    where c.ref_key in (select ref_key from citations where relation = 'implements')
"""

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


def _empty(fig: Figure, ax, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def _short(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def targets_by_domain(df: pd.DataFrame) -> Figure:
    """Grouped horizontal bars: number of targets per domain, one bar per province."""
    fig = Figure(figsize=(9, 5), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title("Quantitative targets by domain and province")
    ax.set_xlabel("targets (rows of the targets table)")
    ax.set_ylabel("domain")
    if df.empty:
        return _empty(fig, ax, "no targets in this folder")
    table = df.pivot_table(index="domain", columns="province", values="targets", aggfunc="sum", fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index]
    n = len(table.columns)
    height = 0.8 / n
    for i, province in enumerate(table.columns):
        ys = [y + (i - (n - 1) / 2) * height for y in range(len(table))]
        bars = ax.barh(ys, table[province], height=height, label=province, color=PALETTE[i % len(PALETTE)])
        ax.bar_label(bars, labels=[str(v) if v else "" for v in table[province]], padding=2, fontsize=8)
    ax.set_yticks(range(len(table)), table.index)
    ax.legend(title="province")
    ax.margins(x=0.1)
    return fig


def partial_date_to_year(value: str | None, end: bool = False) -> float | None:
    """An ISO-8601 partial (`2024`, `2024-Q3`, `2024-06`, `2024-06-15`) → a fractional year.

    `end=True` gives the end of the period named (`2024` → 2025.0), so a year
    span is drawn as a full year wide.
    """
    if not isinstance(value, str) or not value.strip():  # None, or NaN from pandas
        return None
    m = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    year, quarter, month, day = int(m[1]), m[2], m[3], m[4]
    if quarter:
        return year + (int(quarter) - (0 if end else 1)) / 4
    if month:
        mo = int(month)
        if day:
            days = calendar.monthrange(year, mo)[1]
            return year + (mo - 1 + (int(day) - (0 if end else 1)) / days) / 12
        return year + (mo - (0 if end else 1)) / 12
    return year + (1 if end else 0)


def deadline_timeline(df: pd.DataFrame) -> Figure:
    """One line per dated deadline: a bar from start to end, a diamond for a single due point."""
    rows = []
    for r in df.itertuples(index=False):
        lo = partial_date_to_year(r.start)
        hi = partial_date_to_year(r.end, end=True)
        if lo is None and hi is None:
            continue
        rows.append((r.document, _short(r.text, 38), lo, hi))
    undated = len(df) - len(rows)
    height = max(3.0, 0.32 * len(rows) + 1.6)
    fig = Figure(figsize=(10, height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title("Timeline of deadlines" + (f" ({undated} recurring or undated not shown)" if undated else ""))
    ax.set_xlabel("year")
    ax.set_ylabel("deadline (as written)")
    if not rows:
        return _empty(fig, ax, "no dated deadlines in this folder")
    docs = list(dict.fromkeys(r[0] for r in rows))
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(docs)}
    for y, (doc, _text, lo, hi) in enumerate(rows):
        if lo is not None and hi is not None:
            ax.barh(y, hi - lo, left=lo, height=0.6, color=colour[doc])
        else:
            ax.plot([hi if hi is not None else float(lo or 0)], [y], marker="D", color=colour[doc], markersize=7)
    ax.set_yticks(range(len(rows)), [r[1] for r in rows], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", alpha=0.3)
    handles = [ax.plot([], [], "s", color=colour[d], markersize=8)[0] for d in docs]
    ax.legend(handles, docs, title="document", fontsize=8, loc="best")
    return fig


def most_cited(df: pd.DataFrame) -> Figure:
    """Horizontal bars per directive: mentions, stacked by the citing document."""
    fig = Figure(figsize=(9, max(3.5, 0.35 * df["ref_key"].nunique() + 1.8)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title("Most-cited directives")
    ax.set_xlabel("mentions (stacked by citing document)")
    ax.set_ylabel("directive (ref_key)")
    if df.empty:
        return _empty(fig, ax, "no legal references in this folder")
    table = df.pivot_table(index="ref_key", columns="document", values="mentions", aggfunc="sum", fill_value=0)
    order = (table.gt(0).sum(axis=1) * 10_000 + table.sum(axis=1)).sort_values().index
    table = table.loc[order]
    left = pd.Series(0, index=table.index)
    for i, doc in enumerate(table.columns):
        ax.barh(range(len(table)), table[doc], left=left, label=doc, color=PALETTE[i % len(PALETTE)])
        left = left + table[doc]
    ax.set_yticks(range(len(table)), table.index)
    for y, (total, ndocs) in enumerate(zip(left, table.gt(0).sum(axis=1), strict=False)):
        ax.text(total, y, f"  {ndocs} doc{'s' if ndocs != 1 else ''}", va="center", fontsize=8, color="#333")
    ax.margins(x=0.15)
    ax.legend(title="citing document", fontsize=8)
    return fig


def implements_matrix(df: pd.DataFrame) -> Figure:
    """Plans × directives: a filled dot where the plan implements it, an open one where it only cites it."""
    refs = sorted(df["ref_key"].unique()) if not df.empty else []
    docs = sorted(df["document"].unique()) if not df.empty else []
    fig = Figure(figsize=(max(6, 0.7 * len(refs) + 4), max(2.8, 0.6 * len(docs) + 2.2)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title("Which plans implement which directives")
    ax.set_xlabel("directive (ref_key)")
    ax.set_ylabel("plan")
    if df.empty:
        return _empty(fig, ax, "no plan names a directive it implements")
    style: dict[str, dict[str, Any]] = {
        "implements": {"marker": "o", "color": "#2ca02c", "markersize": 14},
        "can_cu": {"marker": "o", "markerfacecolor": "none", "markeredgecolor": "#1f77b4", "markersize": 12},
        "mention": {"marker": "o", "markerfacecolor": "none", "markeredgecolor": "#aaa", "markersize": 10},
    }
    for r in df.itertuples(index=False):
        ax.plot(refs.index(r.ref_key), docs.index(r.document), linestyle="none", **style[r.relation])
    ax.set_xticks(range(len(refs)), refs, rotation=35, ha="right")
    ax.set_yticks(range(len(docs)), docs)
    ax.set_xlim(-0.6, len(refs) - 0.4)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.grid(alpha=0.3)
    handles = [ax.plot([], [], linestyle="none", **style[k])[0] for k in style]
    ax.legend(
        handles,
        ["implements", "cites as legal basis (căn cứ)", "mentions"],
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    return fig


def to_png(fig: Figure, dpi: int = 110) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
