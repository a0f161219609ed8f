"""The same plan in other layouts, for tests that ask for the same facts.

Built from a sample's exact text (`tests/fixtures/NAME.truth.txt`, one
paragraph per line, tables as tab-separated rows), each renderer changes only
the layout a real publisher might have used:

* `docx`          a Word file: the header block and the signature block as
                  borderless two-column layout tables (issuer | motto,
                  `Số:` | place and date; `Nơi nhận` | signature), data tables as
                  ruled Word tables, every paragraph its own paragraph;
* `pipes`         tables written `a | b | c` (as web pages convert them);
* `markdown`      tables as Markdown pipe tables with a separator row;
* `cell_lines`    tables written one cell per line (as text exports do);
* `caps_title`    the subject line in capitals;
* `annex_caption` no header block: the number and date only in the annex caption.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import regex as re

_KIND = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|NGHỊ QUYẾT|CHỈ THỊ)$")
_MOTTO = re.compile(r"^(?:CỘNG HÒA XÃ HỘI|Độc lập)")
_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\S.*)$")
_PLACE_DATE = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\d+) tháng (?P<m>\d+) năm (?P<y>\d{4})$")
_SIGN_START = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s|^(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC)$")
_NAME = re.compile(r"^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}*){1,4}$")


@dataclass
class Plan:
    """A sample's text cut into the blocks a layout moves around."""

    issuer: list[str] = field(default_factory=list)
    motto: list[str] = field(default_factory=list)
    number: str | None = None
    place_date: str | None = None
    kind: str | None = None
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # up to Nơi nhận
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)  # appendices, attached documents

    @property
    def header(self) -> list[str]:
        return (
            self.issuer
            + self.motto
            + ([f"Số: {self.number}"] if self.number else [])
            + ([self.place_date] if self.place_date else [])
        )


def cut(text: str) -> Plan:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    plan = Plan()
    k = next((i for i, ln in enumerate(lines[:15]) if _KIND.match(ln)), None)
    i = 0
    if k is not None:
        for ln in lines[:k]:
            if _MOTTO.match(ln):
                plan.motto.append(ln)
            elif m := _NUMBER.match(ln):
                plan.number = m.group("number")
            elif _PLACE_DATE.match(ln):
                plan.place_date = ln
            else:
                plan.issuer.append(ln)
        plan.kind = lines[k]
        # One paragraph per line: the subject is the line under the kind line.
        plan.title = [lines[k + 1]]
        i = k + 2
    n = next((j for j in range(i, len(lines)) if lines[j].startswith("Nơi nhận") or _SIGN_START.match(lines[j])), None)
    if n is None:
        plan.body = lines[i:]
        return plan
    plan.body = lines[i:n]
    j = n
    while j < len(lines) and not _SIGN_START.match(lines[j]):
        plan.recipients.append(lines[j])
        j += 1
    while j < len(lines):
        plan.signature.append(lines[j])
        j += 1
        if _NAME.match(plan.signature[-1]):
            break
    plan.rest = lines[j:]
    return plan


def text_of(plan: Plan, table=lambda rows: ["\t".join(r) for r in rows], title_caps: bool = False) -> str:
    """The plan as text, tables rendered by `table(rows) -> lines`."""
    title = [t.upper() for t in plan.title] if title_caps else plan.title
    out = plan.header + ([plan.kind] if plan.kind else []) + title
    for block in (plan.body, plan.recipients + plan.signature, plan.rest):
        out += _tables(block, table)
    return "\n".join(out) + "\n"


def _tables(lines: list[str], table) -> list[str]:
    out: list[str] = []
    run: list[list[str]] = []
    for ln in lines + [""]:
        if "\t" in ln:
            run.append(ln.split("\t"))
            continue
        if run:
            out += table(run)
            run = []
        if ln:
            out.append(ln)
    return out


def pipes(rows: list[list[str]]) -> list[str]:
    return [" | ".join(c or " " for c in r) for r in rows]


def markdown(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    out = ["| " + " | ".join(c or " " for c in rows[0]) + " |", "|" + "---|" * width]
    return out + ["| " + " | ".join(c or " " for c in r) + " |" for r in rows[1:]]


def cell_lines(rows: list[list[str]]) -> list[str]:
    return [c for r in rows for c in r if c.strip()]


def annex_caption(plan: Plan) -> str:
    """No header block; the number and date only in the caption under `PHỤ LỤC`."""
    m = _PLACE_DATE.match(plan.place_date or "")
    assert plan.number and m and plan.kind, "needs a sample with a header"
    caption = (
        f"(Kèm theo {plan.kind.capitalize()} số {plan.number.replace(' ', '')} ngày {m.group('d')} tháng "
        f"{m.group('m')} năm {m.group('y')} của {' '.join(plan.issuer).title()})"
    )
    stripped = Plan(**{**plan.__dict__, "issuer": [], "motto": [], "number": None, "place_date": None})
    if any(ln.startswith("(Kèm theo") for ln in plan.rest):
        stripped.rest = [caption if ln.startswith("(Kèm theo") else ln for ln in plan.rest]
    else:
        stripped.rest = [*plan.rest, "PHỤ LỤC", caption]
    return text_of(stripped)


def docx_bytes(plan: Plan) -> bytes:
    """A Word file with layout tables for the header and signature blocks."""
    import docx

    document = docx.Document()

    def layout_table(rows: list[tuple[list[str], list[str]]]) -> None:
        t = document.add_table(rows=len(rows), cols=2)  # no style: no borders, as layout tables are
        for r, (left, right) in enumerate(rows):
            for c, lines in enumerate((left, right)):
                cell = t.cell(r, c)
                cell.text = lines[0] if lines else ""
                for ln in lines[1:]:
                    cell.add_paragraph(ln)

    def body(lines: list[str]) -> None:
        run: list[list[str]] = []
        for ln in lines + [""]:
            if "\t" in ln:
                run.append(ln.split("\t"))
                continue
            if run:
                width = max(len(r) for r in run)
                t = document.add_table(rows=len(run), cols=width, style="Table Grid")
                for i, r in enumerate(run):
                    for j, v in enumerate(r):
                        t.cell(i, j).text = v
                run = []
            if ln:
                document.add_paragraph(ln)

    if plan.issuer or plan.motto:
        layout_table(
            [
                (plan.issuer, plan.motto),
                ([f"Số: {plan.number}"] if plan.number else [], [plan.place_date] if plan.place_date else []),
            ]
        )
    for ln in ([plan.kind] if plan.kind else []) + plan.title:
        document.add_paragraph(ln)
    body(plan.body)
    if plan.recipients or plan.signature:
        layout_table([(plan.recipients, plan.signature)])
    body(plan.rest)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
