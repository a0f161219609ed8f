"""OCR of page images, ruled-table grids in scans, and the CER measure."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw, ImageFont

from pipeline.errors import CorruptFileError, ImageTooLargeError, OcrError
from pipeline.evaluate.cer import cer, levenshtein, limit_for, ocr_report
from pipeline.ingest import image as image_reader
from pipeline.ingest.image import read_image_pages
from pipeline.ingest.pdf import ocr_pdf_page, page_image
from pipeline.ocr.page import ocr_image
from pipeline.ocr.tablegrid import Word, find_tables

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
KONTUM25 = "kontum-2025-qd243-congbao"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
#: The page of the kontum-2021 poor scan that cites `Nghị quyết số 76/NQ-CP`.
PAGE_OF_76 = 5


def digital_page_text(name: str, index: int) -> str:
    doc = pdfium.PdfDocument(str(RAW / f"{name}.pdf"))
    try:
        return doc[index].get_textpage().get_text_range()
    finally:
        doc.close()


# --- CER ---------------------------------------------------------------------


def naive_levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcđô ", max_size=70), st.text(alphabet="abcđô ", max_size=70))
def test_levenshtein_matches_dynamic_programming(a, b):
    assert levenshtein(a, b) == naive_levenshtein(a, b)


def test_cer_collapses_whitespace_and_tabs():
    assert cer("a  b\tc\nd", "a b c d") == 0.0
    assert cer("abcd", "abed") == 0.25
    assert limit_for(Path("x.scan.pdf")) == 0.03 and limit_for(Path("x.scan-poor.pdf")) == 0.06


def test_cer_of_long_documents_is_fast():
    truth = (FIXTURES / f"{KONTUM25}.truth.txt").read_text(encoding="utf-8")
    rng = random.Random(0)
    noisy = list(truth)
    for _ in range(1000):
        noisy[rng.randrange(len(noisy))] = "x"
    import time

    started = time.perf_counter()
    value = cer(truth, "".join(noisy))
    assert time.perf_counter() - started < 10
    assert 0.005 < value < 0.03


# --- table grids on synthetic pages --------------------------------------------


def synthetic_table(angle: float = 0.0, dpi: int = 300, frame: int | None = 30) -> Image.Image:
    """A ruled 4x3 table with text, rotated by `angle` degrees, with specks; its left
    and right rules drawn in grey `frame` (None: not drawn)."""
    font = ImageFont.truetype(str(FONT), size=round(12 * dpi / 72))
    img = Image.new("L", (2480, 1600), 245)
    draw = ImageDraw.Draw(img)
    xs, ys = [200, 420, 1500, 2200], [300, 420, 540, 660, 780]
    for x in xs:
        fill = 30 if x not in (xs[0], xs[-1]) else frame
        if fill is not None:
            draw.line([(x, ys[0]), (x, ys[-1])], fill=fill, width=4)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=30, width=4)
    cells = [
        ["STT", "Chỉ tiêu", "Đơn vị"],
        ["1", "Tỷ lệ che phủ rừng", "%"],
        ["-", "Dân số trung bình", "Người"],
        ["2", "Thu ngân sách", "Tỷ đồng"],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            draw.text((xs[c] + 30, ys[r] + 30), text, font=font, fill=20)
    draw.text((200, 150), "Bảng chỉ tiêu phát triển", font=font, fill=20)
    rng = random.Random(1)
    for _ in range(300):
        x, y = rng.randrange(2480), rng.randrange(1600)
        draw.ellipse([x, y, x + 3, y + 3], fill=60)
    return img.rotate(angle, resample=Image.BILINEAR, fillcolor=245)


@pytest.mark.parametrize("angle", [0.0, 0.8, -1.2])
def test_find_tables_on_skewed_synthetic_table(angle):
    grids, mask = find_tables(np.asarray(synthetic_table(angle)), 300)
    assert len(grids) == 1
    assert (grids[0].n_rows, grids[0].n_cols) == (4, 3)
    # PIL turns counter-clockwise; the skew is measured with y pointing down
    assert abs(np.degrees(np.arctan(grids[0].skew)) + angle) < 0.15
    assert mask.any()


@pytest.mark.parametrize("angle", [0.0, 0.8])
def test_find_tables_on_a_bilevel_scan(angle):
    """A fax or thresholded photocopy holds only black and white: Otsu's split must
    still put the black in the ink (it found none, and the table was read as prose)."""
    bilevel = synthetic_table(angle).point(lambda v: 0 if v < 150 else 255)
    grids, _ = find_tables(np.asarray(bilevel), 300)
    assert len(grids) == 1 and (grids[0].n_rows, grids[0].n_cols) == (4, 3)


@pytest.mark.parametrize(("frame", "angle"), [(200, 0.0), (200, 0.8), (None, 0.0), (None, -1.2)])
def test_a_table_whose_outer_rules_faded_or_were_never_drawn(frame, angle):
    """A 200 dpi poor copy of a Government programme's appendix: the last column's right
    rule faded below the threshold while the rows ran on to it; the time column was read
    as a line of text after the table and its times lost. A table without side rules
    (rows only reach its edges) is framed where the rows end, too."""
    grids, _ = find_tables(np.asarray(synthetic_table(angle, frame=frame)), 300)
    assert len(grids) == 1 and (grids[0].n_rows, grids[0].n_cols) == (4, 3)
    cols = [c.pos for c in grids[0].cols]
    assert abs(cols[0] - 200) < 40 and abs(cols[-1] - 2200) < 40


def test_a_row_rule_that_stops_short_adds_no_column():
    """Rows that end apart (an underline past the table, a rule drawn short) frame nothing."""
    img = synthetic_table()
    draw = ImageDraw.Draw(img)
    draw.line([(2200, 420), (2450, 420)], fill=30, width=4)  # one row rule runs on
    grids, _ = find_tables(np.asarray(img), 300)
    assert len(grids) == 1 and (grids[0].n_rows, grids[0].n_cols) == (4, 3)


def _stacked_tables(angle: float = 0.0) -> Image.Image:
    """The last rows of one table, a two-line caption, then the next table: the frames in
    line, the inner columns not (an appendix's task table, then `PHỤ LỤC II` and its list)."""
    font = ImageFont.truetype(str(FONT), size=50)
    img = Image.new("L", (2480, 1700), 245)
    draw = ImageDraw.Draw(img)
    for xs, ys in (
        ([200, 420, 1300, 1800, 2200], [200, 320, 440]),
        ([200, 420, 1500, 1900, 2200], [800, 920, 1040, 1160]),
    ):
        for x in xs:
            draw.line([(x, ys[0]), (x, ys[-1])], fill=30, width=4)
        for y in ys:
            draw.line([(xs[0], y), (xs[-1], y)], fill=30, width=4)
    draw.text((260, 520), "PHỤ LỤC II", font=font, fill=20)
    draw.text((260, 620), "DANH MỤC DỰ ÁN", font=font, fill=20)
    return img.rotate(angle, resample=Image.BILINEAR, fillcolor=245)


@pytest.mark.parametrize("angle", [0.0, 0.8])
def test_two_tables_one_under_the_other_are_two_tables(angle):
    """A rendered scan of a decision with two appendices: the frames of the task table's
    last page and of the project list stood in line, and the two read as one table whose
    rows held both tables' columns, the caption a row of it (its title became a task)."""
    grids, _ = find_tables(np.asarray(_stacked_tables(angle)), 300)
    assert [(g.n_rows, g.n_cols) for g in grids] == [(2, 4), (3, 4)]


def test_a_merged_row_inside_a_table_does_not_part_it():
    """A group row with no inner rules (`B | Kinh tế số` across the table) still lies inside the frame."""
    img = synthetic_table()
    draw = ImageDraw.Draw(img)
    for y in range(424, 538):  # rub out the inner rules of the second row
        for x in (420, 1500):
            draw.line([(x - 4, y), (x + 4, y)], fill=245)
    grids, _ = find_tables(np.asarray(img), 300)
    assert len(grids) == 1 and (grids[0].n_rows, grids[0].n_cols) == (4, 3)


def test_text_without_rules_has_no_table():
    img = Image.new("L", (2480, 800), 255)
    font = ImageFont.truetype(str(FONT), size=54)
    draw = ImageDraw.Draw(img)
    for i in range(8):
        draw.text((200, 50 + 90 * i), "Độc lập - Tự do - Hạnh phúc ______ Điều 1. Quyết định", font=font, fill=0)
    draw.line([(900, 760), (1500, 760)], fill=0, width=3)  # a signature underline
    grids, _ = find_tables(np.asarray(img), 300)
    assert grids == []


def test_ocr_of_synthetic_table_gives_tab_separated_rows():
    page = ocr_image(synthetic_table(0.8), dpi=300)
    lines = page.text.splitlines()
    assert "Bảng chỉ tiêu phát triển" in lines[0]
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert len(rows) == 4 and all(len(r) == 3 for r in rows)
    assert rows[1][1] == "Tỷ lệ che phủ rừng" and rows[1][2] == "%"
    assert [r[0] for r in rows] == ["STT", "1", "-", "2"]
    assert page.tables == [rows]


# --- the sample scans ------------------------------------------------------------


def test_ocr_of_one_scanned_page_is_accurate():
    doc = pdfium.PdfDocument(str(RAW / "kiengiang-2020-kh182.scan.pdf"))
    img, dpi = page_image(doc, 1, 300)
    doc.close()
    page = ocr_image(img, dpi=dpi)
    assert cer(digital_page_text("kiengiang-2020-kh182", 1), page.text) < 0.03
    assert page.confidence > 80 and page.tables == []


@pytest.mark.parametrize("variant", ["scan", "scan-poor"])
def test_scanned_table_page_gives_tab_separated_rows(variant):
    page = ocr_pdf_page(RAW / f"{KONTUM25}.{variant}.pdf", 2)
    truth = (FIXTURES / f"{KONTUM25}.truth.txt").read_text(encoding="utf-8").splitlines()
    expected = [line.split("\t") for line in truth[28:52]]  # the rows on page 3
    rows = [line.split("\t") for line in page.text.splitlines() if "\t" in line]
    assert len(rows) == len(expected)
    assert all(len(r) == 5 for r in rows)
    grdp = next(r for r in rows if r[0] == "1")
    assert cer("Tốc độ tăng trưởng GRDP", grdp[1]) <= 0.05
    assert grdp[2:4] == ["", ""]
    assert cer("Chi Cục Thống kê; Sở Tài chính", grdp[4]) <= 0.05
    # cell by cell, the grid holds the right text in the right place
    cells = [(a, b) for got, want in zip(rows, expected, strict=False) for a, b in zip(got, want, strict=False)]
    assert sum(a == b for a, b in cells) >= 0.8 * len(cells)
    if variant == "scan":
        assert ["1", "Tốc độ tăng trưởng GRDP", "", "", "Chi Cục Thống kê; Sở Tài chính"] in rows
    # the title above the table comes first, as on the page
    lines = page.text.splitlines()
    assert any("PHỤ LỤC" in line for line in lines[: lines.index("\t".join(rows[0]))])


def test_plain_scanned_page_has_no_table():
    page = ocr_pdf_page(RAW / f"{KONTUM25}.scan-poor.pdf", 4)
    assert page.tables == [] and "\t" not in page.text


# --- image files and failures ------------------------------------------------------


def test_multi_page_tiff(tmp_path):
    pages = []
    for text in ("Kế hoạch thực hiện Quy hoạch tỉnh", "Điều 2. Tổ chức thực hiện"):
        img = Image.new("L", (2480, 400), 255)
        ImageDraw.Draw(img).text((200, 150), text, fill=0, font=ImageFont.truetype(str(FONT), size=54))
        pages.append(img)
    path = tmp_path / "two.tiff"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    result = read_image_pages(path)
    assert [p.number for p in result.pages] == [1, 2]
    assert result.ocr_pages == 2
    assert cer("Kế hoạch thực hiện Quy hoạch tỉnh", result.pages[0].text) < 0.05
    assert cer("Điều 2. Tổ chức thực hiện", result.pages[1].text) < 0.05


def test_oversized_image_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.png"
    Image.new("L", (400, 300), 255).save(path)
    monkeypatch.setattr(image_reader, "MAX_PIXELS", 100_000)
    with pytest.raises(ImageTooLargeError) as err:
        read_image_pages(path)
    assert "pixels" in str(err.value)


def test_truncated_image_raises_corrupt_file_error(tmp_path):
    good = tmp_path / "good.png"
    Image.new("L", (300, 300), 128).save(good)
    bad = tmp_path / "bad.png"
    bad.write_bytes(good.read_bytes()[:60])
    with pytest.raises(CorruptFileError):
        read_image_pages(bad)


def test_missing_language_data_is_an_ocr_error():
    with pytest.raises(OcrError) as err:
        ocr_image(Image.new("L", (200, 100), 255), lang="zzz")
    assert "zzz" in str(err.value)


# --- whole documents ----------------------------------------------------------------


@pytest.mark.slow
def test_whole_document_cer_within_limits():
    scans = sorted(RAW.glob("*.scan.pdf")) + sorted(RAW.glob("*.scan-poor.pdf"))
    assert len(scans) == 6
    rows = ocr_report(scans, FIXTURES)
    report = {r["file"]: (round(r["cer"], 4), round(r["text_cer"], 4)) for r in rows}
    for row in rows:
        assert row["cer"] <= row["limit"], report
        assert 50 <= row["confidence"] <= 100, row
        # The normaliser's line repairs take OCR's specks out: the text the tables hold
        # is closer to the page than OCR's. (`make bench` holds it to issue 11's goals,
        # 0.5 % and 1.2 %; a tenth more here, for another Tesseract build's noise.)
        assert row["text_cer"] < row["cer"], report
        assert row["text_cer"] <= (0.0055 if ".scan.pdf" in row["file"] else 0.0132), report


def test_tesseract_is_told_the_shapes_of_document_numbers(monkeypatch):
    import pytesseract

    from pipeline.ocr.engine import tesseract_options, tesseract_words

    seen = {}

    def fake(image, lang=None, config="", **kw):
        seen["config"] = config
        return ""

    monkeypatch.setattr(pytesseract, "image_to_data", fake)
    tesseract_words(Image.new("L", (50, 50), 255), "vie", 300, psm=6)
    assert seen["config"].startswith("--psm 6 --user-patterns ")
    path = Path(tesseract_options().split(" ", 1)[1])
    shapes = path.read_text(encoding="utf-8").splitlines()
    # National shapes every province cites, digits as Tesseract's classes, codes as written.
    assert {r"\d\*/NQ-CP", r"\d\*/QĐ-TTg", r"\d\*/\d\d\d\d/NĐ-CP", r"\d\*-NQ/TW"} <= set(shapes)
    assert all(s.startswith(r"\d\*") and not any(c.isdigit() for c in s) for s in shapes)


@pytest.mark.slow
def test_a_document_number_keeps_its_digits_on_a_poor_scan():
    # Without the patterns Tesseract read this page's `76/NQ-CP` as `7Ø/NQ-CP` (a new reference).
    text = ocr_pdf_page(str(RAW / "kontum-2021-ctrhd-06nqcp.scan-poor.pdf"), PAGE_OF_76).text
    assert "76/NQ-CP" in text
    assert "Ø" not in text


def test_ocr_check_without_a_transcript_reports_confidence_and_syllables(tmp_path):
    import pypdfium2 as pdfium

    # The first page of a scan, with no transcript anywhere near it.
    src = pdfium.PdfDocument(str(RAW / "kontum-2021-ctrhd-06nqcp.scan.pdf"))
    one = pdfium.PdfDocument.new()
    one.import_pages(src, [0])
    one.save(str(tmp_path / "page.pdf"))
    [row] = ocr_report([tmp_path / "page.pdf"], tmp_path / "no-truth-here")
    assert (row["pages"], row["cer"], row["wer"], row["limit"], row["passed"]) == (1, None, None, None, True)
    # A clean 300 dpi scan reads confidently and as Vietnamese.
    assert 70 <= row["confidence"] <= 100, row
    assert row["invalid"] < 0.05, row


# --- second reading of misread columns and debris lines -----------------------------


def _line(key, *parts, h=40):
    """Words of one line: parts are (text, left, top) with 40 px letters."""
    return [Word(text, left, top, 20 * len(text), h, 90.0, key) for text, left, top in parts]


def test_column_runs_find_side_by_side_blocks_off_baseline():
    from pipeline.ocr.reread import _column_runs

    lines = {}
    # a list on the left, a signature block on the right half a line lower
    for i in range(3):
        key = (1, 5, 1, i)
        lines[key] = _line(
            key,
            ("Bộ", 300, 1000 + 60 * i),
            ("Tài", 360, 1000 + 60 * i),
            ("CHỦ", 1500, 1030 + 60 * i),
            ("TỊCH", 1600, 1030 + 60 * i),
        )
    key = (1, 6, 1, 1)
    lines[key] = _line(key, ("Lưu:", 300, 1200), ("VT.", 400, 1200))  # left side only
    runs = _column_runs(lines, 40)
    assert len(runs) == 1
    run, gutter = runs[0]
    assert run == list(lines) and 420 < gutter < 1500


def test_a_gap_inside_one_column_does_not_break_the_run():
    from pipeline.ocr.reread import _column_runs

    lines = {}
    # the right column half a line lower; on line 1 the left column's words
    # stand apart (OCR lost the ones between them, under the seal)
    for i in range(4):
        key = (1, 7, 1, i)
        lines[key] = _line(
            key,
            ("Công", 300, 1000 + 60 * i),
            ("ty", 700 if i == 1 else 400, 1000 + 60 * i),
            ("CHỦ", 1500, 1030 + 60 * i),
        )
    runs = _column_runs(lines, 40)
    assert len(runs) == 1
    run, gutter = runs[0]
    assert run == list(lines) and 760 < gutter < 1500


def test_column_runs_leave_aligned_rows_and_paragraphs_alone():
    from pipeline.ocr.reread import _column_runs

    lines = {}
    for i in range(4):  # an unruled two-column list: cells on one baseline
        key = (1, 2, 1, i)
        lines[key] = _line(
            key,
            ("Số:", 300, 500 + 60 * i),
            ("243", 380, 500 + 60 * i),
            ("Kon", 1500, 500 + 60 * i),
            ("Tum", 1600, 500 + 60 * i),
        )
    key = (1, 3, 1, 1)  # then a full-width line across the gap
    lines[key] = _line(key, *[(w, 300 + 150 * i, 800) for i, w in enumerate("a b c d e f g h i k".split())])
    assert _column_runs(lines, 40) == []


@pytest.mark.parametrize("variant", ["scan", "scan-poor"])
def test_signature_block_beside_recipients_is_read_column_by_column(variant):
    page = ocr_pdf_page(RAW / f"kiengiang-2020-kh182.{variant}.pdf", 6)
    lines = page.text.splitlines()
    title = next(i for i, line in enumerate(lines) if "PHÓ CHỦ TỊCH" in line)
    assert any("Nguyễn Thanh Nhân" in line for line in lines[title:])
    # the whole recipients list comes before the signature block
    recipients = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    last = max(i for i, line in enumerate(lines) if "Lưu: VT" in line)
    assert recipients < last < title
    assert cer("- LĐVP, P.KT, P.TH;", next(ln for ln in page.text.splitlines() if "LĐVP" in ln)) < 0.1


# --- pages scanned on their side or upside down ------------------------------------


@pytest.fixture(scope="module")
def upright_page():
    doc = pdfium.PdfDocument(str(RAW / "kiengiang-2020-kh182.scan-poor.pdf"))
    img, dpi = page_image(doc, 1, 300)
    doc.close()
    return img, dpi, ocr_image(img, dpi=dpi).text


def test_a_page_scanned_on_its_side_reads_as_the_upright_page(upright_page):
    """Tesseract reads a page turned 90° as debris (mean confidence ~43) and
    the debris made the second reading's sheet too tall for it: the whole
    document failed (`Image too large: (394, 61878)`). Its orientation is now
    detected and the page turned before it is read."""
    img, dpi, upright = upright_page
    assert ocr_image(img.rotate(90, expand=True), dpi=dpi).text == upright


@pytest.mark.slow
@pytest.mark.parametrize("angle", [180, 270])
def test_a_page_upside_down_or_turned_the_other_way_reads_upright(upright_page, angle):
    # At 270° Tesseract reads the words right (confidence 94) as vertical lines, out of order.
    img, dpi, upright = upright_page
    assert ocr_image(img.rotate(angle, expand=True), dpi=dpi).text == upright


def _item_line(first: str, conf: float) -> list[Word]:
    key = (1, 4, 1, 2)
    words = _line(
        key, (first, 300, 1000), ("Ủy", 380, 1000), ("ban", 450, 1000), ("nhân", 540, 1000), ("dân", 650, 1000)
    )
    return [replace(words[0], conf=conf), *(replace(w, conf=96.0) for w in words[1:])]


@pytest.mark.parametrize(("reread_as", "kept"), [("2.", "2."), ("___", "SỐ"), ("Số", "SỐ")])
def test_a_doubted_first_word_is_read_again_and_kept_if_it_opens_an_item(reread_as, kept):
    """A rendered scan of a commune Party committee's plan: `2. Ủy ban …` read `SỐ Ủy ban …`
    (confidence 78 beside 96), the item lost; cut out, it reads `2.`. Only a label or a
    bullet replaces the first reading (`mẽ` re-read as `___` must not)."""
    from pipeline.ocr.reread import reread

    words = _item_line("SỐ", 78.0)
    sheets = []

    def read(sheet: Image.Image) -> list[Word]:
        sheets.append(sheet.size)
        return [Word(reread_as, 40, 50, 40, 40, 96.0, (1, 1, 1, 1)), Word("Ủy", 100, 50, 30, 40, 95.0, (1, 1, 1, 1))]

    out = reread(np.full((2000, 1500), 255, dtype=np.uint8), words, read)
    assert len(sheets) == 1
    assert [w.text for w in out] == [kept, "Ủy", "ban", "nhân", "dân"]
    assert len({w.line_key for w in out}) == 1  # still one line


def test_a_doubted_roman_numeral_read_again_on_a_poor_copy():
    """Page 2 of the 200 dpi poor copy: tesseract reads `II.` as `1i.` (the sections'
    look-alike repair would have put it right; here the OCR itself does)."""
    page = ocr_pdf_page(RAW / "kontum-2021-ctrhd-06nqcp.scan-poor.pdf", 1)
    assert "II. NHIỆM VỤ VÀ GIẢI PHÁP" in page.text.splitlines()


def test_a_sure_first_word_is_not_read_again():
    from pipeline.ocr.reread import reread

    sheets = []
    out = reread(np.full((2000, 1500), 255, dtype=np.uint8), _item_line("2.", 95.0), lambda s: sheets.append(s) or [])
    assert sheets == [] and out[0].text == "2."


def test_regions_too_many_for_one_sheet_are_read_on_several():
    from pipeline.ocr.reread import MAX_SHEET_PX, _read_regions, _Region

    pixels = np.full((3000, 1000), 255, dtype=np.uint8)
    regions = [_Region(("line", i), None, (0, 0, 900, 2000)) for i in range(20)]  # 40,000 px stacked
    heights = []

    def read(sheet: Image.Image) -> list[Word]:
        heights.append(sheet.height)
        # one word in the middle of every slot on the sheet
        slot = 2000 + 2 * 40
        n = (sheet.height - 2 * 40 + 2 * 40) // slot
        return [Word("chữ", 50, 40 + k * slot + 1000, 30, 10, 90.0, (1, 1, 1, 1)) for k in range(n)]

    found = _read_regions(pixels, regions, 40.0, read)
    assert len(heights) > 1 and max(heights) <= MAX_SHEET_PX
    assert {key[0] for key in found} == {r.unit for r in regions}


def _docx_of_pictures(pictures) -> bytes:
    import io

    import docx
    from docx.shared import Inches

    d = docx.Document()
    d.add_paragraph("Bản scan")  # a word or two typed beside the pictures
    for picture in pictures:
        buf = io.BytesIO()
        picture.save(buf, format="PNG")
        buf.seek(0)
        d.add_picture(buf, width=Inches(6))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_word_file_of_scanned_pages_is_read_by_ocr(tmp_path):
    """Scans pasted into Word: the pictures are the document, read as the PDF scan's pages are."""
    from pipeline.errors import EmptyFileError
    from pipeline.orchestrate.process import process_file

    pdf = pdfium.PdfDocument(str(RAW / "kiengiang-2020-kh182.scan.pdf"))
    try:
        page = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    path = tmp_path / "kiengiang-2020-kh182.docx"
    path.write_bytes(_docx_of_pictures([page]))
    done = process_file(path)
    doc = done.tables["documents"][0]
    assert (doc.source_format, doc.n_pages, doc.ocr_pages) == ("docx", 1, 1)
    assert (doc.doc_kind, doc.doc_number, doc.issuer) == ("ke_hoach", "182/KH-UBND", "Ủy ban nhân dân tỉnh Kiên Giang")
    with pytest.raises(EmptyFileError, match="run with OCR"):
        process_file(path, ocr=False)
    # a logo-sized picture beside a typed line is no scan: the line is the text
    small = tmp_path / "logo.docx"
    small.write_bytes(_docx_of_pictures([page.resize((300, 400))]))
    logo = process_file(small).tables["documents"][0]
    assert (logo.ocr_pages, logo.text_chars) == (0, len("Bản scan"))


# --- seals and signatures ------------------------------------------------------


def sealed_signature_block() -> Image.Image:
    """A signature block in colour: the title, a red seal stamped over the
    start of the signer's name, a blue signature across both; the inks
    multiplied over the print, as on paper."""
    bold = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
    page = Image.new("RGB", (1800, 900), (250, 249, 246))
    draw = ImageDraw.Draw(page)
    draw.text((900, 60), "KT. CHỦ TỊCH", font=ImageFont.truetype(bold, 50), fill=(15, 15, 15))
    draw.text((880, 130), "PHÓ CHỦ TỊCH", font=ImageFont.truetype(bold, 50), fill=(15, 15, 15))
    draw.text((820, 640), "Nguyễn Thành Sinh", font=ImageFont.truetype(bold, 50), fill=(15, 15, 15))
    ink = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(ink)
    red, (cx, cy, r) = (170, 20, 35), (860, 480, 230)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=12)
    draw.ellipse([cx - r + 70, cy - r + 70, cx + r - 70, cy + r - 70], outline=red, width=6)
    letters = ImageFont.truetype(bold, 34)
    for i, ch in enumerate("ỦY BAN NHÂN DÂN TỈNH LÀO CAI"):
        a = np.radians(200 + i * 11)
        draw.text((cx + (r - 40) * np.cos(a) - 12, cy + (r - 40) * np.sin(a) - 17), ch, font=letters, fill=red)
    draw.regular_polygon((cx, cy, 60), 5, fill=red)
    draw.line([(700 + 40 * k, 420 + (60 if k % 2 else -40) + 6 * k) for k in range(16)], fill=(20, 40, 170), width=7)
    return ImageChops.multiply(page, ink)


