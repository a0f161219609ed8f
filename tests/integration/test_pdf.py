"""PDF page text: text layer, tables, triage of bad text layers, errors."""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.errors import CorruptFileError, EmptyFileError, EncryptedPdfError, ReadError
from pipeline.evaluate.cer import cer, collapse
from pipeline.ingest.pdf import _Found, _kept, _prose_in_cells, assess_text_layer, read_pdf_pages

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
KONTUM25 = "kontum-2025-qd243-congbao"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


SENTENCE = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"


# --- building small PDFs by hand (no PDF writer is a dependency) ------------


def build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object 1 must be the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out.getvalue()


def stream(dictionary: bytes, data: bytes) -> bytes:
    return dictionary[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def sentence_image(text: str = SENTENCE, dpi: int = 300) -> Image.Image:
    """An A4-width strip with one line of 13 pt Vietnamese text."""
    font = ImageFont.truetype(str(FONT), size=round(13 * dpi / 72))
    img = Image.new("L", (round(8.27 * dpi), round(1.2 * dpi)), 255)
    ImageDraw.Draw(img).text((round(0.8 * dpi), round(0.4 * dpi)), text, font=font, fill=0)
    return img


def image_pdf_with_text_layer(img: Image.Image, layer: bytes, to_unicode: bytes) -> bytes:
    """One page showing `img`, with a text layer drawing the codes `layer`
    in a font whose ToUnicode map is `to_unicode` (a CMap body)."""
    w_pt, h_pt = img.width * 72 / 300, img.height * 72 / 300
    content = (
        b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q " % (w_pt, h_pt)
        + b"BT /F1 12 Tf 3 Tr 50 20 Td <"
        + layer.hex().encode()
        + b"> Tj ET"
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CMapName /T def 1 begincodespacerange <00> <FF> endcodespacerange "
        + to_unicode
        + b" endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>" % (w_pt, h_pt),
        stream(b"<< >>", content),
        stream(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode >>" % img.size,
            zlib.compress(img.tobytes()),
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        stream(b"<< >>", cmap),
    ]
    return build_pdf(objects)


# --- digital text layer ------------------------------------------------------


def test_digital_page_matches_truth_modulo_wrapping():
    result = read_pdf_pages(RAW / f"{KONTUM25}.pdf", ocr=False)
    assert result.n_pages == 22 and result.ocr_pages == 0
    page = result.pages[5]
    assert page.number == 6 and page.source == "text"
    assert "\r" not in page.text
    # the page number line is page furniture: not part of the truth text
    body = re.sub(r"^\d+\n", "", page.text)
    truth = collapse((FIXTURES / f"{KONTUM25}.truth.txt").read_text(encoding="utf-8"))
    assert collapse(body) in truth


def test_a_text_layer_says_which_lines_start_indented():
    """A paragraph's first line is set in; its wrapped lines start at the margin,
    also the first line of a page that goes on with a sentence ended on the page before."""
    page = read_pdf_pages(RAW / "kiengiang-2020-kh182.pdf", ocr=False).pages[4]
    lines = page.text.split("\n")
    assert len(page.indents) == len(lines)
    starts = {ln[:20]: indent for ln, indent in zip(lines, page.indents, strict=True)}
    assert starts["Có kế hoạch di dân c"] is False
    assert starts["Tăng cường nghiên cứ"] is True
    assert starts["nuôi và giống thủy s"] is False


def test_digital_table_page_has_tab_separated_rows():
    result = read_pdf_pages(RAW / f"{KONTUM25}.pdf", ocr=False)
    truth = (FIXTURES / f"{KONTUM25}.truth.txt").read_text(encoding="utf-8").splitlines()
    rows = [line for line in truth if "\t" in line]
    page3, page4 = result.pages[2], result.pages[3]
    assert "STT\tChỉ tiêu\tĐơn vị\tĐến năm 2030\tCơ quan chủ trì theo dõi, đánh giá" in page3.text.splitlines()
    assert "1\tTốc độ tăng trưởng GRDP\t\t\tChi Cục Thống kê; Sở Tài chính" in page3.text.splitlines()
    table_lines = [line for p in (page3, page4) for line in p.text.splitlines() if "\t" in line]
    assert table_lines == rows
    assert len(page3.tables) == 1 and page3.tables[0][0][0] == "STT"
    # text outside the table keeps its place and order
    lines = page3.text.splitlines()
    assert lines.index("PHỤ LỤC") < lines.index(rows[0])


def test_pages_without_tables_are_not_given_tables():
    result = read_pdf_pages(RAW / "kiengiang-2020-kh182.pdf", ocr=False)
    assert all(not p.tables and "\t" not in p.text for p in result.pages)


# --- triage of text layers -----------------------------------------------------


def test_assess_accepts_vietnamese_prose():
    assert assess_text_layer(SENTENCE * 3) is None


def test_assess_rejects_empty_and_lost_glyphs():
    assert assess_text_layer("  12 \n") == "no text layer"
    assert assess_text_layer("C\x00n c\x00 Lu\x00t T\x00 ch\x00c chính quyền " * 5) is not None
    assert assess_text_layer("C\ufffdn c\ufffd Lu\ufffdt T\ufffd ch\ufffdc " * 5) is not None
    assert assess_text_layer("C?n c? Lu?t T? ch?c ch?nh quy?n " * 5) is not None
    # a font without the accented letters, all of them shown as one junk glyph
    assert assess_text_layer("Cÿn cÿ Luÿt Tÿ chÿc chính quyÿn ÿÿa phÿÿng " * 5) is not None


def test_assess_takes_symbol_font_bullets_for_bullets_not_lost_glyphs():
    # Word exports a Symbol or Wingdings bullet as a private-use code; a page of
    # short bullet lines has many of them, and its text is fine.
    bullets = "".join(f"\uf0b7 Sở {name} phối hợp thực hiện;\n" for name in ("Tài chính", "Xây dựng", "Y tế") * 4)
    assert assess_text_layer(bullets) is None
    assert assess_text_layer(bullets.replace("ở", "\uf0b7")) is not None  # inside words they are lost letters


def test_assess_rejects_dropped_letters():
    dropped = "".join(c for c in SENTENCE if c.isascii())  # "Cn c Lut T chc ..."
    assert assess_text_layer((dropped + " ") * 6) is not None


def test_assess_keeps_legacy_encodings_for_the_normaliser():
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. "
    vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. "
    assert assess_text_layer(tcvn3 * 3) is None
    assert assess_text_layer(vni * 3) is None


def test_page_with_garbage_text_layer_is_ocrd(tmp_path):
    img = sentence_image()
    # every code of the text layer maps to U+FFFD: glyphs the font lost
    layer = bytes(range(0x21, 0x21 + 40))
    pdf = image_pdf_with_text_layer(img, layer, b"1 beginbfrange <00> <FF> <FFFD> endbfrange")
    path = tmp_path / "garbage.pdf"
    path.write_bytes(pdf)
    result = read_pdf_pages(path)
    assert result.pages[0].source == "ocr"
    assert cer(SENTENCE, result.pages[0].text) < 0.05
    # without OCR the (useless) layer is all there is
    assert read_pdf_pages(path, ocr=False).pages[0].source == "text"


def test_image_only_pdf_is_ocrd(tmp_path):
    path = tmp_path / "scan.pdf"
    sentence_image().save(path, "PDF", resolution=300)
    result = read_pdf_pages(path)
    assert [p.source for p in result.pages] == ["ocr"]
    assert cer(SENTENCE, result.pages[0].text) < 0.05
    assert result.pages[0].confidence > 50


def test_good_text_layer_over_an_image_is_not_ocrd(tmp_path):
    codes = bytes(range(1, len(SENTENCE) + 1))
    cmap = (
        b"%d beginbfchar " % len(SENTENCE)
        + b" ".join(b"<%02X> <%04X>" % (code, ord(ch)) for code, ch in zip(codes, SENTENCE, strict=False))
        + b" endbfchar"
    )
    path = tmp_path / "layer.pdf"
    path.write_bytes(image_pdf_with_text_layer(sentence_image(), codes, cmap))
    page = read_pdf_pages(path).pages[0]
    assert page.source == "text"
    assert collapse(page.text) == SENTENCE


# --- unreadable files ------------------------------------------------------------

MINIMAL = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
]


def test_encrypted_pdf_raises_actionable_error(tmp_path):
    # A Standard security handler whose /U does not match the empty user
    # password: readers must ask for the password.
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    pdf = build_pdf(MINIMAL + [encrypt], b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ")
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf)
    with pytest.raises(EncryptedPdfError) as err:
        read_pdf_pages(path)
    assert "encrypted" in str(err.value) and "password" in str(err.value)
    assert err.value.stage == "read" and isinstance(err.value, ReadError)


def test_truncated_pdf_raises_corrupt_file_error(tmp_path):
    data = (RAW / f"{KONTUM25}.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as err:
        read_pdf_pages(path)
    assert "truncated" in str(err.value)


def test_not_a_pdf_raises_corrupt_file_error(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"<html>not found</html>")
    with pytest.raises(CorruptFileError):
        read_pdf_pages(path)


def test_empty_file_and_zero_pages_raise_empty_file_error(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError):
        read_pdf_pages(empty)
    no_pages = tmp_path / "nopages.pdf"
    doc = pdfium.PdfDocument.new()
    doc.save(str(no_pages))
    with pytest.raises(EmptyFileError) as err:
        read_pdf_pages(no_pages)
    assert "no pages" in str(err.value)


def test_blank_page_is_not_ocrd(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(build_pdf(MINIMAL))
    result = read_pdf_pages(path)
    assert [(p.source, p.text) for p in result.pages] == [("text", "")]


REALWORLD = ROOT.parent / "shared" / "realworld"

#: A font whose map sends Vietnamese glyphs to Cyrillic and Armenian code points.
BROKEN_MAP = (
    "+ӗ Vѫ WKLӃW NӃ v‡ c·c YăQ EҧQ ph·p l˝ liÍn quan FӫD kho EҧR TXҧQ VLNCN; .LӇP ÿӏQK m·y, WKLӃW Eӏ cÛ yÍu FҫX "
    "nghiÍm QJһW YӅ an to‡n, YӋ sinh lao ÿӝQJ ThÙng b·o, b·o c·o ÿӏQK NǤ tÏnh hÏnh KRҥW ÿӝQJ Vӱ GөQJ YұW OLӋX"
)
#: An invisible OCR layer made without Vietnamese, under a scan.
NON_VIETNAMESE_OCR = (
    "CQNG HOA XA HQI CHU NGHIA VIET NAM DQc lAp - Tg do - Hqnh phfc PHIEU TRiNH GIAI QUYET CONG VIPC "
    "Kinh gfri: Linh tl4o S& Cdng Thucrng NQi dung trinh: K6t qu6 thAm dfnh Phu<rng 6n n5 min phpc vg thi c6ng "
    "ddo dri c6c hang muc c6ng trinh Thiry diQn Ngdi Nhir lA, xd Chi6ng Ken tr6n dia bdn t6nh Ldo Cai vdi c6c"
)
COORDINATES = "Tên điểm\nHệ tọa độ VN 2000\nMốc X Y\n" + "\n".join(
    f"M{i} 24986{i:02d},55 4071{i:02d},25" for i in range(1, 40)
)
ENGLISH_REFERENCES = (
    "THƯ MỤC TÀI LIỆU THAM KHẢO\n[1] QCVN 06:2022/BXD Quy chuẩn kỹ thuật quốc gia về an toàn cháy\n"
    "[2] Klote J. H., Milke J. A., Turnbull P. G., Kashef A., Ferreira M. J. Handbook of Smoke Control "
    "Engineering. American Society of Heating, Refrigerating and Air-Conditioning Engineers, Atlanta, 2012.\n"
    "[3] National Fire Protection Association. Standard for Smoke Control Systems. Quincy, Massachusetts, 2021.\n"
    "[4] Hướng dẫn tính toán thoát nạn cho người trong nhà và công trình khi có cháy. Viện Khoa học công nghệ "
    "xây dựng, Bộ Xây dựng, 2026. Design of smoke management systems for buildings and tunnels."
)


@pytest.mark.parametrize(
    ("text", "usable"),
    [(BROKEN_MAP, False), (NON_VIETNAMESE_OCR, False), (COORDINATES, True), (ENGLISH_REFERENCES, True)],
)
def test_text_layers_that_are_not_vietnamese_are_refused_foreign_or_figures_kept(text, usable):
    assert (assess_text_layer(text) is None) == usable, assess_text_layer(text)


def test_signature_field_text_is_read_and_rejected_pages_are_warned():
    from pipeline.ingest import read_document

    signed = REALWORLD / "plans" / "CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074.pdf"
    raw = read_document(signed, ocr=False)
    # The number and the day are drawn in the signature field, not the page.
    assert "7432" in raw.pages[0].split("V/v")[0]
    assert "ngày 21 tháng 7 năm 2026" in raw.pages[0]
    broken = read_document(REALWORLD / "pdf" / "TB-1894-ket-qua-sau-kiem-tra-VLNCN-ban-ky.pdf", ocr=False)
    assert broken.warnings and broken.warnings[0].startswith("text layer rejected on pages 1-2")


# --- what e-signing tools draw in signature fields --------------------------


def _text_at(x: int, y: int, text: bytes) -> bytes:
    return b"BT /F1 12 Tf %d %d Td (%s) Tj ET\n" % (x, y, text)


def signed_pdf(table: bool) -> bytes:
    """A page whose number, day and month are blanks (a month typed in before
    signing included) filled by signature fields, as Vietnamese e-signing
    tools do, a signer's block on a line of its own, and (`table`) a ruled
    table below, which sends the page through the table reader."""
    content = (
        _text_at(72, 700, b"So:")
        + _text_at(110, 700, b"/KH-UBND")
        + _text_at(300, 700, b"Ha Noi, ngay")
        + _text_at(390, 700, b"thang")
        + _text_at(430, 700, b"4")
        + _text_at(445, 700, b"nam 2026")
        + _text_at(72, 650, b"Noi dung cua ke hoach.")
    )
    if table:
        content += b"".join(b"%d %d 200 20 re S\n" % xy for xy in ((72, 560), (272, 560), (72, 540), (272, 540)))
        content += _text_at(76, 566, b"Don vi") + _text_at(276, 566, b"Thoi han")
        content += _text_at(76, 546, b"So Tai chinh") + _text_at(276, 546, b"Quy IV")
    fields = [(90, 696, b"12"), (368, 696, b"05"), (429, 696, b"5"), (72, 676, b"Ky boi: So Tai chinh")]
    first = 6  # object number of the first field
    annots = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(fields)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] /SigFlags 3 >> >>" % annots,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Annots [%s] >>" % annots,
        stream(b"<< >>", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, (x, y, text) in enumerate(fields):
        width = 7 * len(text) + 4
        objects.append(
            b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Sig%d) /F 4 /P 3 0 R "
            b"/Rect [%d %d %d %d] /AP << /N %d 0 R >> >>" % (i, x - 1, y - 2, x + width, y + 14, first + 2 * i + 1)
        )
        objects.append(
            stream(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 %d 16] /Resources << /Font << /F1 5 0 R >> >> >>"
                % (width + 1),
                b"BT /F1 12 Tf 1 2 Td (%s) Tj ET" % text,
            )
        )
    return build_pdf(objects)


@pytest.mark.parametrize("table", [False, True], ids=["plain", "ruled"])
def test_signature_field_text_is_read_where_it_is_drawn(table, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf(table))
    [page] = read_pdf_pages(path, ocr=False).pages
    lines = [re.sub(" +", " ", line).strip() for line in page.text.splitlines()]
    # the number between `Số:` and the symbol, the day after `ngày`; the month
    # stamped over the one typed before signing replaces it
    assert lines[0] == "So: 12 /KH-UBND Ha Noi, ngay 05 thang 5 nam 2026"
    # a field on a line of its own stays in reading order, above what is below it
    assert lines[1:3] == ["Ky boi: So Tai chinh", "Noi dung cua ke hoach."]
    if table:
        assert lines[3:] == ["Don vi\tThoi han", "So Tai chinh\tQuy IV"]
        assert page.tables == [[["Don vi", "Thoi han"], ["So Tai chinh", "Quy IV"]]]


def test_signed_number_and_date_are_read_on_real_pages_with_tables():
    from pipeline.orchestrate.process import process_file

    # a header laid out as a ruled table: the fields' text used to be lost there
    cv = process_file(REALWORLD / "pdf" / "CV-UBND-tinh-chi-dao-quan-ly-giam-sat-VLNCN.pdf", ocr=False).document
    assert (cv.doc_number, cv.issue_date) == ("193/UBND-KT", dt.date(2026, 1, 10))
    # an appendix caption on a ruled page: `Quyết định số /QĐ-UBND ngày / /2026`
    qd = read_pdf_pages(REALWORLD / "pdf" / "QD-2170-2026-CTDT-KCN-Ban-Qua.pdf", ocr=False)
    assert "Quyết định số 2170 /QĐ-UBND ngày 23 / 6 /2026" in qd.pages[4].text
    # `tháng 4` typed in, `5` signed over it
    uq = process_file(REALWORLD / "pdf" / "QD-1696-QD-UBND-uy-quyen-15-5-2026.pdf", ocr=False).document
    assert uq.issue_date == dt.date(2026, 5, 15)


def test_pdfium_hyphen_mark_is_read_as_the_hyphen_it_is():
    # PDFium gives U+FFFE for a hyphen it takes to end a line; in a số hiệu it
    # is the hyphen of `QĐ-UBND`.
    pages = read_pdf_pages(REALWORLD / "pdf" / "CV-6791-SNNMT-17-7-2026-y-kien-tham-dinh-CCN-Bao-Dap.pdf", ocr=False)
    text = "".join(p.text for p in pages.pages)
    assert "\ufffe" not in text
    assert "Quyết định số 2257/QĐ-UBND" in " ".join(text.split())


def test_a_scan_signed_by_an_e_signing_tool_is_ocrd_not_read_as_its_stamp(tmp_path):
    """Government gazette scans are e-signed: the signature field's stamp
    (`Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ …`) was page 1's only text, so
    the page was taken as read and never OCR'd: the header, the title and the
    first articles were lost (two real Nghị quyết/Nghị định scans)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(REALWORLD / "scanned" / "NQ-19-2026-NQ-CP.pdf"))
    first = pdfium.PdfDocument.new()
    first.import_pages(source, [0])
    cut = tmp_path / "nq-19-page-1.pdf"
    first.save(str(cut))
    unread = read_pdf_pages(cut, ocr=False)
    assert "Người ký" not in unread.pages[0].text
    page = read_pdf_pages(cut).pages[0]
    assert page.source == "ocr"
    assert "NGHỊ QUYẾT" in page.text and "Điều 1" in page.text


def test_lines_drawn_over_a_justified_paragraph_make_no_table():
    """A real provincial công văn: pdfplumber found "tables" of word fragments over its
    paragraphs (`T | ăng | cường`); read as tables, items a)–đ) were lost. Its real
    layout keeps no tab-separated line, and a target table's rows stay a table."""
    result = read_pdf_pages(REALWORLD / "pdf" / "CV-UBND-tinh-chi-dao-quan-ly-giam-sat-VLNCN.pdf", ocr=False)
    assert not any("\t" in p.text for p in result.pages)
    assert "a) Tăng cường công tác tuyên truyền" in "\n".join(p.text for p in result.pages)
    assert _prose_in_cells([["", "", "a)", "T", "ăng", "cường", "công", "", "tác", "tuy", "ên truyền"]] * 2)
    target_rows = [["STT", "Chỉ tiêu", "Đơn vị", "Năm 2025", "Năm 2030"], ["1", "Tỷ lệ che phủ rừng", "%", "45", "47"]]
    assert not _prose_in_cells(target_rows * 3)


def _table(rows: int, columns: int, top: float, bottom: float) -> _Found:
    return _Found((50.0, top, 550.0, bottom), [[f"c{j}" for j in range(columns)] for _ in range(rows)], 800.0)


def test_a_row_a_page_break_cut_off_is_the_tables():
    """A table's header alone at a page's foot over its rows on the next page, or its last row
    alone at the next page's head (Chromium prints of invented plans): part of the table."""
    found = {
        0: [_table(1, 5, 720, 760)],
        1: [_table(2, 5, 30, 90)],
        2: [_table(3, 4, 600, 780)],
        3: [_table(1, 4, 30, 50)],
    }
    assert [len(_kept(found, i)) for i in range(4)] == [1, 1, 1, 1]


def test_a_box_alone_is_no_table():
    found = {
        0: [_table(1, 2, 300, 340)],  # mid-page: a framed note
        1: [_table(1, 5, 720, 760)],  # at the foot, but the next page opens on no table of five columns
        2: [_table(2, 4, 30, 90)],
    }
    assert [len(_kept(found, i)) for i in range(3)] == [0, 0, 1]
