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
* `annex_caption` no header block: the number and date only in the annex caption;
* `docx_markup`   the `docx` file as drafts and templates mark it up: runs in
                  tracked insertions and content controls, a tracked deletion,
                  each table cell's and the body's paragraphs inside content
                  controls, the document kind and
                  title in a text box (with the fallback copy Word writes);
* `docx_tabs`     the `docx` file laid out with the Tab key: the header typed as
                  lines with a tab between its halves, a tab after each list
                  label and as the indent of every other paragraph;
* `docx_lines`    the `docx` file as a PDF converted to Word: each line of the
                  page its own paragraph;
* `pdf_printed`   a digital PDF as a browser prints a web page of the plan: the
                  header and signature blocks as two-column tables, the kind and
                  title centred in bold, paragraphs justified with their first
                  line set in, data tables ruled (headless Chromium);
* `pdf_printed_large` the same in 14 pt type between wider margins: lines, pages
                  and tables break elsewhere (a table's last row alone on a page,
                  a letter's mark drawn above a page break).
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import tempfile
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import regex as re

_KIND = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|NGHỊ QUYẾT|CHỈ THỊ)$")
#: The motto's lines, or the name a Party or mass organisation prints in their place (right column).
_MOTTO = re.compile(
    r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập|ĐẢNG CỘNG SẢN VIỆT NAM$|ĐOÀN TNCS HỒ CHÍ MINH$|HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM$)"
)
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


def tab_indented(plan: Plan) -> str:
    """Every paragraph of the body and the appendices indented with a tab, as a
    typist indents first lines and a plain-text export keeps them; tables as
    tab-separated rows."""
    indented = Plan(
        **{
            **plan.__dict__,
            "body": ["\t" + ln if "\t" not in ln else ln for ln in plan.body],
            "rest": ["\t" + ln if "\t" not in ln else ln for ln in plan.rest],
        }
    )
    return text_of(indented)


def hard_wrapped(plan: Plan, width: int = 72) -> str:
    """The plan as a PDF's text saved as `.txt` or a mail gives it: every paragraph
    wrapped at `width` columns, a blank line after it; tables as tab-separated rows."""
    out: list[str] = []
    for ln in text_of(plan).splitlines():
        if "\t" in ln:
            out.append(ln)
            continue
        if out and "\t" in out[-1]:
            out.append("")
        out += textwrap.wrap(ln, width, break_long_words=False, break_on_hyphens=False) or [ln]
        out.append("")
    return "\n".join(out)


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


#: A list label and the space after it: `II. `, `1.2. `, `a) `, `- `.
_LABEL_SPACE = re.compile(r"^((?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])[.)]|[-+•])\s+")


def docx_tabs_bytes(plan: Plan) -> bytes:
    """`docx_bytes(plan)` as a typist lays a page out with the Tab key: the
    header typed on lines of its own, each line's two halves a tab apart
    (no layout table); a tab after each list label (`1.⇥Mục đích`) and a
    tab as the first-line indent of every other body paragraph."""
    import docx

    document = docx.Document(io.BytesIO(docx_bytes(plan)))
    body = document.element.body
    if plan.issuer or plan.motto:
        header = body.find(f"{{{_W}}}tbl")
        left = plan.issuer + ([f"Số: {plan.number}"] if plan.number else [])
        right = plan.motto + ([plan.place_date] if plan.place_date else [])
        for i in range(max(len(left), len(right))):
            line = (left[i] if i < len(left) else "") + "\t\t" + (right[i] if i < len(right) else "")
            header.addprevious(document.add_paragraph(line)._p)
        body.remove(header)
    for p in document.paragraphs:
        text = p.text
        if not p.runs or "\t" in text:
            continue
        for extra in p.runs[1:]:
            p._p.remove(extra._r)
        p.runs[0].text = _LABEL_SPACE.sub(r"\1\t", text, count=1) if _LABEL_SPACE.match(text) else "\t" + text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


#: Characters per line of a page, for `docx_lines`.
PAGE_LINE_CHARS = 90