def test_the_signers_name_under_a_seal_is_read_and_the_seal_is_not(tmp_path):
    """Real class: the red seal over the signer's name (QD-1050's `Hoàng Chí Hiền`,
    lost; GP-2507's seal letters read into the block). As a PNG, and as a scan in
    a PDF (its embedded colour image)."""
    png, pdf = tmp_path / "block.png", tmp_path / "block.pdf"
    sealed_signature_block().save(png, dpi=(300, 300))
    sealed_signature_block().save(pdf, "PDF", resolution=300)
    for text in (read_image_pages(png).pages[0].text, ocr_pdf_page(pdf, 0).text):
        assert "Nguyễn Thành Sinh" in text
        assert "PHÓ CHỦ TỊCH" in text
        assert not re.search(r"NHÂN|DÂN|LÀO", text), text


def test_a_seal_drawn_over_a_pages_print_is_faded_when_the_page_is_rendered(tmp_path):
    """An e-signed PDF whose text is drawn, with the seal as a small picture on top
    (QD-1050, TB-1894): the page is rendered, and the seal's pixels become paper."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(300, 300)
    text = Image.new("L", (1250, 1250), 255)
    ImageDraw.Draw(text).text((100, 300), "Điều 1. Thành lập Đoàn kiểm tra", font=ImageFont.truetype(str(FONT), 50))
    for picture, box in ((text, (0, 0, 300, 300)), (sealed_signature_block(), (150, 150, 300, 225))):
        obj = pdfium.PdfImage.new(doc)
        obj.set_bitmap(pdfium.PdfBitmap.from_pil(picture))
        obj.set_matrix(pdfium.PdfMatrix().scale(box[2] - box[0], box[3] - box[1]).translate(box[0], box[1]))
        page.insert_obj(obj)
    page.gen_content()
    path = tmp_path / "signed.pdf"
    doc.save(str(path))
    doc.close()
    doc = pdfium.PdfDocument(str(path))
    try:
        grey, dpi = page_image(doc, 0, 150)
    finally:
        doc.close()
    pixels = np.asarray(grey)
    seal_area = pixels[int(75 / 72 * dpi) : int(150 / 72 * dpi), int(150 / 72 * dpi) :]
    # the seal's ring and star were as dark as print (~65); now only the print is dark
    assert (seal_area < 100).mean() < 0.02
    assert (seal_area < 100).any()
