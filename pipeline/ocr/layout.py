"""Page text from OCR words: Tesseract's lines in its order, tables as
tab-separated rows where they stand."""

from __future__ import annotations

from pipeline.ocr.tablegrid import (
    Grid,
    Word,
)


def page_text(words: list[Word], grids: list[Grid], tables: list[list[list[str]]]) -> str:
    """Page text: tesseract's lines in its order, one blank line between its
    paragraphs, and each table as tab-separated rows where it stands."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)
    placed = [(grid, rows) for grid, rows in zip(grids, tables, strict=False) if rows]
    out: list[str] = []
    last_par = None
    for key, members in lines.items():
        members.sort(key=lambda w: w.left)
        # A table goes before the first line that starts below its top rule.
        while placed and _below(members[0], placed[0][0]):
            out += _table_block(placed.pop(0)[1], out)
            last_par = None
        par = key[:3]
        if last_par is not None and par != last_par:
            out.append("")
        last_par = par
        out.append(" ".join(w.text for w in members))
    for _, rows in placed:
        out += _table_block(rows, out)
    return "\n".join(out).strip("\n")


def _below(word: Word, grid: Grid) -> bool:
    return grid.deskew(word.left, word.top)[1] > grid.rows[0].pos


def _table_block(rows: list[list[str]], out: list[str]) -> list[str]:
    block = ["\t".join(row) for row in rows]
    return ([""] if out and out[-1] != "" else []) + block + [""]
