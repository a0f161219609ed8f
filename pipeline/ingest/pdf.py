"""Page text of a PDF: the text layer where it is sound, OCR where it is not.

Per page: pypdfium2 reads the text layer (fast); `assess_text_layer` decides
whether it can be trusted; pages that look ruled get pdfplumber's table grid
(slow, so only there) and their table regions are replaced by one line per
row with tab-separated cells; everything else is OCR'd through `ocr`.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractors.text.fold import VI_MARKED_LETTERS
from pipeline.config import MAX_PIXELS
from pipeline.errors import CorruptFileError, EmptyFileError, EncryptedPdfError
from pipeline.models import PagedText, PageText, RawDocument
from pipeline.ocr.ink import ink_gray
from pipeline.ocr.lanes import run_lanes
from pipeline.ocr.layout import line_indents
from pipeline.ocr.page import ocr_image, repair_notes, to_page_text

log = logging.getLogger(__name__)

__all__ = ["PageText", "PagedText", "read_pdf_pages", "assess_text_layer", "page_image"]

# Fewer visible characters than this is no text layer (a scan, or a page
# number stamped on one).
MIN_CHARS = 20

#: A character of a page and its box (left, bottom, right, top) in PDF points,
#: None for what PDFium generates (spaces, line breaks).
Chars = list[tuple[str, tuple[float, float, float, float] | None]]

#: PDFium's mark for a hyphen it takes to end a line (`FPDFText_IsHyphen`).
#: The glyph drawn is a hyphen, and in `105/2025/NĐ-CP` it is part of a số hiệu.
_HYPHEN_MARK = "\ufffe"

_VI_LETTERS = VI_MARKED_LETTERS
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
#: `K6t`, `tl4o`: a digit inside a word, as an OCR layer made without Vietnamese writes `ế`, `ạ`.
_DIGIT_IN_WORD = re.compile(r"(?<![\W\d_])[^\W\d_]+\d[^\W\d_]+")
_VOWEL = re.compile(r"[aeiouy]")
_WHOLE_WORD = re.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
_PRIVATE_USE_BULLET = re.compile(r"^[ \t]*[\ue000-\uf8ff]", re.MULTILINE)


def assess_text_layer(text: str) -> str | None:
    """Why the text layer of a page cannot be used, or None if it can.

    Legacy TCVN3/VNI text (Latin-1 debris such as `®ÕÞµ`, many different
    such characters) is usable: the normaliser decodes it. Lost glyphs are
    not: NUL, U+FFFD, private-use or control characters, `?` inside words,
    one junk character standing for every letter the font lacked, or words
    that are no longer Vietnamese syllables because letters were dropped.
    """
    visible = [c for c in text if not c.isspace()]
    n = len(visible)
    if n < MIN_CHARS:
        return "no text layer"
    lost = sum(1 for c in visible if c in "\x00\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cs"))
    # A private-use code starting a line is a Symbol or Wingdings bullet, not a lost letter.
    lost -= len(_PRIVATE_USE_BULLET.findall(text))
    lost += len(re.findall(r"(?<=\w)\?(?=\w)", text))
    if lost > 0.02 * n:
        return "text layer has lost glyphs (NUL, U+FFFD, '?')"
    if reason := broken_font_map(text):
        return reason
    debris = [c for c in visible if "\x80" <= c <= "\xff" and c not in _VI_LETTERS]
    letters = sum(1 for c in visible if c.isalpha())
    if len(debris) > 0.03 * max(letters, 1):
        if len(set(debris)) >= 6:
            if _legacy_decodes(text):
                return None  # legacy-encoded Vietnamese; decoded later
            return "text layer's legacy encoding does not decode to Vietnamese"
        return "text layer maps missing glyphs to one junk character"
    digits = sum(1 for c in visible if c.isdigit())
    if letters < 0.3 * n and digits < 0.3 * n:
        # A table of coordinates or figures is a usable layer; symbols alone are not.
        return "text layer is mostly symbols"
    # Whole words only: not the letters of codes (`M1`, `QCVN`), nor abbreviations.
    words = [w for w in _WHOLE_WORD.findall(text) if len(w) > 1 and not w[1:].isupper()]
    if len(words) >= 30:
        invalid = [w for w in words if not _SYLLABLE.fullmatch(_base(w))]
        # Vietnamese prose has well under 5% non-syllables (names, English
        # words); a font that lost its accented letters, or an OCR layer made
        # without Vietnamese (`K6t qu6`, `Hqnh phfc`), leaves many more.
        if len(invalid) > 0.25 * len(words):
            garbled = len(_DIGIT_IN_WORD.findall(text))
            if garbled >= 3 and garbled > 0.03 * len(words):
                return "text layer is an OCR layer made without Vietnamese"
            fragments = [w for w in invalid if not _VOWEL.search(_base(w)) or any(c in _VI_LETTERS for c in w)]
            if len(fragments) > 0.15 * len(words):
                return "text layer has dropped letters"
            # Otherwise the words are of another language (English references): a usable layer.
    return None


def _foreign(ch: str) -> bool:
    """A letter of another script, or a Latin letter Vietnamese never writes (`Ĉ`, `Ƭ`)."""
    return ch.isalpha() and ord(ch) > 0xFF and ch not in _VI_LETTERS


def broken_font_map(text: str) -> str | None:
    """Why a text layer that looks like text is not Vietnamese: letters of other
    scripts inside words (`YLӋF`, `ĈӏD`: a font whose map sends Vietnamese
    glyphs elsewhere), or legacy-looking bytes that decode to no syllables.

    Whole words of another script are foreign text and stay usable.
    """
    words = _WORD.findall(text)
    if len(words) < 10:
        return None
    mixed = sum(1 for w in words if any(_foreign(c) for c in w) and any(c.isascii() or c in _VI_LETTERS for c in w))
    if mixed >= 3 and mixed > 0.03 * len(words):
        return "text layer's font map is broken (letters of other scripts inside words)"
    return None


def _legacy_decodes(text: str) -> bool:
    """Whether a text layer full of Latin-1 bytes decodes (TCVN3/VNI) to Vietnamese syllables."""
    from extractors.normalize.legacy import fix_legacy
    from extractors.text.syllables import is_vietnamese_syllable

    decoded, encoding = fix_legacy(text)
    if encoding is None:
        return False
    words = [w for w in _WORD.findall(decoded) if not w.isupper() or len(w) == 1]
    if len(words) < 10:
        return True
    return sum(1 for w in words if is_vietnamese_syllable(w)) >= 0.75 * len(words)


def _base(word: str) -> str:
    word = word.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


def read_pdf_pages(path, ocr: bool = True, lang: str = "vie", dpi: int = 300, workers: int = 1) -> PagedText:
    """Text of every page. Pages to OCR are read side by side in `workers`
    lanes when it is > 1; at 1 they take the lanes the batch can spare
    (`pipeline.ocr.lanes`), one after another outside a batch."""
    path = Path(path)
    doc = open_pdf(path)
    try:
        pages: list[PageText | None] = []
        to_ocr: list[int] = []
        ruled: list[int] = []
        rejected: dict[int, str] = {}
        placed: dict[int, Chars] = {}
        for index in range(len(doc)):
            try:
                page = doc[index]
                text, indents = _page_text(page)
                if _has_widgets(page) and not _signed_scan(page, text):
                    placed[index] = _chars_with_widgets(doc, index)
                    text, indents = _text_of(placed[index]), []
            except pdfium.PdfiumError as exc:
                raise CorruptFileError(
                    f"{path.name}: page {index + 1} cannot be read ({exc}); "
                    "the file is damaged: download or export it again"
                ) from exc
            reason = assess_text_layer(text)
            if reason is not None and reason != "no text layer":
                rejected[index + 1] = reason
            if reason is not None and (reason != "no text layer" or _has_visible_content(page)) and ocr:
                to_ocr.append(index)
                pages.append(None)
                continue
            if reason is None and _looks_ruled(page):
                ruled.append(index)
            pages.append(PageText(index + 1, text, "text", indents=indents))
        if ruled:
            _add_tables(path, doc, pages, ruled, placed)
        for index, result in _ocr_pages(doc, to_ocr, lang, dpi, workers):
            pages[index] = to_page_text(index + 1, result)
    finally:
        doc.close()
    return PagedText([p for p in pages if p is not None], rejected)


def _has_widgets(page) -> bool:
    """Whether the page carries form-field widgets (signature fields among them)."""
    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    for i in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _signed_scan(page, own_text: str) -> bool:
    """A scanned page an e-signing tool signed: its own content has no text and
    an image to OCR. The stamp's fields (`Người ký: …`) would be its only text
    and hide the page from OCR, and drawn into the page they would be OCR'd over
    the header: the page is read as the scan it is, without them."""
    return assess_text_layer(own_text) == "no text layer" and _has_visible_content(page)


def _chars_with_widgets(doc, index: int) -> Chars:
    """The page's characters with what its form fields draw, each where it is drawn.

    Vietnamese e-signing tools stamp the số hiệu, the day and the month into
    signature fields (`/FT /Sig`) when the document is signed
    (`Số: 193 /UBND-KT`, `ngày 10 tháng 01`); the page's content has blanks
    there. PDFium's text page reads only the content, so the page is
    flattened (the fields' appearances become content, in memory: the file is
    not touched), and PDFium appends their characters after the page's own.
    Each run of them is put back in reading order by its position: on the line
    it is drawn on, after the characters left of it and never inside a word;
    a run on a line of its own (a signing tool's `Ký bởi: …` block) goes
    before the first line below it.
    """
    own = _page_chars(doc[index])
    pdfium_c.FPDFPage_Flatten(doc[index], pdfium_c.FLAT_NORMALDISPLAY)
    chars = _page_chars(doc[index])
    if [c for c, _ in chars[: len(own)]] != [c for c, _ in own]:
        return chars  # not appended as expected: the flattened page in PDFium's order
    out = chars[: len(own)]
    for run in _runs(chars[len(own) :]):
        out = _place(out, run)
    return out


def _runs(chars: Chars) -> list[Chars]:
    """Drawn characters grouped into runs: split at characters without a box
    (PDFium's generated spaces and breaks) and at gaps wider than three
    character heights (two fields side by side)."""
    runs: list[Chars] = []
    current: Chars = []
    right = 0.0
    for ch, box in chars:
        if box is None or (current and box[0] - right > 3 * max(1.0, box[3] - box[1])):
            if current:
                runs.append(current)
            current = []
        if box is not None:
            current.append((ch, box))
            right = box[2]
    if current:
        runs.append(current)
    return runs


def _place(chars: Chars, run: Chars) -> Chars:
    """`chars` with `run` inserted where it is drawn (see `_chars_with_widgets`)."""
    boxes = [box for _, box in run if box is not None]
    low, high = min(b[1] for b in boxes), max(b[3] for b in boxes)
    left_edge, right_edge = min(b[0] for b in boxes), max(b[2] for b in boxes)
    middle = (low + high) / 2
    x = (boxes[0][0] + boxes[0][2]) / 2

    def on_line(box) -> bool:
        return box is not None and box[1] <= middle <= box[3]

    def under(box) -> bool:
        return on_line(box) and left_edge <= (box[0] + box[2]) / 2 <= right_edge

    # What the stamp is drawn over (a month typed in before signing, under the
    # signed one) is hidden by it.
    chars = [(c, box) for c, box in chars if not under(box)]
    line = [i for i, (_, box) in enumerate(chars) if on_line(box)]
    if not line:
        below = next((i for i, (_, box) in enumerate(chars) if box is not None and box[3] < low), None)
        if below is None:
            return [*chars, ("\n", None), *run]
        at = below
        while at > 0 and chars[at - 1][0] not in "\r\n":
            at -= 1
        return [*chars[:at], *run, ("\n", None), *chars[at:]]
    left = [i for i in line if (box := chars[i][1]) is not None and (box[0] + box[2]) / 2 < x]
    at = max(left) + 1 if left else min(line)
    if 0 < at < len(chars) and not chars[at - 1][0].isspace() and not chars[at][0].isspace():
        # a stamp drawn at a word's edge (`ngày15`) goes to the word's nearer end
        start = at
        while start > 0 and not chars[start - 1][0].isspace():
            start -= 1
        end = at
        while end < len(chars) and not chars[end][0].isspace():
            end += 1
        word = [box for _, box in chars[start:end] if box is not None]
        at = end if x >= (min(b[0] for b in word) + max(b[2] for b in word)) / 2 else start
    before: Chars = [] if at == 0 or chars[at - 1][0].isspace() else [(" ", None)]
    after: Chars = [] if at >= len(chars) or chars[at][0].isspace() else [(" ", None)]
    return [*chars[:at], *before, *run, *after, *chars[at:]]


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorruptFileError(f"{path}: cannot read file ({exc.strerror})") from exc
    if size == 0:
        raise EmptyFileError(f"{path.name} is empty (0 bytes)")
    try:
        doc = pdfium.PdfDocument(str(path))
        # Form fields are drawn when a page is rendered for OCR: a signing
        # tool's stamped number and date are part of what a person sees.
        doc.init_forms()
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedPdfError() from exc
        # PDFium refuses a document without pages, reporting "success" or a
        # format error; say what is actually wrong.
        if code == pdfium_c.FPDF_ERR_SUCCESS or _declares_no_pages(path):
            raise EmptyFileError(f"{path.name} has no pages") from exc
        raise CorruptFileError(
            f"{path.name} is not a readable PDF ({exc}); the file may be "
            "truncated or damaged: download or export it again"
        ) from exc
    if len(doc) == 0:
        doc.close()
        raise EmptyFileError(f"{path.name} has no pages")
    return doc


def _declares_no_pages(path: Path) -> bool:
    data = path.read_bytes()
    return re.search(rb"/Count\s*0\b", data) is not None and re.search(rb"/Type\s*/Page(?!s)\b", data) is None


def _page_text(page) -> tuple[str, list[bool | None]]:
    """The page's text layer and, per line, whether it starts indented."""
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        return _plain(raw), _line_indents(textpage, raw)
    finally:
        textpage.close()


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_indents(textpage, raw: str) -> list[bool | None]:
    """Where each line of `raw` starts, from its first letter's box: the same
    first-line indent OCR'd pages are read by (`pipeline.ocr.layout`)."""
    count = textpage.count_chars()
    starts: list[float | None] = []
    heights: list[float] = []
    begin = 0
    for end in [m.start() for m in _LINE_BREAK.finditer(raw)] + [len(raw)]:
        first = next((i for i in range(begin, min(end, count)) if not raw[i].isspace()), None)
        start = None
        if first is not None:
            left, bottom, right, top = textpage.get_charbox(first)
            if right > left and top > bottom:
                start = left
                heights.append(top - bottom)
        starts.append(start)
        begin = end + (2 if raw.startswith("\r\n", end) else 1)
    return line_indents(starts, median(heights)) if heights else [None] * len(starts)


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace(_HYPHEN_MARK, "-")


def _page_chars(page) -> Chars:
    """Each character of the page's text with its box (left, bottom, right,
    top), None for those PDFium generates (spaces, line breaks)."""
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        out: Chars = []
        for i, ch in enumerate(raw[: textpage.count_chars()]):
            left, bottom, right, top = textpage.get_charbox(i)
            out.append((ch, (left, bottom, right, top) if right > left or top > bottom else None))
        return out
    finally:
        textpage.close()


def _text_of(chars: Chars) -> str:
    return _plain("".join(ch for ch, _ in chars))


def _objects(page, kind: int):
    return page.get_objects(filter=[kind], max_depth=3)


def _has_visible_content(page) -> bool:
    """Whether an empty text layer hides something to OCR: an image, or text
    drawn as vector outlines (many path objects)."""
    width, height = page.get_size()
    for obj in _objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) > 0.02 * width * height:
            return True
    return sum(1 for _ in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH)) > 200


