"""OCR of one page image with Tesseract, ruled tables kept as rows of cells.

A page without a ruled table is one `image_to_data` pass (words, boxes,
confidences) read in Tesseract's own order. On a page with ruled tables
(found by `tablegrid`) the tables are blanked out for that pass, and their
cells are read in a second pass over a sheet made of the cells alone
(`cells`); each table is put back where it stood as tab-separated rows
(`layout`). The two passes together cover the page once, so they cost about
one page. `reread` then repairs side-by-side blocks and debris lines."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from extractors.normalize.ocr_language import repair_ocr_text
from pipeline.models import PageText
from pipeline.ocr.cells import read_table_cells
from pipeline.ocr.engine import page_orientation, read_words
from pipeline.ocr.layout import page_text
from pipeline.ocr.reread import reread, reread_names
from pipeline.ocr.strokes import recount_quarter_strokes
from pipeline.ocr.tablegrid import (
    Word,
    find_tables,
    mean_conf,
    paper_shade,
    rotated_rows,
)


@dataclass
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0-100
    tables: list[list[list[str]]]
    seconds: float  # wall time spent on this page
    retoned: int = 0  # syllables whose tone mark the language model put right
    tesseract_text: str = ""  # the text before the language repairs (for measuring them)
    unmarked: int = 0  # speck marks taken out from inside a word or clause (`chủ. trì`, `công.trình`)
    recased: int = 0  # lower-case words OCR read as capitals (`Nghị định sỐ`), lowered
    #: per line of `text`: flush with the margin (False), indented (True) or unknown (see `layout`)
    indents: list[bool | None] = field(default_factory=list)


#: A first reading whose words average below this confidence may be of a page
#: turned on its side or upside down (upright pages, poor copies included, read
#: 80-95; the sample pages turned read ~43): its orientation is checked.
TURNED_CONF = 60.0
#: Or whose words stand taller than wide: Tesseract read a page on its side as
#: vertical lines (words right, lines out of order). Upright pages: ~0.
TALL_WORDS_SHARE = 0.5


def _tall(words: list[Word]) -> bool:
    long = [w for w in words if len(w.text) >= 3]
    return bool(long) and sum(w.height > w.width for w in long) > TALL_WORDS_SHARE * len(long)


def ocr_image(img: Image.Image, lang: str = "vie", dpi: int | None = None, upright: bool = False) -> OcrPage:
    """OCR one page image. `dpi` is the image's resolution if known (a
    rendered PDF page); otherwise it is read from the image or estimated.
    `upright`: the orientation is known (not checked again)."""
    started = time.perf_counter()
    gray = img.convert("L") if img.mode != "L" else img
    dpi = dpi or image_dpi(img) or guess_dpi(gray)
    page = gray
    pixels = np.asarray(gray)
    grids, rules = find_tables(pixels, dpi)
    tables: list[list[list[str]]] = []
    if grids:
        # Erased areas take the paper's own shade: a white patch on a grey
        # copy moves tesseract's binarisation threshold and it reads nothing.
        paper = paper_shade(pixels)
        cleaned = pixels.copy()
        cleaned[rules] = paper
        # The page pass skips the tables (their cells are read in a pass of
        # their own), so the two passes cost about one page.
        outside = cleaned.copy()
        for grid in grids:
            box = (grid.cols[0].pos, grid.cols[-1].pos, grid.rows[0].pos, grid.rows[-1].pos)
            for y, a, b in rotated_rows(grid, box, outside.shape):
                outside[y, a:b] = paper
        tables, cell_words = read_table_cells(cleaned, grids, lang, dpi)
        pixels, gray = outside, Image.fromarray(outside)
    else:
        cell_words = []
    words = read_words(gray, lang, dpi)
    first, tall = mean_conf(words), _tall(words)
    if not upright and (first < TURNED_CONF or tall) and (turn := page_orientation(page)):
        # A page scanned on its side (an appendix table in landscape) or upside
        # down. The turn is kept if Tesseract reads the turned page better, or
        # as well where it had read the page's lines as vertical ones.
        turned = ocr_image(page.rotate(-turn, expand=True), lang, dpi, upright=True)
        if turned.confidence > first or (tall and turned.confidence >= TURNED_CONF):
            return replace(turned, seconds=time.perf_counter() - started)
    words = reread(pixels, words, lambda sheet: read_words(sheet, lang, dpi, psm=6))
    words = reread_names(pixels, words, lambda sheet: read_words(sheet, lang, dpi, psm=6))
    words = recount_quarter_strokes(pixels, words)
    lines = page_text(words, grids, tables)
    read = lines.text
    repaired = repair_ocr_text(read)
    confidence = mean_conf(words + cell_words)
    return OcrPage(
        repaired.text,
        confidence,
        [t for t in tables if t],
        time.perf_counter() - started,
        retoned=repaired.retoned,
        tesseract_text=read,
        unmarked=repaired.unmarked,
        recased=repaired.recased,
        indents=lines.indents,
    )


def to_page_text(number: int, page: OcrPage) -> PageText:
    """Page `number` (1-based) of a document, as OCR read it."""
    return PageText(
        number,
        page.text,
        "ocr",
        page.tables,
        page.confidence,
        retoned=page.retoned,
        unmarked=page.unmarked,
        recased=page.recased,
        indents=page.indents,
    )


def repair_notes(pages) -> list[str]:
    """The `ingest_log.warnings` lines saying where the language repairs changed
    OCR's text, per page (`pages` carry `number`, `retoned`, `unmarked`, `recased`)."""
    out = []
    for what, attr in (
        ("tone marks of {} OCR'd syllables corrected from context", "retoned"),
        ("{} marks OCR read from specks inside a clause taken out", "unmarked"),
        ("{} lower-case words OCR read as capitals lowered", "recased"),
    ):
        counts = {p.number: getattr(p, attr) for p in pages if getattr(p, attr, 0)}
        if counts:
            detail = ", ".join(f"p{page}: {n}" for page, n in sorted(counts.items()))
            out.append(f"{what.format(sum(counts.values()))} ({detail})")
    return out


#: The longest sheet a plan is printed on, in inches: A3's 16.5 and a
#: scanner's margin. Metadata that makes the image longer is a program's
#: default (72 dpi from cameras and imaging libraries, 96 from screenshots),
#: not the scan's resolution: an A4 page scanned at 300 dpi and saved as
#: "72 dpi" would be 49 inches long.
LONGEST_SHEET_IN = 18


def image_dpi(img: Image.Image) -> int | None:
    """Resolution from the file's metadata, if it describes a plausible
    sheet of paper."""
    dpi = img.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    if 70 <= value <= 1200 and 2 <= max(img.size) / value <= LONGEST_SHEET_IN:
        return int(round(value))
    return None


def guess_dpi(gray: Image.Image) -> int:
    # Without usable metadata assume the long side is an A4 page's 11.7
    # inches. This only scales the table-rule thresholds; tesseract is not
    # told, it estimates the resolution from the text itself.
    return max(100, min(600, round(max(gray.size) / 11.7)))
