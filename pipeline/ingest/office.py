"""Word documents: DOCX paragraphs and tables in body order.

A plan's DOCX uses tables for two different things:

* **layout tables** — borderless, two or three columns — hold the header block
  (issuer | national motto, `Số:` | place and date) and the signature block
  (`Nơi nhận` | `KT. GIÁM ĐỐC` / title / name). They are read column by column,
  one line per paragraph of a cell, so the header and the signature come out
  as the blocks they are on paper;
* **data tables** — ruled — hold task lists and indicator tables. Each row
  becomes one line of tab-separated cells, header row first, the columns kept
  in place: a cell spanning several columns is written once and its other
  columns left empty; a cell spanning several rows repeats its text in each
  (a lead agency written once for a group of tasks belongs to each of them).

Paragraph numbering that Word generates (`1.`, `a)`, `I.`) is not in the text
of a paragraph; it is rendered from the numbering definitions so list labels
reach the section parser as they appear on screen.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import regex

from extractors.text.lexicon import MOTTO_START, NOI_NHAN, NUMBER_FIELD, SIGNATURE_MARK, SIGNER_TITLE_CAPS
from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.models import RawDocument

#: A layout table has at most this many columns (issuer | motto; with an empty spacer column between).
LAYOUT_MAX_COLUMNS = 3
#: Cell text longer than this many words is prose, not a list of names: paragraphs join with a space.
LIST_CELL_WORDS = 12


def read_docx(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A DOCX as one page of lines: paragraphs, layout tables as blocks, data tables as rows."""
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types
        raise CorruptFileError(
            f"DOCX could not be opened ({exc.__class__.__name__}: {exc}); re-save it from Word"
        ) from exc
    numbering = _Numbering(document)
    lines = _block_lines(document.element.body, document, numbering)
    text = "\n".join(lines)
    if sum(1 for _ in islice(_LETTER.finditer(text), MIN_LETTERS)) < MIN_LETTERS:  # counts no further
        pictures = page_pictures(document)
        if pictures and ocr:
            # Scanned pages pasted into Word: the pictures are the document.
            from pipeline.ingest.image import ocr_document, read_pictures

            return ocr_document(read_pictures(pictures, path.name), "docx")
        if pictures:
            raise EmptyFileError(f"the DOCX holds {len(pictures)} pictures and no text: run with OCR to read them")
        if not text.strip():
            raise EmptyFileError("the DOCX contains no text")
    return RawDocument(source_format="docx", pages=[text], paged=False, paragraphs=True)


#: Fewer letters than this outside the pictures: the pictures are the document (a title line at most).
MIN_LETTERS = 200
_LETTER = regex.compile(r"\p{L}")
#: A picture at least this many pixels on its short and long side can be a scanned
#: page (A4 at 100 dpi is 827 x 1169); seals, logos and signatures are smaller.
PAGE_PICTURE_PX = (700, 1000)


def page_pictures(document: Any) -> list[bytes]:
    """The pictures of the body large enough to be pages, in document order."""
    from PIL import Image

    related = document.part.related_parts
    out = []
    for blip in document.element.body.iter(_DRAWING + "blip"):
        blob = getattr(related.get(blip.get(_REL + "embed")), "blob", b"")
        try:
            with Image.open(io.BytesIO(blob)) as img:  # reads the header only
                short, long = sorted(img.size)
        except (OSError, SyntaxError, ValueError):  # a drawing PIL does not read (EMF, WMF): not a scan
            continue
        if short >= PAGE_PICTURE_PX[0] and long >= PAGE_PICTURE_PX[1]:
            out.append(blob)
    return out


def _block_lines(container: Any, document: Any, numbering: _Numbering) -> list[str]:
    """The lines of a body, or of a frame's cell: paragraphs (and their text
    boxes), layout tables as blocks, data tables as rows, frames as what they hold."""
    from docx.table import Table

    lines: list[str] = []
    for child in _blocks(container):
        tag = local_name(child)
        if tag == "p":
            lines.append(untabbed(numbering.label(child) + paragraph_text(child)))
            lines += [untabbed(paragraph_text(p)) for p in text_box_paragraphs(child)]
        elif tag == "tbl":
            table = Table(child, document)
            if len(table.columns) == 1:
                # A one-column table is a frame round text (a box, or a whole body
                # typed in one cell): what it holds reads as it would outside it.
                cells = [cell._tc for row in table.rows for cell in row.cells]
                for tc in dict.fromkeys(cells):  # a merged cell comes back once per row it spans
                    lines += _block_lines(tc, document, numbering)
            elif is_layout_table(table):
                lines += layout_lines(table, numbering)
            else:
                lines += data_rows(table, numbering)
    return lines


# ---------------------------------------------------------------- paragraphs

#: Containers whose text is not the paragraph's: deleted and moved-away text of
#: tracked changes, text boxes (read as paragraphs of their own), and the
#: fallback copy of a drawing Word writes beside its modern form.
_NOT_THE_PARAGRAPHS = frozenset({"del", "moveFrom", "txbxContent", "Fallback", "pPr", "rPr"})


