"""OCR of page images with tesseract, ruled tables kept as rows of cells.

A page without a ruled table is one `image_to_data` pass (words, boxes,
confidences) read in tesseract's own order. On a page with ruled tables
(found by `tablegrid`) the tables are blanked out for that pass, and their
cells are read in a second pass over a sheet made of the cells alone; each
table is put back where it stood as tab-separated rows. The two passes
together cover the page once, so they cost about one page. `reread` then
repairs side-by-side blocks and debris lines of the page pass.
"""

from __future__ import annotations

import os

# Tesseract's OpenMP threads oversubscribe the cores when several pages run
# in parallel: 1.4 s/page with one thread against 6-9 s without the limit.
# Set before pytesseract starts any subprocess; a caller's value wins.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image, ImageOps

from pipeline.errors import CorruptFileError, EmptyFileError, ImageTooLargeError, OcrError
from pipeline.ocr.reread import reread
from pipeline.ocr.tablegrid import (
    Grid,
    Word,
    cell_blocks,
    cell_text,
    find_tables,
    otsu_threshold,
    rotated_rows,
    table_rows,
)

# A0 at 300 dpi is ~140 Mpx; anything bigger is a decompression bomb or a
# mistake, and decoding it would take minutes and gigabytes.
MAX_PIXELS = 180_000_000
# Tesseract needs about 1.5 s for a dense A4 page; minutes means it is stuck.
PAGE_TIMEOUT_S = 300


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str  # "text" (PDF text layer) or "ocr"
    tables: list[list[list[str]]] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence 0-100, OCR only


@dataclass
class PdfText:
    pages: list[PageText]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(p.source == "ocr" for p in self.pages)


@dataclass
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0-100
    tables: list[list[list[str]]]
    seconds: float  # wall time spent on this page


def ocr_image(img: Image.Image, lang: str = "vie", dpi: int | None = None) -> OcrPage:
    """OCR one page image. `dpi` is the image's resolution if known (a
    rendered PDF page); otherwise it is read from the image or estimated."""
    started = time.perf_counter()
    gray = img.convert("L") if img.mode != "L" else img
    dpi = dpi or _image_dpi(img) or _guess_dpi(gray)
    pixels = np.asarray(gray)
    grids, rules = find_tables(pixels, dpi)
    tables: list[list[list[str]]] = []
    if grids:
        # Erased areas take the paper's own shade: a white patch on a grey
        # copy moves tesseract's binarisation threshold and it reads nothing.
        paper = int(np.median(pixels[::8, ::8]))
        cleaned = pixels.copy()
        cleaned[rules] = paper
        # The page pass skips the tables (their cells are read in a pass of
        # their own), so the two passes cost about one page.
        outside = cleaned.copy()
        for grid in grids:
            box = (grid.cols[0].pos, grid.cols[-1].pos, grid.rows[0].pos, grid.rows[-1].pos)
            for y, a, b in rotated_rows(grid, box, outside.shape):
                outside[y, a:b] = paper
        tables, cell_words = _ocr_tables(cleaned, grids, lang, dpi)
        pixels, gray = outside, Image.fromarray(outside)
    else:
        cell_words = []
    words = _tesseract_words(gray, lang, dpi)
    words = reread(pixels, words, lambda sheet: _tesseract_words(sheet, lang, dpi, psm=6))
    text = _layout(words, grids, tables)
    confs = [w.conf for w in words + cell_words if w.conf >= 0]
    confidence = float(np.mean(confs)) if confs else 0.0
    return OcrPage(text, confidence, [t for t in tables if t], time.perf_counter() - started)


def _ocr_tables(
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
    words = _tesseract_words(Image.fromarray(sheet), lang, dpi, psm=6)
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
        img = Image.fromarray(crop).rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)
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