def docx_lines_bytes(plan: Plan) -> bytes:
    """`docx_bytes(plan)` as a PDF converted to Word gives it: every line of
    the page its own paragraph (prose wrapped at `PAGE_LINE_CHARS`)."""
    import textwrap

    def lines(block: list[str]) -> list[str]:
        out: list[str] = []
        for ln in block:
            out += [ln] if "\t" in ln or len(ln) <= PAGE_LINE_CHARS else textwrap.wrap(ln, PAGE_LINE_CHARS)
        return out

    return docx_bytes(Plan(**{**vars(plan), "body": lines(plan.body), "rest": lines(plan.rest)}))


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def docx_markup_bytes(plan: Plan) -> bytes:
    """`docx_bytes(plan)` with the Word markup that hides text from a naive reader."""
    import docx
    from lxml import etree

    def w(tag: str, **attrs: str) -> etree._Element:
        el = etree.Element(f"{{{_W}}}{tag}")
        for k, v in attrs.items():
            el.set(f"{{{_W}}}{k}", v)
        return el

    def wrap(elements: list, wrapper: etree._Element) -> None:
        """Put `elements` inside `wrapper` (a content control: inside its
        `w:sdtContent`) where the first of them stood."""
        if wrapper.tag == f"{{{_W}}}sdt":
            wrapper.append(w("sdtPr"))
            wrapper.append(w("sdtContent"))
        elements[0].addprevious(wrapper)
        for el in elements:
            (wrapper[1] if wrapper.tag == f"{{{_W}}}sdt" else wrapper).append(el)

    document = docx.Document(io.BytesIO(docx_bytes(plan)))
    body = document.element.body
    paragraphs = list(body.iter(f"{{{_W}}}p"))
    for i, par in enumerate(paragraphs):
        runs = [r for r in par if r.tag == f"{{{_W}}}r"]
        if not runs:
            continue
        wrap(runs, w("ins", id=str(i), author="Văn thư", date="2026-01-01T00:00:00Z") if i % 2 else w("sdt"))
        if i % 3 == 0:  # a deletion Word no longer shows
            deleted = w("del", id=f"d{i}", author="Văn thư", date="2026-01-01T00:00:00Z")
            run = etree.SubElement(deleted, f"{{{_W}}}r")
            etree.SubElement(run, f"{{{_W}}}delText").text = "CHỮ ĐÃ XÓA"
            par.append(deleted)
    # every cell's paragraphs inside a content control of the cell
    for cell in body.iter(f"{{{_W}}}tc"):
        wrap([c for c in cell if c.tag == f"{{{_W}}}p"], w("sdt"))
    # the kind and the title into a text box anchored in an empty paragraph
    head = ([plan.kind] if plan.kind else []) + plan.title
    titled = [p for p in body if p.tag == f"{{{_W}}}p" and "".join(p.itertext()).strip() in head]
    if titled:
        anchor = w("p")
        titled[0].addprevious(anchor)
        choice_box, fallback_box = w("txbxContent"), w("txbxContent")
        for p in titled:
            fallback_box.append(etree.fromstring(etree.tostring(p)))
            choice_box.append(p)
        alternate = etree.SubElement(etree.SubElement(anchor, f"{{{_W}}}r"), f"{{{_MC}}}AlternateContent")
        etree.SubElement(etree.SubElement(alternate, f"{{{_MC}}}Choice", Requires="wps"), f"{{{_W}}}drawing").append(
            choice_box
        )
        etree.SubElement(etree.SubElement(alternate, f"{{{_MC}}}Fallback"), f"{{{_W}}}pict").append(fallback_box)
    # everything after the first block (the header table) inside one body-level content control
    wrap([c for c in body if c.tag in (f"{{{_W}}}p", f"{{{_W}}}tbl")][1:], w("sdt"))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


#: The levels of `docx_numbered`: a label's pattern, Word's format and level text.
_WORD_LEVELS = (
    (re.compile(r"^([IVXL]+)\.\s+"), "upperRoman", "%1."),
    (re.compile(r"^(\d+)\.\s+"), "decimal", "%2."),
    (re.compile(r"^([a-z])\)\s+"), "lowerLetter", "%3)"),
    (re.compile(r"^(-)\s+"), "bullet", "-"),
    (re.compile(r"^(\+)\s+"), "bullet", "+"),
)


def _word_label(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}.get(n, "")
    if fmt == "lowerLetter":
        return chr(ord("a") + n - 1) if n <= 26 else ""
    return str(n)


