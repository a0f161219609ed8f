"""OCR of page images with tesseract, ruled tables kept as rows of cells.

One `image_to_data` pass per page gives words with boxes and confidences;
ruled tables found by `tablegrid` get their rules erased before that pass
(tesseract reads rules as `|`, `_`, `—` and they break its line finding) and
their words are put into cells by position. Everything else keeps
tesseract's own reading order.
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
from PIL import Image

from .errors import CorruptFileError, EmptyFileError, ImageTooLargeError, OcrError
from .tablegrid import Grid, Word, find_tables, table_rows

# Larger than an A0 sheet at 300 dpi (~140 Mpx is A0 at 300 dpi, so allow a
# little more); a bigger image is a decompression bomb or a mistake, and
# decoding it would take minutes and gigabytes.
MAX_PIXELS = 180_000_000
# Tesseract needs about 1.5 s for a dense A4 page; minutes means it is stuck.
PAGE_TIMEOUT_S = 300


@dataclass
class PageText:
    number: int                 # 1-based
    text: str
    source: str                 # "text" (PDF text layer) or "ocr"
    tables: list[list[list[str]]] = field(default_factory=list)
    confidence: float | None = None   # mean word confidence 0-100, OCR only


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
    confidence: float           # mean word confidence, 0-100
    tables: list[list[list[str]]]
    seconds: float              # wall time spent on this page


def ocr_image(img: Image.Image, lang: str = "vie", dpi: int | None = None) -> OcrPage:
    """OCR one page image. `dpi` is the image's resolution if known (a
    rendered PDF page); otherwise it is read from the image or estimated."""
    started = time.perf_counter()
    gray = img.convert("L") if img.mode != "L" else img
    dpi = dpi or _image_dpi(img) or _guess_dpi(gray)
    pixels = np.asarray(gray)
    grids, rules = find_tables(pixels, dpi)
    if grids:
        cleaned = pixels.copy()
        cleaned[rules] = 255
        gray = Image.fromarray(cleaned)
    words = _tesseract_words(gray, lang, dpi)
    text, tables = _layout(words, grids)
    confs = [w.conf for w in words if w.conf >= 0]
    confidence = float(np.mean(confs)) if confs else 0.0
    return OcrPage(text, confidence, tables, time.perf_counter() - started)


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
                    page = ocr_image(img, lang=lang)
                    pages.append(PageText(frame + 1, page.text, "ocr",
                                          page.tables, page.confidence))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooLargeError(
                f"{path.name}: image is larger than {MAX_PIXELS:,} pixels; "
                f"downscale it (300 dpi is enough for OCR) ({exc})") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFileError(
                f"{path.name}: cannot decode image ({exc}); the file may be "
                "truncated or not an image") from exc
        finally:
            Image.MAX_IMAGE_PIXELS = previous
    if not pages:
        raise EmptyFileError(f"{path.name} has no image frames")
    return PdfText(pages)


def _check_size(img: Image.Image, path: Path) -> None:
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise ImageTooLargeError(
            f"{path.name}: image is {width}x{height} pixels, more than "
            f"{MAX_PIXELS:,}; downscale it (300 dpi is enough for OCR)")


def _image_dpi(img: Image.Image) -> int | None:
    dpi = img.info.get("dpi")
    if dpi and dpi[0] and 70 <= float(dpi[0]) <= 1200:
        return int(round(float(dpi[0])))
    return None


def _guess_dpi(gray: Image.Image) -> int:
    # Without metadata assume a portrait A4/Letter page: the short side is
    # about 8.3 inches. Only scales the table-rule thresholds; tesseract is
    # not told, so it estimates the resolution from the text itself.
    return max(70, min(1200, round(min(gray.size) / 8.3)))


def _tesseract_words(gray: Image.Image, lang: str, dpi: int) -> list[Word]:
    # PGM instead of pytesseract's default PNG: compressing an A4 page at
    # 300 dpi to PNG costs ~0.3 s, a sixth of the OCR itself.
    gray = gray.copy()
    gray.format = "PPM"
    try:
        data = pytesseract.image_to_data(
            gray, lang=lang, config=f"--dpi {dpi}", timeout=PAGE_TIMEOUT_S,
            output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrError("tesseract is not installed; install it with "
                       "`apt-get install tesseract-ocr tesseract-ocr-vie`") from exc
    except pytesseract.TesseractError as exc:
        if "language" in str(exc).lower() or "traineddata" in str(exc).lower():
            raise OcrError(f"tesseract has no '{lang}' language data; install "
                           f"tesseract-ocr-{lang}") from exc
        raise OcrError(f"tesseract failed: {exc}") from exc
    except RuntimeError as exc:   # pytesseract's timeout
        raise OcrError(f"tesseract did not finish a page in {PAGE_TIMEOUT_S} s") from exc
    words = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5 or not text or not text.strip():
            continue
        words.append(Word(
            text=text.strip(), left=int(data["left"][i]), top=int(data["top"][i]),
            width=int(data["width"][i]), height=int(data["height"][i]),
            conf=float(data["conf"][i]),
            line_key=(data["page_num"][i], data["block_num"][i],
                      data["par_num"][i], data["line_num"][i])))
    return words


def _layout(words: list[Word], grids: list[Grid]) -> tuple[str, list[list[list[str]]]]:
    """Page text: tesseract's lines in its order, one blank line between its
    paragraphs, and each table as tab-separated rows where it stands."""
    in_table: list[list[Word]] = [[] for _ in grids]
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        for g, grid in enumerate(grids):
            if grid.contains(*w.centre):
                in_table[g].append(w)
                break
        else:
            lines.setdefault(w.line_key, []).append(w)

    tables = []
    placed = []            # (grid, rows), top to bottom
    for grid, members in zip(grids, in_table):
        rows = table_rows(grid, members)
        if rows:
            tables.append(rows)
            placed.append((grid, rows))

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
    return "\n".join(out).strip("\n"), tables


def _below(word: Word, grid: Grid) -> bool:
    return grid.deskew(word.left, word.top)[1] > grid.rows[0].pos


def _table_block(rows: list[list[str]], out: list[str]) -> list[str]:
    block = ["\t".join(row) for row in rows]
    return ([""] if out and out[-1] != "" else []) + block + [""]