def _looks_ruled(page) -> bool:
    """Cheap test before pdfplumber: a ruled table needs several horizontal
    and vertical strokes (or boxes), not just an underline or two."""
    horizontal = vertical = boxes = 0
    for obj in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h < 3 and w > 10:
            horizontal += 1
        elif w < 3 and h > 10:
            vertical += 1
        elif w > 10 and h > 10:
            boxes += 1
    return (horizontal >= 2 and vertical >= 2) or boxes >= 2


#: The share of a page's height at its top (or bottom) where a table that goes on from
#: (or onto) the next page starts (or ends).
_PAGE_EDGE = 0.25


@dataclass
class _Found:
    """A table pdfplumber found on a page: its box (from the top) and rows, and the page's height."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    height: float

    @property
    def columns(self) -> int:
        return max(map(len, self.rows), default=0)

    def opens_page(self) -> bool:
        return self.bbox[1] < _PAGE_EDGE * self.height

    def ends_page(self) -> bool:
        return self.bbox[3] > (1 - _PAGE_EDGE) * self.height


def _kept(found: dict[int, list[_Found]], index: int) -> list[_Found]:
    """The page's tables. One row alone is a box (a framed note), unless it is a table's
    part a page break cut off: it ends the page over a table of as many columns that
    opens the next (the header, a first row), or opens it under one that ended the page
    before (a last row)."""
    tables = found.get(index, [])
    before, after = found.get(index - 1, []), found.get(index + 1, [])
    kept = []
    for k, t in enumerate(tables):
        cut_off = len(t.rows) == 1 and (
            (k == 0 and t.opens_page() and bool(before) and before[-1].ends_page() and before[-1].columns == t.columns)
            or (
                k == len(tables) - 1
                and t.ends_page()
                and bool(after)
                and after[0].opens_page()
                and after[0].columns == t.columns
            )
        )
        if len(t.rows) >= 2 or cut_off:
            kept.append(t)
    return kept


def _add_tables(path: Path, doc, pages: list, indexes: list[int], placed: dict[int, Chars]) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        found: dict[int, list[_Found]] = {}
        for index in indexes:
            plumber_page = pdf.pages[index]
            try:
                tables = plumber_page.find_tables()
                for table in tables:
                    rows = [[_cell(c) for c in row] for row in table.extract()]
                    rows = [r for r in rows if any(r)]
                    if rows and max(len(r) for r in rows) >= 2 and not _prose_in_cells(rows):
                        found.setdefault(index, []).append(_Found(table.bbox, rows, plumber_page.height))
            except Exception as exc:  # pdfminer chokes on some odd pages
                found.pop(index, None)
                log.warning(
                    "%s page %d: table detection failed (%s); keeping the plain text layer", path.name, index + 1, exc
                )
        for index in indexes:
            if kept := _kept(found, index):
                chars = placed.get(index) or _page_chars(doc[index])
                regions = [(t.bbox, t.rows) for t in kept]
                text = _replace_regions(chars, kept[0].height, regions)
                pages[index] = PageText(index + 1, text, "text", [t.rows for t in kept])


#: Share of a "table's" cells that open in small letters or on punctuation above which
#: its cells are prose cut at word gaps (lines drawn over a justified paragraph: `T |
#: ăng | cường | công`), not a table; a real table's cells open on capitals or figures,
#: bar a unit column (`ha`, `người`).
_PROSE_CELL_SHARE = 0.6


def _prose_in_cells(rows: list[list[str]]) -> bool:
    cells = [c for row in rows for c in row if c]
    small = sum(1 for c in cells if c[0].islower() or c[0] in ",.;:)")
    return len(cells) >= 6 and small > _PROSE_CELL_SHARE * len(cells)


def _cell(value) -> str:
    return " ".join((value or "").split())


def _replace_regions(chars: Chars, page_height: float, tables) -> str:
    """Page text in pypdfium2 order with each table's characters replaced by
    its rows, one line per row, cells joined by tabs."""
    # pdfplumber measures from the top, pdfium from the bottom.
    boxes = [(x0, page_height - bottom, x1, page_height - top) for (x0, top, x1, bottom), _ in tables]
    out: list[str] = []
    emitted = set()
    inside = None
    for ch, box in chars:
        if box is not None:
            left, bottom, right, top = box
            cx, cy = (left + right) / 2, (bottom + top) / 2
            inside = next((k for k, (x0, y0, x1, y1) in enumerate(boxes) if x0 <= cx <= x1 and y0 <= cy <= y1), None)
        # characters without a box (generated spaces and line breaks)
        # belong wherever the previous character was
        if inside is None:
            out.append(ch)
        elif inside not in emitted:
            emitted.add(inside)
            block = "\n".join("\t".join(row) for row in tables[inside][1])
            out.append("\n" + block + "\n")
    text = _plain("".join(out))
    if not emitted:
        return text
    # only the line breaks around the inserted rows; trailing tabs of a row
    # are empty cells and stay
    return re.sub(r"\n{2,}", "\n", text).rstrip("\n")


def page_image(doc, index: int, dpi: int = 300):
    """The page as a grayscale image for OCR, and its resolution.

    A scanned page is usually one full-page image: decoding that image at
    its own resolution is 2-3x faster than rendering, and tesseract reads a
    200 dpi original as well as the same page upscaled to 300 dpi (measured
    on the sample scans). Anything else is rendered at `dpi`.
    """
    page = doc[index]
    width, height = page.get_size()
    if page.get_rotation() == 0:
        images = list(_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE))
        others = sum(
            1
            for obj in page.get_objects(max_depth=1)
            if obj.type not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT)
        )
        if len(images) == 1 and others == 0:
            image = images[0]
            left, bottom, right, top = image.get_bounds()
            matrix = image.get_matrix()
            upright = matrix.b == 0 and matrix.c == 0 and matrix.a > 0 and matrix.d > 0
            covers = (right - left) * (top - bottom) >= 0.85 * width * height
            px_w, px_h = image.get_px_size()
            native = px_w / ((right - left) / 72) if right > left else 0
            if (
                upright
                and covers
                and 150 <= native <= 400
                and px_w * px_h <= MAX_PIXELS
                and image.get_metadata().bits_per_pixel >= 8
            ):
                try:
                    img = image.get_bitmap(render=False).to_pil()
                    return ink_gray(img, dpi=int(round(native))), int(round(native))
                except Exception:
                    pass  # unusual colour space or filter: render instead
    return render_page(doc, index, dpi), dpi


def ocr_pdf_page(path, index: int, lang: str = "vie", dpi: int = 300):
    """OCR one page of a PDF file (for worker processes)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        img, resolution = page_image(doc, index, dpi)
    finally:
        doc.close()
    return ocr_image(img, lang=lang, dpi=resolution)