def _listed(texts: list[str]) -> dict[int, tuple[int, str]]:
    """The paragraphs a word processor's list would number, in order: index →
    (level, the text after the label). A label the list would number otherwise
    (`đ)`, a number out of sequence, `1.1.`) stays typed."""
    counts = [0] * len(_WORD_LEVELS)
    out: dict[int, tuple[int, str]] = {}
    for i, text in enumerate(texts):
        for ilvl, (pattern, fmt, _) in enumerate(_WORD_LEVELS):
            m = pattern.match(text)
            if not m:
                continue
            if fmt != "bullet" and m.group(1) != _word_label(fmt, counts[ilvl] + 1):
                break  # the list would number it otherwise: the typist typed it
            counts[ilvl] += 1
            counts[ilvl + 1 :] = [0] * (len(counts) - ilvl - 1)
            out[i] = (ilvl, text[m.end() :])
            break
    return out


def docx_numbered_bytes(plan: Plan) -> bytes:
    """`docx_bytes(plan)` with the body's labels made by Word's list numbering
    (`w:numPr`), as offices type plans: Roman headings, numbered items, lettered
    items and dash and plus bullets each a level of one list. A label Word would
    not produce there (`đ)`, a number out of sequence, `1.1.`) stays typed."""
    import docx
    from lxml import etree

    document = docx.Document(io.BytesIO(docx_bytes(plan)))
    root = document.part.numbering_part.element
    abstract = etree.SubElement(root, f"{{{_W}}}abstractNum")
    abstract.set(f"{{{_W}}}abstractNumId", "90")
    for ilvl, (_, fmt, text) in enumerate(_WORD_LEVELS):
        lvl = etree.SubElement(abstract, f"{{{_W}}}lvl")
        lvl.set(f"{{{_W}}}ilvl", str(ilvl))
        for tag, val in (("start", "1"), ("numFmt", fmt), ("lvlText", text)):
            etree.SubElement(lvl, f"{{{_W}}}{tag}").set(f"{{{_W}}}val", val)
    # w:abstractNum elements go before every w:num (the schema's order)
    first_num = root.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(root, f"{{{_W}}}num")
    num.set(f"{{{_W}}}numId", "90")
    etree.SubElement(num, f"{{{_W}}}abstractNumId").set(f"{{{_W}}}val", "90")

    paragraphs = document.paragraphs  # body paragraphs only: not the layout tables' cells
    listed = _listed([p.text for p in paragraphs])
    for p, (ilvl, rest) in ((paragraphs[i], item) for i, item in listed.items()):
        for extra in p.runs[1:]:
            p._p.remove(extra._r)
        p.runs[0].text = rest
        numpr = etree.SubElement(p._p.get_or_add_pPr(), f"{{{_W}}}numPr")
        etree.SubElement(numpr, f"{{{_W}}}ilvl").set(f"{{{_W}}}val", str(ilvl))
        etree.SubElement(numpr, f"{{{_W}}}numId").set(f"{{{_W}}}val", "90")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_framed_bytes(plan: Plan, borders: bool = True) -> bytes:
    """`docx_bytes(plan)` with everything between the header and the signature
    (paragraphs and data tables) typed inside one table cell: a frame round the
    body, as some offices' templates have."""
    import docx

    document = docx.Document(io.BytesIO(docx_bytes(plan)))
    body = document.element.body
    blocks = [b for b in body if b.tag in (f"{{{_W}}}p", f"{{{_W}}}tbl")]
    header = 1 if (plan.issuer or plan.motto) else 0
    signature = 1 if (plan.recipients or plan.signature) else 0
    inside = blocks[header : len(blocks) - signature] if signature else blocks[header:]
    frame = document.add_table(rows=1, cols=1)
    if borders:
        frame.style = "Table Grid"
    cell = frame.cell(0, 0)._tc
    for p in cell.findall(f"{{{_W}}}p"):
        cell.remove(p)
    inside[0].addprevious(frame._tbl)
    for b in inside:
        cell.append(b)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rtf_bytes(plan: Plan, code_page: int = 1258) -> bytes:
    """The plan as Word's Rich Text Format: one `\\par` per line, tables as
    `\\trowd … \\cell … \\row`, every non-ASCII letter a `\\uN?` (how Word writes
    Vietnamese), the document's code page declared."""

    def escape(text: str) -> str:
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                n = ord(ch)
                out.append(f"\\u{n if n < 32768 else n - 65536}?")
        return "".join(out)

    parts = [f"{{\\rtf1\\ansi\\ansicpg{code_page}\\deff0{{\\fonttbl{{\\f0 Times New Roman;}}}}\\f0\\fs26\n"]
    for line in text_of(plan).split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            parts.append("\\trowd" + "".join(f"\\cellx{1500 * (i + 1)}" for i in range(len(cells))))
            parts.append("".join(f"\\pard\\intbl {escape(c)}\\cell" for c in cells) + "\\row\n")
        else:
            parts.append(f"\\pard {escape(line)}\\par\n")
    parts.append("}")
    return "".join(parts).encode("ascii")