def local_name(element: Any) -> str:
    """An XML element's tag without its namespace (`p`, `tbl`); '' for comments and entities."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _blocks(container: Any):
    """Paragraphs and tables of the body in order, content controls (`w:sdt`) opened."""
    for child in container.iterchildren():
        tag = local_name(child)
        if tag == "sdt":
            for content in child.iterchildren():
                if local_name(content) == "sdtContent":
                    yield from _blocks(content)
        elif tag in ("p", "tbl"):
            yield child


_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: A Word run, and an equation's run (`m:r`: its text in `m:t`, `≥ 42 %` typed as an equation).
_RUN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"
_MATH_RUN = _MATH + "r"


def _runs(element: Any):
    for child in element.iterchildren():
        if child.tag in (_RUN, _MATH_RUN):
            yield child
        elif local_name(child) not in _NOT_THE_PARAGRAPHS:
            yield from _runs(child)


def _run_text(run: Any) -> str:
    if run.tag == _MATH_RUN:
        return "".join(t.text or "" for t in run.iterchildren(_MATH + "t"))
    return run.text


def paragraph_text(p: Any) -> str:
    """The text of a `w:p` as Word shows it.

    python-docx reads only the paragraph's own runs and hyperlinks; Word also
    shows the runs inside tracked insertions (`w:ins`), content controls
    (`w:sdt`), smart tags, custom XML and simple fields, which drafts and
    templates are full of (`Số: <number filled in a control>/KH-UBND`), and
    the text of equations.
    """
    return "".join(_run_text(r) for r in _runs(p))


#: Tabs with the spaces around them.
_TABS = regex.compile(r"[ ]*\t[\t ]*")


def untabbed(text: str) -> str:
    """A paragraph's tabs as spaces.

    In a paragraph a tab is layout: the indent of a first line, the gap after a
    typed `1.` or `a)`, the stop between the two halves of a header typed on
    one line. Downstream a tab separates table cells, and a heading read as a
    table row is no heading at all."""
    return _TABS.sub(" ", text).strip() if "\t" in text else text


def _paragraphs(cell: Any) -> list[Any]:
    """A table cell's `w:p` elements, content controls opened."""
    return [b for b in _blocks(cell._tc) if local_name(b) == "p"]


def text_box_paragraphs(p: Any) -> list[Any]:
    """Paragraphs of the text boxes anchored in `p` (a header block drawn as
    text boxes), each once: not the fallback copy Word writes beside them."""
    out: list[Any] = []

    def visit(element: Any) -> None:
        for child in element.iterchildren():
            tag = local_name(child)
            if tag == "Fallback":
                continue
            if tag == "txbxContent":
                out.extend(b for b in _blocks(child) if local_name(b) == "p")
            else:
                visit(child)

    visit(p)
    return out


# ---------------------------------------------------------------- tables


def _has_borders(table: Any) -> bool:
    from docx.oxml.ns import qn

    style = table.style.name if table.style is not None else ""
    if "grid" in style.lower() or "table" in style.lower() and "normal" not in style.lower():
        return True
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders")) if tbl_pr is not None else None
    if borders is not None and any(b.get(qn("w:val")) not in (None, "nil", "none") for b in borders):
        return True
    # Borders drawn cell by cell instead of on the table.
    for tc in table._tbl.iter(qn("w:tcBorders")):
        if any(b.get(qn("w:val")) not in (None, "nil", "none") for b in tc):
            return True
    return False


#: What only a header or signature block holds: the motto, `Số:`, a place-date line,
#: `Nơi nhận`, a signature mark or a signer's title.
_BLOCK_TEXT = regex.compile(
    rf"{MOTTO_START}|^\s*{NUMBER_FIELD}\s*:|,\s*ngày\s|^\s*{NOI_NHAN}|^\s*{SIGNATURE_MARK}|^\s*{SIGNER_TITLE_CAPS}\s*$",
    regex.MULTILINE | regex.IGNORECASE,
)


def is_block_text(text: str) -> bool:
    """Text that only a header or signature block holds."""
    return bool(_BLOCK_TEXT.search(text))


def is_layout_table(table: Any) -> bool:
    """A borderless table of a few columns holding a header or signature block: page layout, not data."""
    if len(table.columns) > LAYOUT_MAX_COLUMNS or _has_borders(table):
        return False
    return is_block_text(
        "\n".join(paragraph_text(p) for row in table.rows for cell in row.cells for p in _paragraphs(cell))
    )


def layout_lines(table: Any, numbering: _Numbering) -> list[str]:
    """Column by column, one line per paragraph; empty paragraphs dropped."""
    columns: list[list[str]] = []
    # The elements themselves, not their ids: lxml's proxies are recycled once unreferenced.
    seen: set[Any] = set()
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            while len(columns) <= c:
                columns.append([])
            for p in _paragraphs(cell):
                text = untabbed(numbering.label(p) + paragraph_text(p)).strip()
                if text:
                    columns[c].append(text)
    return [ln for col in columns for ln in col]