#: pdfium is not thread-safe: the OCR lanes render their pages one at a time.
_PDFIUM = threading.Lock()


def _ocr_pages(doc, indexes: list[int], lang: str, dpi: int, workers: int):
    def ocr_one(index: int):
        with _PDFIUM:
            img, resolution = page_image(doc, index, dpi)
        return ocr_image(img, lang=lang, dpi=resolution)

    return run_lanes(ocr_one, indexes, workers if workers > 1 else None)


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
        grey = page.render(scale=scale, grayscale=True).to_pil()
        if not any(_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE)):
            return grey
        # A picture on the page may be a seal or a signature over the text:
        # the page in colour shows which pixels to fade.
        return ink_gray(page.render(scale=scale).to_pil(), grey, dpi=round(scale * 72))
    finally:
        if doc is not pdf:
            doc.close()


def read_pdf(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A PDF's pages: the text layer where it is usable, OCR elsewhere."""
    result = read_pdf_pages(path, ocr=ocr)
    pages = [p.text for p in result.pages]
    sources = [p.source for p in result.pages]
    warnings = []
    if result.rejected:
        used = "OCR used" if ocr else "OCR is off: their text is missing"
        reasons = sorted(set(result.rejected.values()))
        warnings.append(
            f"text layer rejected on pages {page_ranges(sorted(result.rejected))}, {used} ({'; '.join(reasons)})"
        )
    warnings += repair_notes(result.pages)
    return RawDocument(
        source_format="pdf",
        pages=pages,
        paged=True,
        n_pages=len(pages),
        ocr_pages=sum(1 for s in sources if s == "ocr"),
        page_sources=sources,
        page_indents=[p.indents for p in result.pages],
        warnings=warnings,
    )


def page_ranges(pages: list[int]) -> str:
    """`[2, 3, 4, 7]` → `2-4, 7`."""
    out: list[str] = []
    for n in pages:
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)