def odt_bytes(plan: Plan) -> bytes:
    """The plan as an OpenDocument text, laid out as `docx_bytes` lays it out:
    borderless layout tables for the header and signature blocks, ruled data
    tables, one `text:p` per paragraph (runs of spaces as `text:s`)."""
    import zipfile
    from xml.sax.saxutils import escape

    def para(text: str) -> str:
        body = re.sub(r" {2,}", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(text))
        return f"<text:p>{body}</text:p>"

    def table(rows: list[list[list[str]]], ruled: bool) -> str:
        width = max(len(r) for r in rows)
        cell_style = ' table:style-name="Ruled"' if ruled else ""
        out = [f'<table:table><table:table-column table:number-columns-repeated="{width}"/>']
        for row in rows:
            cells = "".join(
                f'<table:table-cell{cell_style} office:value-type="string">{"".join(para(t) for t in cell)}'
                "</table:table-cell>"
                for cell in row
            )
            out.append(f"<table:table-row>{cells}</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def body(lines: list[str]) -> list[str]:
        out: list[str] = []
        run: list[list[list[str]]] = []
        for ln in lines + [""]:
            if "\t" in ln:
                run.append([[c] for c in ln.split("\t")])
                continue
            if run:
                out.append(table(run, ruled=True))
                run = []
            if ln:
                out.append(para(ln))
        return out

    parts: list[str] = []
    if plan.issuer or plan.motto:
        parts.append(
            table(
                [
                    [plan.issuer, plan.motto],
                    [[f"Số: {plan.number}"] if plan.number else [], [plan.place_date] if plan.place_date else []],
                ],
                ruled=False,
            )
        )
    parts += [para(ln) for ln in ([plan.kind] if plan.kind else []) + plan.title]
    parts += body(plan.body)
    if plan.recipients or plan.signature:
        parts.append(table([[plan.recipients, plan.signature]], ruled=False))
    parts += body(plan.rest)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">'
        '<office:automatic-styles><style:style style:name="Ruled" style:family="table-cell">'
        '<style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style></office:automatic-styles>'
        f"<office:body><office:text>{''.join(parts)}</office:text></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return buf.getvalue()


#: `_WORD_LEVELS` as OpenDocument list levels: (num-format or bullet, suffix).
_ODF_LEVELS = (("I", "."), ("1", "."), ("a", ")"), ("-", ""), ("+", ""))


def odt_numbered_bytes(plan: Plan) -> bytes:
    """`odt_bytes(plan)` with the body's labels made by OpenDocument list
    numbering (`text:list` in a list style), as LibreOffice writes a numbered
    plan: each labelled paragraph a list item at its level, deeper items inside
    label-less wrapper items, the list continued from item to item."""
    from xml.sax.saxutils import escape

    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    lines = plan.body + plan.rest
    items: dict[str, str] = {}
    for i, (ilvl, rest) in _listed(lines).items():
        opened = "<text:list-item><text:list>" * ilvl
        closed = "</text:list></text:list-item>" * ilvl
        items[f"<text:p>{escape(lines[i])}</text:p>"] = (
            '<text:list text:style-name="Plan" text:continue-numbering="true">'
            f"{opened}<text:list-item><text:p>{escape(rest)}</text:p></text:list-item>{closed}"
            "</text:list>"
        )
    levels = "".join(
        f'<text:list-level-style-bullet text:level="{n}" text:bullet-char="{kind}"/>'
        if kind in "-+"
        else f'<text:list-level-style-number text:level="{n}" style:num-format="{kind}" style:num-suffix="{suffix}"/>'
        for n, (kind, suffix) in enumerate(_ODF_LEVELS, start=1)
    )
    data = odt_bytes(plan)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        content = z.read("content.xml").decode("utf-8")
    for typed, listed in items.items():
        content = content.replace(typed, listed, 1)
    content = content.replace(
        "</office:automatic-styles>",
        f'<text:list-style style:name="Plan">{levels}</text:list-style></office:automatic-styles>',
    )
    assert text_ns in content
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


_PRINT_CSS = """
body { font-family: 'DejaVu Serif', serif; font-size: 12pt; margin: 0; }
table.block { width: 100%; border-collapse: collapse; }
table.block td { text-align: center; vertical-align: top; }
table.block td:first-child { width: 40%; }
.kind, .title { text-align: center; font-weight: bold; }
.kind { margin-top: 18pt; }
p { text-align: justify; text-indent: 1cm; margin: 3pt 0; }
table.data { border-collapse: collapse; width: 100%; margin: 6pt 0; }
table.data td { border: 1px solid black; padding: 2pt; font-size: 10pt; }
"""


def _html_body(lines: list[str], table, para) -> list[str]:
    """Body lines as HTML: each run of tab-separated rows one `table(rows)`, every other line `para(line)`."""
    out: list[str] = []
    rows: list[list[str]] = []
    for ln in [*lines, ""]:
        if "\t" in ln:
            rows.append(ln.split("\t"))
            continue
        if rows:
            out.append(table(rows))
            rows = []
        if ln:
            out.append(para(ln))
    return out


def _printed_body(lines: list[str]) -> list[str]:
    def table(rows: list[list[str]]) -> str:
        cells = ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows]
        return '<table class="data">' + "".join(cells) + "</table>"

    return _html_body(lines, table, lambda ln: f"<p>{html.escape(ln)}</p>")


