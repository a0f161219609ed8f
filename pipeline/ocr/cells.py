"""Ruled-table cells read in one pass: each cell's ink cut out, straightened,
despeckled and laid on a sheet that Tesseract reads as plain lines."""

from __future__ import annotations

import numpy as np
from PIL import Image

from pipeline.ocr.engine import read_words
from pipeline.ocr.strokes import recount_quarter_strokes
from pipeline.ocr.tablegrid import (
    Grid,
    Word,
    cell_blocks,
    cell_text,
    otsu_threshold,
    rotated_rows,
    table_rows,
)


def read_table_cells(
    cleaned: np.ndarray, grids: list[Grid], lang: str, dpi: int
) -> tuple[list[list[list[str]]], list[Word]]:
    """Read every non-empty cell of every table in one tesseract call:
    the rows of each table, and the words read.

    On a whole page tesseract drops short isolated cell texts (`1`, `%`,
    `-`) as noise and misreads much of a sparse table. Here each cell's ink
    is cut out, straightened and cleaned of specks, and laid on a sheet: the
    cells of one table row side by side at their own height within the row
    (so a lone `5` or `-` stays on the text line of the words beside it),
    a small gap between cells, one table row under the other.
    """
    threshold = otsu_threshold(cleaned[::4, ::4])
    margin = max(2, dpi // 60)  # keeps the remains of erased rules out
    pad = max(4, dpi // 30)
    # Measured on the sample tables: a gap of ~2 spaces keeps tesseract's
    # word spacing right; a wider one makes it drop spaces inside cells.
    hgap = max(8, dpi // 15)
    vgap = max(10, dpi // 8)
    strips: list[tuple[int, list[tuple[tuple[int, int], np.ndarray, int]]]] = []
    for g, grid in enumerate(grids):
        angle = float(np.degrees(np.arctan(grid.skew)))
        by_row: dict[int, list[tuple[tuple[int, int], np.ndarray, int]]] = {}
        for home, (x0, x1, y0, y1) in sorted(cell_blocks(grid).items()):
            inner = (x0 + margin, x1 - margin, y0 + margin, y1 - margin)
            cut = _cell_ink(cleaned, grid, inner, angle, threshold, dpi)
            if cut is not None:
                by_row.setdefault(home[0], []).append((home, *cut))
        strips += [(g, cells) for _, cells in sorted(by_row.items())]
    results: list[dict[tuple[int, int], str]] = [{} for _ in grids]
    if not strips:
        return [table_rows(grid, {}) for grid in grids], []

    strips = [(g, _align(cells, dpi)) for g, cells in strips]
    layout = []  # per strip: width, height, first offset
    for _, cells in strips:
        first = min(off for _, _, off in cells)
        height = max(off - first + c.shape[0] for _, c, off in cells)
        width = sum(c.shape[1] for _, c, _ in cells) + hgap * (len(cells) - 1)
        layout.append((width, height, first))
    sheet = np.full(
        (sum(h for _, h, _ in layout) + vgap * (len(strips) - 1) + 2 * pad, max(w for w, _, _ in layout) + 2 * pad),
        255,
        dtype=np.uint8,
    )
    slots = []  # (top, bottom, left, right, table, cell)
    y = pad
    for (g, cells), (_, height, first) in zip(strips, layout, strict=False):
        x = pad
        for home, crop, off in cells:
            top = y + off - first
            sheet[top : top + crop.shape[0], x : x + crop.shape[1]] = crop
            slots.append((y, y + height, x, x + crop.shape[1], g, home))
            x += crop.shape[1] + hgap
        y += height + vgap
    # --psm 6: the sheet is a plain block of straight text lines by construction.
    words = recount_quarter_strokes(sheet, read_words(Image.fromarray(sheet), lang, dpi, psm=6))
    found: dict[int, list[Word]] = {}
    for w in words:
        cx, cy = w.centre
        for i, (top, bottom, left, right, _, _) in enumerate(slots):
            if top - vgap / 2 <= cy <= bottom + vgap / 2 and left - hgap / 2 <= cx <= right + hgap / 2:
                found.setdefault(i, []).append(w)
                break
    for i, (_, _, _, _, g, home) in enumerate(slots):
        results[g][home] = cell_text(found.get(i, []))
    return [table_rows(grid, cells) for grid, cells in zip(grids, results, strict=False)], words


def _align(
    cells: list[tuple[tuple[int, int], np.ndarray, int]], dpi: int
) -> list[tuple[tuple[int, int], np.ndarray, int]]:
    """Vertical placement of a table row's cells on the sheet.

    One-line cells keep their height within the row, so a lone `-` or `a`
    sits where it sat on the text line (top-aligned, tesseract reads a dash
    as `_` or `—` and an `a` as `4`). A cell of several lines is hung from
    the top of the one-line cells instead: vertically centred beside them,
    its lines fall between theirs and tesseract merges the lines wrongly.
    """
    heights = [c.shape[0] for _, c, _ in cells if c.shape[0] >= dpi / 15]
    line = min(heights) if heights else max(c.shape[0] for _, c, _ in cells)
    single = [off for _, c, off in cells if c.shape[0] <= 1.5 * line and c.shape[0] >= dpi / 15]
    top = min(single) if single else None
    out = []
    for home, crop, off in cells:
        if crop.shape[0] > 1.5 * line and top is not None:
            off = top
        out.append((home, crop, off))
    return out


def _cell_ink(
    page: np.ndarray, grid: Grid, box, angle: float, threshold: int, dpi: int
) -> tuple[np.ndarray, int] | None:
    """The straightened, despeckled ink of one cell on white, and how far
    its top lies below the cell's top edge; None for an empty cell."""
    runs = rotated_rows(grid, box, page.shape)
    if not runs:
        return None
    top, bottom = runs[0][0], runs[-1][0] + 1
    left, right = min(r[1] for r in runs), max(r[2] for r in runs)
    crop = np.full((bottom - top, right - left), 255, dtype=np.uint8)
    for y, a, b in runs:
        crop[y - top, a - left : b - left] = page[y, a:b]
    # Paper grey becomes white: pasted on a white sheet, a grey cell would
    # have edges that tesseract reads as rules.
    crop[crop >= threshold] = 255
    ink = _despeckle(crop < threshold, dpi)
    if not ink.any():
        return None
    crop[~ink & (crop < threshold)] = 255
    # Where the cell's top edge lands after straightening: a point on it,
    # back in page coordinates, through the same rotation PIL applies.
    x0, _, y0, _ = box
    t = grid.skew
    px, py = (x0 - y0 * t) / (1 + t * t) - left, (y0 + x0 * t) / (1 + t * t) - top
    h, w = crop.shape
    if abs(angle) > 0.05:
        img = Image.fromarray(crop).rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
        crop = np.asarray(img)
        ink = crop < threshold
    phi = np.radians(angle)
    edge = crop.shape[0] / 2 - (px - w / 2) * np.sin(phi) + (py - h / 2) * np.cos(phi)
    ys = np.flatnonzero(ink.any(axis=1))
    xs = np.flatnonzero(ink.any(axis=0))
    return crop[ys[0] : ys[-1] + 1, xs[0] : xs[-1] + 1], int(round(ys[0] - edge))


def _despeckle(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Drop dark pixels with almost no ink around them: scanner specks.

    A speck of a poor copy is a few pixels with nothing within a
    twentieth of an inch; a diacritic dot has its letter that close.
    """
    r = max(2, dpi // 30)
    min_count = max(4, int(30 * (dpi / 300) ** 2))
    padded = np.pad(ink, r + 1).astype(np.int32)
    integral = padded.cumsum(0).cumsum(1)
    n = 2 * r + 1
    h, w = ink.shape
    count = integral[n : n + h, n : n + w] - integral[0:h, n : n + w] - integral[n : n + h, 0:w] + integral[0:h, 0:w]
    return ink & (count >= min_count)