def render_page(pdf, index: int, dpi: int = 300) -> Image.Image:
    """Rasterise page `index` (0-based) of a PDF path or open PdfDocument."""
    import pypdfium2 as pdfium

    doc = pdf if isinstance(pdf, pdfium.PdfDocument) else pdfium.PdfDocument(str(pdf))
    try:
        page = doc[index]
        width, height = page.get_size()
        scale = dpi / 72
        # An oversized page (a poster, a broken MediaBox) would need gigabytes
        # at full resolution; render it smaller instead.
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        return page.render(scale=scale, grayscale=True).to_pil()
    finally:
        if doc is not pdf:
            doc.close()


def read_image_pages(path, lang: str = "vie") -> PdfText:
    """OCR an image file: PNG, JPEG, TIFF (every frame of a multi-page TIFF)."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise EmptyFileError(f"{path.name} is empty (0 bytes)")
    pages = []
    with warnings.catch_warnings():
        # PIL only warns between MAX_IMAGE_PIXELS and twice that; make every
        # oversized image an error before it is decoded.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            with Image.open(path) as img:
                for frame in range(getattr(img, "n_frames", 1)):
                    img.seek(frame)
                    _check_size(img, path)
                    img.load()
                    page = ocr_image(_upright_gray(img), lang=lang, dpi=_image_dpi(img))
                    pages.append(PageText(frame + 1, page.text, "ocr", page.tables, page.confidence))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooLargeError(
                f"{path.name}: image is larger than {MAX_PIXELS:,} pixels; "
                f"downscale it (300 dpi is enough for OCR) ({exc})"
            ) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFileError(
                f"{path.name}: cannot decode image ({exc}); the file may be truncated or not an image"
            ) from exc
        finally:
            Image.MAX_IMAGE_PIXELS = previous
    if not pages:
        raise EmptyFileError(f"{path.name} has no image frames")
    return PdfText(pages)


def _upright_gray(img: Image.Image) -> Image.Image:
    # Phone photos are stored sideways with an EXIF turn; transparent
    # pixels are paper, not ink.
    img = ImageOps.exif_transpose(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    return img.convert("L")


def _check_size(img: Image.Image, path: Path) -> None:
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise ImageTooLargeError(
            f"{path.name}: image is {width}x{height} pixels, more than "
            f"{MAX_PIXELS:,}; downscale it (300 dpi is enough for OCR)"
        )


def _image_dpi(img: Image.Image) -> int | None:
    """Resolution from the file's metadata, if it describes a plausible
    sheet of paper (cameras and screenshots often say 72 dpi whatever the
    real scale)."""
    dpi = img.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    if 70 <= value <= 1200 and 2 <= max(img.size) / value <= 50:
        return int(round(value))
    return None


def _guess_dpi(gray: Image.Image) -> int:
    # Without usable metadata assume the long side is an A4 page's 11.7
    # inches. This only scales the table-rule thresholds; tesseract is not
    # told, it estimates the resolution from the text itself.
    return max(100, min(600, round(max(gray.size) / 11.7)))


def _tesseract_words(gray: Image.Image, lang: str, dpi: int, psm: int | None = None) -> list[Word]:
    # PGM instead of pytesseract's default PNG: compressing an A4 page at
    # 300 dpi to PNG costs ~0.3 s, a sixth of the OCR itself.
    gray = gray.copy()
    gray.format = "PPM"
    try:
        data = pytesseract.image_to_data(
            gray,
            lang=lang,
            config=(f"--psm {psm}" if psm else ""),
            timeout=PAGE_TIMEOUT_S,
            output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrError(
            "tesseract is not installed; install it with `apt-get install tesseract-ocr tesseract-ocr-vie`"
        ) from exc
    except pytesseract.TesseractError as exc:
        if "language" in str(exc).lower() or "traineddata" in str(exc).lower():
            raise OcrError(f"tesseract has no '{lang}' language data; install tesseract-ocr-{lang}") from exc
        raise OcrError(f"tesseract failed: {exc}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrError(f"tesseract did not finish a page in {PAGE_TIMEOUT_S} s") from exc
    words = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5 or not text or not text.strip():
            continue
        words.append(
            Word(
                text=text.strip(),
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                conf=float(data["conf"][i]),
                line_key=(data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )
        )
    return words


def _layout(words: list[Word], grids: list[Grid], tables: list[list[list[str]]]) -> str:
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
