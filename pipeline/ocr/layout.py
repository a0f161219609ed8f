"""Page text from OCR words: Tesseract's lines in its order, tables as
tab-separated rows where they stand, and where each line starts.

Plans set every paragraph's first line in (a first-line indent, Nghị định
30/2020 form) and wrap the rest to the margin. On the three sample scans no
line starting within 1.2 line heights of the margin began a paragraph and no
paragraph began less than 1.6 heights in, so a line's indent tells a wrapped
line from a new item when OCR lost or invented the dash in front of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from pipeline.ocr.tablegrid import (
    Grid,
    Word,
    words_by_line,
)

#: At most this many line heights right of the margin, a line is flush (wrapped) …
FLUSH_HEIGHTS = 1.0
#: … and at least this many, indented (a paragraph's first line or a centred title).
INDENT_HEIGHTS = 1.5
#: Lines of each kind a page needs before its indents are trusted (a page set
#: without indents, or a list of one-line items, has no margin to read them by).
MIN_LINES_OF_EACH = 3


@dataclass
class PageLines:
    text: str
    #: Per line of `text`: False flush with the margin, True indented, None unknown (tables, blank lines).
    indents: list[bool | None] = field(default_factory=list)


def page_text(words: list[Word], grids: list[Grid], tables: list[list[list[str]]]) -> PageLines:
    """Page text: tesseract's lines in its order, one blank line between its
    paragraphs, and each table as tab-separated rows where it stands; with
    each line's indent."""
    lines = words_by_line(words)
    placed = [(grid, rows) for grid, rows in zip(grids, tables, strict=False) if rows]
    out: list[str] = []
    starts: list[float | None] = []
    last_par = None
    for key, members in lines.items():
        members.sort(key=lambda w: w.left)
        # A table goes before the first line that starts below its top rule.
        while placed and _below(members[0], placed[0][0]):
            block = _table_block(placed.pop(0)[1], out)
            out += block
            starts += [None] * len(block)
            last_par = None
        par = key[:3]
        if last_par is not None and par != last_par:
            out.append("")
            starts.append(None)
        last_par = par
        out.append(" ".join(w.text for w in members))
        # A speck before the first word (`. - Ứng dụng …`, `_ Đồng thời …`) says nothing of the indent.
        first = next((w for w in members if any(c.isalnum() for c in w.text)), None)
        starts.append(first.left if first else None)
    for _, rows in placed:
        block = _table_block(rows, out)
        out += block
        starts += [None] * len(block)
    while out and out[0] == "":
        out.pop(0)
        starts.pop(0)
    while out and out[-1] == "":
        out.pop()
        starts.pop()
    return PageLines("\n".join(out), _indents(starts, words))


def _indents(starts: list[float | None], words: list[Word]) -> list[bool | None]:
    if sum(1 for x in starts if x is not None) < 2 * MIN_LINES_OF_EACH:
        return [None] * len(starts)
    return line_indents(starts, median(w.height for w in words))


def line_indents(starts: list[float | None], height: float) -> list[bool | None]:
    """Per line, from where it starts (None: unknown) and the height of its letters:
    True indented, False flush with the margin, None unknown or in between; all
    None on a page without both kinds of line."""
    known = sorted(x for x in starts if x is not None)
    if len(known) < 2 * MIN_LINES_OF_EACH or height <= 0:
        return [None] * len(starts)
    # The margin: where the leftmost third of the lines start (most lines are wrapped ones).
    margin = median(known[: max(MIN_LINES_OF_EACH, len(known) // 3)])
    steps = [None if x is None else (x - margin) / height for x in starts]
    flush = sum(1 for d in steps if d is not None and d <= FLUSH_HEIGHTS)
    indented = sum(1 for d in steps if d is not None and d >= INDENT_HEIGHTS)
    if flush < MIN_LINES_OF_EACH or indented < MIN_LINES_OF_EACH:
        return [None] * len(starts)
    return [None if d is None or FLUSH_HEIGHTS < d < INDENT_HEIGHTS else d >= INDENT_HEIGHTS for d in steps]


def _below(word: Word, grid: Grid) -> bool:
    return grid.deskew(word.left, word.top)[1] > grid.rows[0].pos


def _table_block(rows: list[list[str]], out: list[str]) -> list[str]:
    block = ["\t".join(row) for row in rows]
    return ([""] if out and out[-1] != "" else []) + block + [""]