def _cell_text(cell: Any, numbering: _Numbering | None = None) -> str:
    # Word numbers an STT column itself (`w:numPr` on the cell's paragraph): the label is the cell's text.
    return joined_cell([(numbering.label(p) if numbering else "") + paragraph_text(p) for p in _paragraphs(cell)])


def joined_cell(paragraphs: list[str]) -> str:
    """A data cell's paragraphs as one cell's text: spaces collapsed, empty ones dropped."""
    parts = [p for p in (" ".join(par.split()) for par in paragraphs) if p]
    if len(parts) > 1 and all(len(p.split()) <= LIST_CELL_WORDS for p in parts):
        # One name per line (`Sở Tài chính` / `Sở Xây dựng`): keep them apart.
        return "; ".join(p.rstrip(";,") for p in parts)
    return " ".join(parts)


def grid_lines(grid: list[list[list[str]]], ruled: bool) -> list[str]:
    """A table given as its cells' paragraphs, row by row (the ODT and web page readers).

    One column, or a borderless layout table of the header or signature block:
    column by column, one line per paragraph, as `layout_lines`. Otherwise one
    tab-separated line per row, as `data_rows`."""
    width = max((len(r) for r in grid), default=0)
    every = "\n".join(line for row in grid for cell in row for line in cell)
    if width == 1 or (width <= LAYOUT_MAX_COLUMNS and not ruled and is_block_text(every)):
        return [line for c in range(width) for row in grid if c < len(row) for line in row[c] if line.strip()]
    out = []
    for row in grid:
        cells = [joined_cell(cell) for cell in row]
        if any(cells):
            out.append("\t".join(cells))
    return out


def table_rows(
    table: Any, tag_of: Callable[[Any], str], row: str, cells: tuple[str, ...], groups: tuple[str, ...]
) -> list[list[Any]]:
    """A table's rows, each a list of its cells, row groups opened and nested tables left to
    their cells: the ODT and web page readers, each naming its format's tags (`tag_of` reads one)."""
    out: list[list[Any]] = []
    for child in table:
        tag = tag_of(child)
        if tag == row:
            out.append([c for c in child if tag_of(c) in cells])
        elif tag in groups:
            out += table_rows(child, tag_of, row, cells, groups)
    return out


def data_rows(table: Any, numbering: _Numbering | None = None) -> list[str]:
    """One tab-separated line per row, columns kept in place."""
    out = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A horizontally merged cell comes back once per grid column it spans.
            cells.append("" if cell._tc is previous else _cell_text(cell, numbering))
            previous = cell._tc
        if any(c for c in cells):
            out.append("\t".join(cells))
    return out


# ---------------------------------------------------------------- numbering


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """`n` in a list format Word names (`decimal`, `upperRoman`, `lowerLetter`, …)."""
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "lowerLetter":
        return _LETTERS[(n - 1) % 26]
    if fmt == "upperLetter":
        return _LETTERS[(n - 1) % 26].upper()
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


#: Bullet characters a typist would type, kept as Word shows them.
TYPED_BULLETS = frozenset("-+–•*")


@dataclass
class _Numbering:
    """Renders the labels Word generates for numbered paragraphs (`w:numPr`)."""

    document: Any
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from docx.oxml.ns import qn

        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), 0))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[ilvl] = _Level(
                    fmt=fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text=text.get(qn("w:val")) if text is not None else "",
                    start=int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def _style_numbering(self, ppr: Any) -> Any:
        """The numbering a paragraph takes from its style (`List Number`)."""
        from docx.oxml.ns import qn

        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if style is None:
            return None
        try:
            element = self.document.styles.element.get_by_id(style.get(qn("w:val")))
        except (KeyError, AttributeError):
            return None
        if element is None or element.pPr is None:
            return None
        return element.pPr.find(qn("w:numPr"))

    def label(self, p: Any) -> str:
        """`1. `, `a) `, `II. ` for a numbered paragraph; '' for bullets and plain paragraphs."""
        from docx.oxml.ns import qn

        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            numpr = self._style_numbering(ppr)
        if numpr is None:
            return ""
        num_id = numpr.find(qn("w:numId"))
        ilvl_el = numpr.find(qn("w:ilvl"))
        if num_id is None:
            return ""
        key = num_id.get(qn("w:val"))
        ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
        levels = self.levels.get(key, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            if level is None or level.fmt != "bullet":
                return ""
            # `+` under `-` is the second level of the office's lists; a font's
            # picture (`o`, Symbol's private-use dots) reads as a dash.
            return f"{level.text} " if level.text in TYPED_BULLETS else "- "
        counts = self.counters.setdefault(key, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = level.text
        for i in range(ilvl + 1):
            lv = levels.get(i, _Level())
            text = text.replace(f"%{i + 1}", format_number(counts[i] or lv.start, lv.fmt))
        return text.strip() + " "