def printed_html(plan: Plan, css: str = _PRINT_CSS) -> str:
    """The plan as the web page a browser prints (`pdf_printed`)."""

    def column(lines: list[str], bold: bool = True) -> str:
        return "".join(f"<div>{'<b>' if bold else ''}{html.escape(x)}{'</b>' if bold else ''}</div>" for x in lines)

    left = column(plan.issuer) + column([f"Số: {plan.number}"] if plan.number else [], bold=False)
    right = column(plan.motto) + column([plan.place_date] if plan.place_date else [], bold=False)
    parts = [
        f'<table class="block"><tr><td>{left}</td><td>{right}</td></tr></table>',
        f'<div class="kind">{html.escape(plan.kind or "")}</div>',
        *(f'<div class="title">{html.escape(t)}</div>' for t in plan.title),
        *_printed_body(plan.body),
        f'<table class="block"><tr><td style="text-align:left">{column(plan.recipients, bold=False)}</td>'
        f"<td>{column(plan.signature)}</td></tr></table>",
        *_printed_body(plan.rest),
    ]
    return f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>{"".join(parts)}</body></html>'


#: `pdf_printed_large`: larger type and wider margins, so lines, pages and tables break elsewhere.
_LARGE_CSS = _PRINT_CSS.replace("font-size: 12pt; margin: 0;", "font-size: 14pt; margin: 0 1.5cm;")


def pdf_printed_large_bytes(plan: Plan) -> bytes:
    return pdf_printed_bytes(plan, css=_LARGE_CSS)


