"""Word 97–2003 `.doc` files: text through antiword, tables read as the DOCX reader reads them.

antiword is a small, long-stable Debian package that reads the binary Word
format without an office suite (LibreOffice would add ~300 MB to every
install for three files in a hundred). It prints tables as `|`-separated rows
padded to fixed column widths, a cell's text wrapped over several rows; we
put the columns back together by their offsets, then treat a layout table
(header, signature) column by column and a data table as tab-separated rows,
exactly as `office.read_docx` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError, MissingDependencyError, UnsupportedFormatError
from pipeline.ingest.office import LAYOUT_MAX_COLUMNS, is_block_text
from pipeline.models import RawDocument

#: antiword never needs long; a stuck conversion is a broken file.
TIMEOUT_S = 120


def read_doc(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A `.doc` as one page of lines (layout tables as blocks, data tables as rows)."""
    exe = shutil.which("antiword")
    if exe is None:
        raise MissingDependencyError(
            "reading Word 97-2003 .doc files needs antiword (`apt install antiword`; `make setup` installs it), "
            "or save the file as DOCX",
            stage="read",
        )
    with tempfile.TemporaryDirectory(prefix="vnplans-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        try:
            done = subprocess.run(
                [exe, "-m", "UTF-8.txt", "-w", "0", str(src)],
                capture_output=True,
                timeout=TIMEOUT_S,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as exc:
            raise CorruptFileError(f"antiword did not finish in {TIMEOUT_S} s; re-save the file as DOCX") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = why[-1] if why else f"exit code {done.returncode}"
        if "not a Word" in reason or "Word 2" in reason or "Word 6" in reason:
            raise UnsupportedFormatError(
                f"an OLE2 file that antiword cannot read as Word 97-2003 ({reason}); "
                "an Excel or PowerPoint file, or a very old Word version: save it as DOCX or PDF"
            )
        raise CorruptFileError(f"the .doc could not be read ({reason}); re-save it from Word as DOCX")
    text = "\n".join(doc_lines(done.stdout.decode("utf-8", "replace")))
    if not text.strip():
        raise EmptyFileError("the .doc contains no text")
    return RawDocument(source_format="doc", pages=[text], paged=False)


def doc_lines(out: str) -> list[str]:
    """antiword's output as the normaliser's lines: paragraphs as they are, tables rebuilt."""
    lines: list[str] = []
    table: list[str] = []
    for raw in out.split("\n"):
        line = raw.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            table.append(line)
            continue
        if table:
            lines += _table_lines(table)
            table = []
        lines.append(raw.rstrip())
    if table:
        lines += _table_lines(table)
    return lines


def _columns(rows: list[str]) -> list[list[str]]:
    """Cells per row, placed in columns by where they start in antiword's fixed-width layout."""
    starts = sorted({i + 1 for row in rows for i, ch in enumerate(row[:-1]) if ch == "|"})
    grid = []
    for row in rows:
        cells = [""] * len(starts)
        pos = 1
        for piece in row[1:-1].split("|"):
            col = max(k for k, s in enumerate(starts) if s <= pos)
            cells[col] = (cells[col] + " " + piece.strip()).strip()
            pos += len(piece) + 1
        grid.append(cells)
    used = [c for c in range(len(starts)) if any(r[c] for r in grid)]
    return [[r[c] for c in used] for r in grid]


def _table_lines(rows: list[str]) -> list[str]:
    grid = _columns(rows)
    if not grid or not grid[0]:
        return []
    text = "\n".join(cell for row in grid for cell in row)
    if len(grid[0]) <= LAYOUT_MAX_COLUMNS and is_block_text(text):
        # Header or signature block: column by column; dash rules under the issuer are decoration.
        return [row[c] for c in range(len(grid[0])) for row in grid if row[c].strip(" -–_")]
    # A data table: a row whose first cell is empty continues the cells of the row above.
    merged: list[list[str]] = []
    for row in grid:
        if merged and not row[0] and any(row):
            merged[-1] = [(a + " " + b).strip() for a, b in zip(merged[-1], row, strict=True)]
        else:
            merged.append(row)
    return ["\t".join(row) for row in merged]