def pdf_printed_bytes(plan: Plan, css: str = _PRINT_CSS) -> bytes:
    """`printed_html` printed to PDF by headless Chromium (`make setup` installs it)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise RuntimeError("Chromium is missing: `make system-deps` installs the Debian package `chromium`")
    with tempfile.TemporaryDirectory() as tmp:
        page, pdf = Path(tmp) / "plan.html", Path(tmp) / "plan.pdf"
        page.write_text(printed_html(plan, css), encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return pdf.read_bytes()


# ---------------------------------------------------------------- web pages

#: Word's list labels in its "Web Page" save: the label typed into the text, inside the
#: conditional comment browsers other than Word read (`<![if !supportLists]>`).
_WORD_LIST = (
    "<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span lang=VI><span style='mso-list:Ignore'>{label}<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>{text}</span></p>"
)


def word_html(plan: Plan, charset: str = "utf-8") -> str:
    """The plan as Word saves it as a "Web Page": the header and signature blocks in
    borderless layout tables, `MsoNormal` paragraphs whose source lines Word wraps
    at about 76 columns, list labels as Word writes them (`_WORD_LIST`), data
    tables ruled by each cell's inline border."""

    def para(text: str, center: bool = False, bold: bool = False) -> str:
        if m := _LABEL_SPACE.match(text):
            return _WORD_LIST.format(label=html.escape(m.group(1)), text=html.escape(text[m.end() :]))
        body = html.escape(text)
        body = f"<b>{body}</b>" if bold else body
        style = " align=center style='text-align:center'" if center else " style='text-indent:.5in'"
        # Word wraps its HTML source inside a paragraph: a browser reads the line break as a space.
        return f"<p class=MsoNormal{style}><span lang=VI>" + "\n".join(textwrap.wrap(body, 76)) + "</span></p>"

    def layout(left: list[str], right: list[str]) -> str:
        def cell(lines: list[str]) -> str:
            return (
                "<td width=300 valign=top style='width:225.0pt;padding:0in 5.4pt 0in 5.4pt'>"
                + "".join(para(x, center=True, bold=True) for x in lines)
                + "</td>"
            )

        return f"<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0><tr>{cell(left)}{cell(right)}</tr></table>"

    def table(rows: list[list[str]]) -> str:
        cell = "<td valign=top style='border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt'>{}</td>"
        return (
            "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
            + "".join(
                "<tr>" + "".join(cell.format(f"<p class=MsoNormal>{html.escape(c)}</p>") for c in r) + "</tr>"
                for r in rows
            )
            + "</table>"
        )

    def body(lines: list[str]) -> list[str]:
        return _html_body(lines, table, para)

    parts = []
    if plan.issuer or plan.motto:
        parts.append(layout(plan.issuer + ([f"Số: {plan.number}"] if plan.number else []), plan.motto))
        parts.append(layout([], [plan.place_date] if plan.place_date else []))
    parts += [para(x, center=True, bold=True) for x in ([plan.kind] if plan.kind else []) + plan.title]
    parts += body(plan.body)
    if plan.recipients or plan.signature:
        parts.append(layout(plan.recipients, plan.signature))
    parts += body(plan.rest)
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        f'<meta http-equiv=Content-Type content="text/html; charset={charset}">\n'
        '<meta name=Generator content="Microsoft Word 15 (filtered)">\n'
        '<style>\n<!-- p.MsoNormal {margin:0in; font-size:13.0pt; font-family:"Times New Roman",serif;} -->\n</style>\n'
        "</head>\n<body lang=EN-US style='tab-interval:.5in'>\n<div class=WordSection1>\n"
        + "\n".join(parts)
        + "\n</div>\n</body>\n</html>\n"
    )


def word_html_bytes(plan: Plan) -> bytes:
    """`word_html` as Word saves it, under a `.doc` name on the portals that publish it."""
    return word_html(plan).encode("utf-8")


def cp1258(text: str) -> bytes:
    """Text in Windows-1258, as older Word writes Vietnamese: the letters the code
    page has whole (`â`, `ơ`, `đ`), the tone marks as combining characters after them."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        # circumflex, breve, horn: part of the letter (`ậ` is `a`, dot below, circumflex in NFD's order)
        shape = [m for m in marks if m in "\u0302\u0306\u031b"]
        tones = [m for m in marks if m not in shape]
        out += (unicodedata.normalize("NFC", base + "".join(shape)) + "".join(tones)).encode("cp1258")
    return bytes(out)


def mhtml_bytes(plan: Plan) -> bytes:
    """`word_html` as Word's "Single File Web Page" (MHTML) in Windows-1258: a MIME
    archive whose page is quoted-printable, saved under a `.doc` name."""
    import quopri

    boundary = "----=_NextPart_01DB0000.5E6F7A80"
    page = quopri.encodestring(cp1258(word_html(plan, charset="windows-1258")))
    return (
        b"MIME-Version: 1.0\r\n"
        + f'Content-Type: multipart/related; boundary="{boundary}"\r\n\r\n'.encode()
        + b"This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        + f"--{boundary}\r\n".encode()
        + b"Content-Location: file:///C:/0000/plan.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        + b'Content-Type: text/html; charset="windows-1258"\r\n\r\n'
        + page.replace(b"\n", b"\r\n")
        + f"\r\n\r\n--{boundary}--\r\n".encode()
    )


def html_page_bytes(plan: Plan) -> bytes:
    """The plan as a portal shows its full text, saved from the browser: the page
    `pdf_printed` prints, inside the site's menu and footer."""
    page = printed_html(plan)
    menu = (
        '<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản</a></li>'
        '<li><a href="/lien-he">Liên hệ</a></li></ul></nav></header><main>'
    )
    footer = "</main><footer><p>Bản quyền thuộc Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại.</p></footer>"
    return page.replace("<body>", "<body>" + menu, 1).replace("</body>", footer + "</body>", 1).encode("utf-8")
