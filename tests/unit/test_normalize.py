"""The normaliser on real lines from the samples."""

import textwrap
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize.pages import (
    Line,
    blank_line_layout,
    clean_chars,
    dewrap,
    drop_furniture,
    normalize_pages,
    normalize_text,
    normalize_tone_marks,
    split_header,
    starts_paragraph,
    strip_markdown,
)
from tests.samples import SAMPLES, text_sample, truth_text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Tỷ lệ đô thị hoá", "Tỷ lệ đô thị hóa"),
        ("Thuỷ sản", "Thủy sản"),
        ("quản lý thuỷ lợi, hoà nhập", "quản lý thủy lợi, hòa nhập"),
        ("hoàn thành", "hoàn thành"),  # mark stays before a final consonant
        ("quý III/2024", "quý III/2024"),  # qu + ý is not the uy vowel pair
        ("KHOẺ MẠNH", "KHỎE MẠNH"),
    ],
)
def test_tone_marks_one_convention(raw, expected):
    assert normalize_tone_marks(raw) == expected


def test_clean_chars_nfc_and_odd_characters():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    out = clean_chars(decomposed + "\u00a0QÐ-UBND\u200b\r\n")
    assert out == "Ủy ban nhân dân tỉnh QĐ-UBND\n"
    assert unicodedata.is_normalized("NFC", out)


def test_clean_chars_spaces_controls_and_invisibles():
    # Odd spaces and control characters become spaces; soft hyphens and zero
    # widths vanish; tabs (table cells) and line breaks stay.
    raw = "a\u2002b\u3000c\x07d\x7fe\x0bf\u00adg\ufeffh\u2060i\tj\nk"
    assert clean_chars(raw) == "a b c d e fghi\tj\nk"


def test_a_zero_width_space_between_two_words_is_their_space():
    """A web page breaks words with it: `Sở Tài\u200bchính` is `Sở Tài chính`; beside a space it vanishes."""
    assert clean_chars("Sở Tài\u200bchính, Sở\u200b Y tế, 12/\u200bQĐ") == "Sở Tài chính, Sở Y tế, 12/QĐ"


def test_dash_lookalikes_read_as_the_hyphen_and_bullet_glyphs_as_the_bullet():
    # Word's non-breaking hyphen, a minus sign, a fullwidth hyphen; Symbol and
    # Wingdings bullets (private-use codes), squares and arrowheads at a line start.
    raw = "Số: 12/QĐ\u2011UBND\n\u2212 Trang bị\n  \uff0d Sở Y tế\n\uf0b7 Sở Tài chính\n\u25aa Sở\n\u27a2 Sở\n\uf02d Tổ chức"
    assert clean_chars(raw) == "Số: 12/QĐ-UBND\n- Trang bị\n  - Sở Y tế\n• Sở Tài chính\n• Sở\n• Sở\n- Tổ chức"
    # Inside a line a square is not a bullet.
    assert clean_chars("ô \u25aa vuông") == "ô \u25aa vuông"


def test_markdown_noise_removed_and_blocks_flagged():
    assert strip_markdown("#### **I. MỤC ĐÍCH, YÊU CẦU**") == ("I. MỤC ĐÍCH, YÊU CẦU", True)
    assert strip_markdown("**ỦY BAN NHÂN DÂN  ") == ("ỦY BAN NHÂN DÂN", False)
    text, hard = strip_markdown("a) Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở ngành, địa phương:")
    assert text.startswith("a) Sở") and not hard


def test_gazette_banner_url_and_page_numbers_dropped():
    pages = [
        [
            Line("  64                     CÔNG BÁO/Số 27+28+29+30/Ngày 19-6- 2025  ", 1),
            Line("ỦY BAN NHÂN DÂN", 1),
            Line("12", 1),
        ],
        [
            Line("2", 2),
            Line("https://thuvienphapluat.vn/van-ban/tai-nguyen-moi-truong/quyet-dinh-1055-qd-ttg-2020.aspx", 2),
            Line("- Mầm non % >60", 2),
            Line("13", 2),
            Line("- Tiểu học % >80", 2),
        ],
    ]
    kept = [[ln.text for ln in page] for page in drop_furniture(pages)]
    assert kept == [["ỦY BAN NHÂN DÂN"], ["- Mầm non % >60", "13", "- Tiểu học % >80"]]


def test_a_lone_letter_ending_a_page_is_a_speck_not_text():
    """`Ấ` under a real scan's last line (31.3.2026_BB), `Ủ` a browser's print drew above a page break."""
    pages = [
        [Line("1. Phòng Kinh tế chủ trì thực hiện.", 1), Line("Ủ", 1)],
        [Line("2. Ủy ban nhân dân các xã tổ chức thực hiện.", 2), Line("Ấ", 2)],
    ]
    kept = [[ln.text for ln in page] for page in drop_furniture(pages)]
    assert kept == [["1. Phòng Kinh tế chủ trì thực hiện."], ["2. Ủy ban nhân dân các xã tổ chức thực hiện."]]


def test_running_header_repeated_on_pages_is_removed():
    bodies = [
        "Tăng cường quản lý tài nguyên.",
        "Bảo vệ môi trường sống.",
        "Phòng, chống thiên tai.",
        "Tổ chức thực hiện.",
    ]
    pages = [[Line(f"KẾ HOẠCH SỐ 182/KH-UBND TRANG {i}", i), Line(body, i)] for i, body in enumerate(bodies, 1)]
    kept = drop_furniture(pages)
    assert [[ln.text for ln in p] for p in kept] == [[b] for b in bodies]


def test_two_column_header_split():
    assert split_header("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]
    assert split_header("Số: 182 /KH-UBND Kiên Giang, ngày 27 tháng 11 năm 2020") == [
        "Số: 182 /KH-UBND",
        "Kiên Giang, ngày 27 tháng 11 năm 2020",
    ]
    assert split_header("Tăng cường quản lý tài nguyên") == ["Tăng cường quản lý tài nguyên"]


def test_the_header_splits_quick_check_hides_no_split():
    # `split_header` tries its patterns only on lines that hold what they all need: every
    # line of the samples' texts and OCR truths, and every line once its own header line is
    # glued before it, splits as the patterns alone split it.
    from extractors.normalize import pages

    def unfiltered(line):
        for pattern in pages._HEADER_SPLITS:
            m = pattern.match(line)
            if m and m.group("left").strip():
                return unfiltered(m.group("left").strip()) + unfiltered(m.group("right").strip())
        return [line]

    lines = {
        ln.strip()
        for name in SAMPLES
        for ln in (text_sample(name).read_text(encoding="utf-8") + truth_text(name)).splitlines()
        if ln.strip()
    }
    glued = {
        f"{a} {b}"
        for a in sorted(lines)[::7]
        for b in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 2 tháng 3 năm 2024")
    }
    heads = [ln for ln in lines | glued if split_header(ln) != [ln]]
    assert len(heads) >= len(glued) // 2  # the check lets through what the patterns split
    for line in sorted(lines | glued):
        assert split_header(line) == unfiltered(line), line


def test_header_split_reads_the_motto_as_ocr_spells_it_and_the_column_line_after_it():
    # A real scan's transcript: the issuer column's second line read after the motto, `HÕA` for `HÒA`.
    assert split_header("UBND TỈNH LÀO CAI CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ CÔNG THƯƠNG") == [
        "UBND TỈNH LÀO CAI",
        "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ CÔNG THƯƠNG",
    ]
    assert split_header("SỐ: 12/KH-UBND Kon Tum, ngày 3 tháng 2 năm 2021") == [
        "SỐ: 12/KH-UBND",
        "Kon Tum, ngày 3 tháng 2 năm 2021",
    ]
    assert split_header("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


@pytest.mark.parametrize(
    "prev, line, new",
    [
        (
            "Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường",
            "(BAU); đạt mức tiết kiệm năng lượng",
            False,
        ),
        (
            "- Nâng cao năng lực ứng phó với biến đổi khí hậu. Chủ động phòng,",
            "chống và giảm thiểu thiệt hại thiên tai;",
            False,
        ),
        ("trong giai đoạn 2015 - 2020.", "- Giảm 7,3% phát thải khí nhà kính", True),
        ("thuộc kế hoạch đầu tư công giai đoạn 2021", "- 2025; tích hợp quy hoạch ngành", False),
        ("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017;", "Căn cứ Nghị định số 22/2025/NĐ-CP", True),
        ("tầm nhìn đến năm 2050;", "Nghị quyết số 90/NQ-CP ngày 16 tháng 6 năm 2023", False),
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", True),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", True),
        ("PHÓ CHỦ TỊCH", "Nguyễn Hữu Tháp", True),
        ("KẾ HOẠCH", "Thực hiện Kế hoạch số 211-KH/TU ngày 11-6-2020", True),
        ("I. MỤC ĐÍCH, YÊU CẦU", "1. Quán triệt đầy đủ, sâu sắc nội dung", True),
        ("b) Về quản lý tài nguyên", "- Tiếp tục điều tra, đánh giá tiềm năng", True),
        (
            "- Căn cứ Chương trình hành động này và tình hình cụ thể của địa phương, đơn vị xây dựng và tổ chức thực hiện các nội dung của",
            "Chương trình thuộc phạm vi quản lý của mình",
            False,
        ),
    ],
)
def test_paragraph_starts(prev, line, new):
    assert starts_paragraph(prev, line) is new


def test_dewrap_joins_real_wrapped_lines_and_tracks_pages():
    lines = [
        Line("- Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường", 1),
        Line("(BAU); đạt mức tiết kiệm năng lượng 5,0 - 7,0% tổng tiêu thụ năng lượng.", 2),
        Line("b) Về quản lý tài nguyên", 2),
    ]
    paras = dewrap(lines)
    assert [p.text for p in paras] == [
        "- Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường (BAU); đạt mức tiết kiệm năng lượng 5,0 - 7,0% tổng tiêu thụ năng lượng.",
        "b) Về quản lý tài nguyên",
    ]
    assert paras[0].breaks == [(len(lines[0].text) + 1, 2)]


def test_page_starts_point_at_each_page():
    norm = normalize_pages(["1. Mở đầu trang một\nkết thúc câu.", "2\n2. Trang hai bắt đầu."])
    assert norm.text == "1. Mở đầu trang một kết thúc câu.\n2. Trang hai bắt đầu."
    assert norm.page_starts == [0, norm.text.index("2. Trang")]


@pytest.mark.parametrize("name", SAMPLES)
def test_text_samples_dewrap_to_truth_paragraphs(name):
    """Prose paragraphs of the raw text samples come back as in the truth text."""
    import difflib

    path = text_sample(name)
    out = normalize_text(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md").split("\n")
    truth = [ln for ln in truth_text(name).split("\n") if "\t" not in ln]
    out = [ln for ln in out if "\t" not in ln]
    ratio = difflib.SequenceMatcher(None, truth, out, autojunk=False).ratio()
    assert ratio >= 0.9, ratio


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalize_never_raises(raw):
    out = normalize_text(raw)
    assert isinstance(out, str)
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_document_is_decoded(encoding):
    from extractors.normalize.legacy import encode_legacy

    para = (
        "Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường; "
        "Quyết định số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020 của Thủ tướng Chính phủ"
    )
    out = normalize_text(encode_legacy(para, encoding))
    assert out.lower() == para.lower()
    # A Unicode document is left exactly as it is.
    assert normalize_text(para) == para


@pytest.mark.parametrize(
    "prev, line, new",
    [
        (
            "Luật sửa đổi, bổ sung một số điều của 37 luật",
            "- có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018",
            False,
        ),
        (
            "Nghị quyết số 81/2023/QH15 ngày 09 tháng 01 năm 2023 của Quốc",
            "- hội về Quy hoạch tổng thể quốc gia",
            False,
        ),
        ("Các nhiệm vụ cụ thể như sau:", "- tăng cường công tác tuyên truyền;", True),
    ],
)
def test_ocr_dash_before_wrapped_line(prev, line, new):
    assert starts_paragraph(prev, line) is new


@pytest.mark.parametrize(
    "prev, line, new",
    [
        # `số` is "digital" at a heading's end: what follows is the item's own text …
        ("2. Phát triển hạ tầng số", "Phòng Kinh tế chủ trì, phối hợp với Công an xã rà soát.", True),
        ("b) Xây dựng chính quyền số", "Sở Khoa học và Công nghệ chủ trì.", True),
        ("3. Phát triển công dân số", "- Hướng dẫn người dân cài đặt ứng dụng định danh.", True),
        # … and a name's head still runs on into the next line.
        ("1. Phối hợp với Sở", "Tài chính bố trí kinh phí", False),
    ],
)
def test_a_heading_ending_on_the_word_digital_is_whole(prev, line, new):
    assert starts_paragraph(prev, line) is new


@pytest.mark.parametrize(
    "line, parts",
    [
        ("_ỦY BAN NHÂN DÂN", ["ỦY BAN NHÂN DÂN"]),
        ("Nơi nhận: TM. ỦY BAN NHÂN DÂN", ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]),
        ("- CT và các PCT. UBND tỉnh; PHO CHU TỊCH", ["- CT và các PCT. UBND tỉnh;", "PHO CHU TỊCH"]),
        ("KT. CHỦ TỊCH", ["KT. CHỦ TỊCH"]),
        ("- Điều 2. Thủ trưởng các sở", ["Điều 2. Thủ trưởng các sở"]),
        ("-_ 3.3. Tầm nhìn đến năm 2050", ["3.3. Tầm nhìn đến năm 2050"]),
        (": d).Sở Giao thông vận tải chủ trì", ["d).Sở Giao thông vận tải chủ trì"]),  # a poor scan's speck both sides
        ("——__©) Ban Chỉ huy Phòng chống thiên tai", ["c) Ban Chỉ huy Phòng chống thiên tai"]),
        ("ä) Nâng cao nhận thức", ["a) Nâng cao nhận thức"]),
        ("e) Chủ động hợp tác | |", ["e) Chủ động hợp tác"]),
        ("2.1. Sở Tài chính . - Chủ trì, phối hợp sở", ["2.1. Sở Tài chính .", "- Chủ trì, phối hợp sở"]),
        ("Nông - Lâm - Thủy sản", ["Nông - Lâm - Thủy sản"]),
        ("giai đoạn 2015 - 2020.", ["giai đoạn 2015 - 2020."]),
        # low quotes read from specks before an item's number (rendered scans, two seeds)
        (",„ 1, Phòng Văn hóa - Xã hội là cơ quan thường trực", ["1, Phòng Văn hóa - Xã hội là cơ quan thường trực"]),
        ("„1. Phòng Văn hóa - Xã hội là cơ quan thường trực", ["1. Phòng Văn hóa - Xã hội là cơ quan thường trực"]),
        # the signer's title behind a speck read as a small letter (a council's resolution, poor copy)
        ("Nơi nhận: ị CHỦ TỊCH", ["Nơi nhận:", "CHỦ TỊCH"]),
        ("Nơi nhận: GIÁM ĐỐC.", ["Nơi nhận:", "GIÁM ĐỐC"]),  # a speck after it (a police plan, poor copy)
        ("- Lưu: VT, KGVX.", ["- Lưu: VT, KGVX."]),
    ],
)
def test_ocr_debris_repaired(line, parts):
    from extractors.normalize.pages import repair_ocr_debris

    assert repair_ocr_debris(line) == parts


@pytest.mark.parametrize(
    "item", ["a) Nâng cao nhận thức", "b. Tập trung hoàn thiện", "- rà soát quy hoạch", "đ) Tăng chi"]
)
def test_a_docx_paragraph_opening_with_a_label_is_never_joined_to_the_one_above(item):
    from extractors.normalize.pages import continues_paragraph

    assert not continues_paragraph("1. Các nhiệm vụ, giải pháp chung", item)


def test_a_docx_sentence_cut_in_two_is_joined():
    from extractors.normalize.pages import continues_paragraph

    assert continues_paragraph("Sở Tài chính chủ trì, phối hợp với", "các sở, ngành liên quan thực hiện.")


@pytest.mark.parametrize("dash", ["~", ".~", "_", "_=", "__¬", "¬", "“=", "._-", ":", ".___", ",_"])
def test_a_bullet_dash_ocr_misread_is_a_dash_again(dash):
    from extractors.normalize.pages import repair_ocr_debris

    assert repair_ocr_debris(f"{dash} Triển khai áp dụng các công cụ kinh tế") == [
        "- Triển khai áp dụng các công cụ kinh tế"
    ]


@pytest.mark.parametrize("dash", ["=", "__ =", "~", "¬"])
def test_a_bullet_dash_ocr_misread_and_glued_to_its_word_is_a_dash_again(dash):
    """`__ =Căn cứ Chương trình …`: the poor copy of kontum-2021, whose item ran into the one above."""
    from extractors.normalize.pages import repair_ocr_debris

    assert repair_ocr_debris(f"{dash}Căn cứ Chương trình hành động này") == ["- Căn cứ Chương trình hành động này"]


def test_the_rule_under_the_motto_is_no_bullet():
    from extractors.normalize.pages import repair_ocr_debris

    assert repair_ocr_debris("__ Kiên Giang, ngày 27 tháng 11 năm 2020") == ["Kiên Giang, ngày 27 tháng 11 năm 2020"]


@pytest.mark.parametrize("kind", ["KẼHOẠCH _", "KẾHOẠCH", "QUYÊT ĐỊNH"])
def test_a_kind_line_ocr_glued_or_misread_stays_on_its_own_line(kind):
    text = normalize_text(f"Kiên Giang, ngày 27 tháng 11 năm 2020\n{kind}\nThực hiện Kế hoạch số 211-KH/TU")
    assert text.split("\n")[0] == "Kiên Giang, ngày 27 tháng 11 năm 2020"
    assert text.split("\n")[-1] == "Thực hiện Kế hoạch số 211-KH/TU"


def test_html_left_in_markdown_is_read_as_what_it_stands_for():
    from extractors.normalize.pages import unhtml_markdown

    assert unhtml_markdown("**ỦY BAN NHÂN DÂN<br>TỈNH KIÊN GIANG**") == "**ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG**"
    assert unhtml_markdown("Sở&nbsp;Tài chính &amp; Sở Xây dựng") == "Sở\u00a0Tài chính & Sở Xây dựng"
    # inside a pipe table's row a break would cut the row: a space
    assert unhtml_markdown("| 1 | Sở Tài chính<br/>Sở Xây dựng | 2026 |") == "| 1 | Sở Tài chính Sở Xây dựng | 2026 |"


@pytest.mark.parametrize("glyph", ["Ø", "§", "ü", "o"])
def test_symbol_font_bullets_in_latin1_read_as_bullets(glyph):
    assert clean_chars(f"{glyph} Rà soát quy hoạch\n{glyph}\tXây dựng") == "• Rà soát quy hoạch\n•\tXây dựng"


def test_a_tcvn3_letter_is_no_bullet():
    # `§` is TCVN3's `Đ`: decoded, not read as a bullet; `o` before a small letter is a word's
    assert clean_chars("§iÒu 1. Ph¹m vi ®iÒu chØnh").startswith("Điều 1.")
    assert clean_chars("o tr") == "o tr"


@pytest.mark.parametrize("label", ["1.", "a)", "-", "•", "II.", "(1)", "1.2."])
def test_a_label_and_a_tab_is_a_list_item_not_a_table_row(label):
    assert normalize_text(f"I. NHIỆM VỤ\n{label}\tRà soát quy hoạch vùng nguyên liệu.") == (
        f"I. NHIỆM VỤ\n{label} Rà soát quy hoạch vùng nguyên liệu."
    )
    # a table's number cell has no mark, its rows more cells
    assert "\t" in normalize_text("STT\tNhiệm vụ\n1\tRà soát quy hoạch")


def test_a_paragraph_indented_with_a_tab_is_prose_not_a_table_row():
    # a typist's first-line indents, kept by a plain-text export
    text = "I. NHIỆM VỤ\n\t1.\tRà soát quy hoạch.\n\t- Sở Tài chính chủ trì.\n\t\ta) Lập dự toán."
    assert normalize_text(text) == "I. NHIỆM VỤ\n1. Rà soát quy hoạch.\n- Sở Tài chính chủ trì.\na) Lập dự toán."


def test_a_tables_continuation_row_keeps_its_empty_cells():
    rows = "STT\tNhiệm vụ\tChủ trì\n1\tRà soát quy hoạch\tSở Nội vụ\n\t\tSở Tài chính\n2\tLập dự toán\tSở Y tế"
    assert normalize_text(rows) == rows
    # a row with one filled cell among empty ones
    assert normalize_text("Ghi chú\n\tNhóm 1.4\t\t\nHết") == "Ghi chú\n\tNhóm 1.4\t\t\nHết"


def test_unicode_roman_numeral_characters_read_as_letters():
    assert clean_chars("Ⅱ. NHIỆM VỤ\nⅫ. KINH PHÍ") == "II. NHIỆM VỤ\nXII. KINH PHÍ"


def test_a_heading_that_names_a_group_of_localities_is_not_run_on():
    text = normalize_text(
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành liên quan tham mưu\n"
        "bố trí kinh phí thực hiện Kế hoạch theo quy định của pháp luật hiện hành.\n"
        "2. Ủy ban nhân dân các huyện, thành phố\n"
        "Chỉ đạo các phòng chuyên môn triển khai thực hiện nội dung của Kế hoạch.\n"
        "3. Ủy ban nhân dân tỉnh\n"
        "Kon Tum chỉ đạo thực hiện."
    )
    assert "2. Ủy ban nhân dân các huyện, thành phố\nChỉ đạo" in text
    assert "3. Ủy ban nhân dân tỉnh Kon Tum chỉ đạo" in text  # one locality: its name follows


@pytest.mark.parametrize(
    "heading, line, new",
    [
        # an agency named with its level heads the paragraph under it …
        ("4.3. Trạm Khuyến nông huyện", "Phối hợp Phòng Nông nghiệp tổ chức tập huấn.", True),
        ("5. Công an tỉnh", "Chủ trì, phối hợp với các đơn vị bảo đảm an ninh trật tự.", True),
        ("c) Phòng Y tế thành phố", "Tham mưu Ủy ban nhân dân thành phố tổ chức kiểm tra.", True),
        # … and a place name, each syllable capitalised or none a word with the next, runs on
        ("4.3. Ủy ban nhân dân huyện", "Châu Thành chủ trì tổ chức tập huấn.", False),
        ("4.4. Ủy ban nhân dân thành phố", "Vinh chủ trì tổ chức.", False),
    ],
)
def test_a_heading_ending_on_its_level_is_whole_before_a_sentence(heading, line, new):
    assert starts_paragraph(heading, line) is new


def test_a_kind_paragraph_keeps_its_lower_case_subject_apart():
    """A Party programme's subject starts in lower case (`thực hiện Nghị quyết …`): in a Word
    file it is no sentence cut in two, and the title is read from it."""
    text = normalize_pages(
        [
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 66-NQ/TW của Bộ Chính trị\nNgày 30/4/2025, Bộ Chính trị ban hành."
        ],
        paragraphs=True,
    ).text
    assert text.split("\n")[:2] == ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện Nghị quyết số 66-NQ/TW của Bộ Chính trị"]


def test_a_rule_under_a_markdown_line_ends_it():
    """`text` over `-----` is a setext heading in Markdown, not a line that runs on."""
    text = normalize_pages(
        ["KẾ HOẠCH\nthực hiện Nghị quyết số 66-NQ/TW\n-----\nNgày 30/4/2025, Bộ Chính trị ban hành."], markdown=True
    ).text
    assert "thực hiện Nghị quyết số 66-NQ/TW" in text.split("\n")


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # the left column ends where the place, in running case, begins (a header typed with tabs)
        (
            "ĐẢNG BỘ TỈNH QUẢNG TRỊ Quảng Trị, ngày 20 tháng 01 năm 2026",
            ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "Quảng Trị, ngày 20 tháng 01 năm 2026"],
        ),
        (
            "ĐẢNG BỘ TỈNH QUẢNG TRỊ\t\tQuảng Trị, ngày 20 tháng 01 năm 2026",
            ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "Quảng Trị, ngày 20 tháng 01 năm 2026"],
        ),
        ("SỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026", ["SỐ 1050/QĐ-SCT", "Lào Cai, ngày 10 tháng 3 năm 2026"]),
    ],
)
def test_the_issuer_column_beside_the_place_date_line(line, parts):
    assert split_header(line) == parts


def test_a_short_heading_ending_on_a_function_word_is_whole():
    """`1. Kết quả đạt được`, `3. Tồn tại`: too short to have wrapped, the line is a heading and
    the sentence under it its own paragraph; a line ended on a name's head still runs on."""
    text = normalize_text(
        "1. Kết quả đạt được\nToàn tỉnh có 1.200 hợp tác xã.\n2. Tồn tại\nQuy mô còn nhỏ.\n"
        "3. Trách nhiệm của Sở\nTài chính"
    )
    assert text.splitlines() == [
        "1. Kết quả đạt được",
        "Toàn tỉnh có 1.200 hợp tác xã.",
        "2. Tồn tại",
        "Quy mô còn nhỏ.",
        "3. Trách nhiệm của Sở Tài chính",
    ]


@pytest.mark.parametrize(
    ("ocr", "text"),
    [
        # real scans: QD-1050, QD-26, QD-2336 (a bold Đ read as Đ and as Icelandic Ð), ND-71 and NQ-19
        ("Số:1050 /QĐÐ-SCT", "Số:1050 /QĐ-SCT"),
        ("theo Quyết định số 128/QĐÐ-HC ngày 17", "theo Quyết định số 128/QĐ-HC ngày 17"),
        ("Trợ lý TTg, TGĐÐ Cổng TTĐT,", "Trợ lý TTg, TGĐ Cổng TTĐT,"),
        # letters after it: two letters may be meant (`ĐĐBQH`), left as read
        ("Đoàn ĐÐBQH tỉnh", "Đoàn ĐĐBQH tỉnh"),
        ("QÐ-UBND", "QĐ-UBND"),
    ],
)
def test_a_bold_d_ocr_read_twice_is_one_letter(ocr, text):
    assert normalize_text(ocr) == text


#: The end of a paragraph's page and the start of the next page (kiengiang-2020-kh182.pdf, pages 4-5).
_OPENING = Line("Tập trung hoàn thành các công trình thuộc kế hoạch đầu tư công giai", 4, indent=True)
_AT_THE_MARGIN = Line("phòng, chống kịp thời không để ảnh hưởng đến tính mạng và tài sản người dân.", 4, indent=False)


@pytest.mark.parametrize(
    ("line", "blank", "paragraphs"),
    [
        # flush with the margin: the page wrapped where the sentence ended
        (Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5, indent=False), False, 1),
        (Line("Thực hiện sàng lọc, lựa chọn đầu tư dựa trên các tiêu chí về môi trường", 5, indent=False), False, 1),
        # indented, or nothing known of where it starts: a new paragraph
        (Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5, indent=True), False, 2),
        (Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5), False, 2),
        # a blank line between them (OCR's block break, a text's paragraph break)
        (Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5, indent=False), True, 2),
        # an entry of a code list set flush, the closing blocks: never run on
        (Line("20 khí gây ngạt hoặc khí không có rủi ro phụ", 5, indent=False), False, 2),
        (Line("Nơi nhận:", 5, indent=False), False, 2),
    ],
)
def test_a_sentence_ending_at_the_right_margin_goes_on_under_a_flush_line(line, blank, paragraphs):
    lines = [*_items(set_in=True), _OPENING, _AT_THE_MARGIN] + ([Line("", 5)] if blank else []) + [line]
    assert len(dewrap(lines, full_line=60)) == paragraphs + 4


def _starting(indent: bool, page: int, *texts: str) -> list[Line]:
    """Lines of a page that all start set in from the margin, or all flush with it."""
    return [Line(text, page, indent=indent) for text in texts]


def _items(set_in: bool) -> list[Line]:
    """Labelled items above, set in from the margin or flush with it."""
    return _starting(
        set_in,
        4,
        "a) Rà soát quy hoạch sử dụng đất của tỉnh.",
        "b) Kiểm tra việc khai thác khoáng sản.",
        "c) Xử lý nghiêm các vi phạm.",
        "d) Báo cáo kết quả thực hiện.",
    )


def test_a_flush_line_after_a_full_stop_is_ambiguous_where_items_are_set_flush():
    """A text layer that sets its items flush may set its paragraphs flush too."""
    line = Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5, indent=False)
    assert len(dewrap([*_items(set_in=False), _OPENING, _AT_THE_MARGIN, line], full_line=60)) == 6


def test_a_short_line_ending_a_sentence_ends_its_paragraph_under_a_flush_line():
    short = Line("tài sản người dân.", 4, indent=False)
    line = Line("Có kế hoạch di dân các đảo nhằm bảo vệ chủ quyền biển đảo; ứng dụng", 5, indent=False)
    assert len(dewrap([*_items(set_in=True), _OPENING, short, line], full_line=60)) == 6


_TITLE = Line("Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 - 2025", 1, indent=None)


def test_a_full_line_set_in_under_a_centred_title_opens_the_narrative():
    """A directive's text layer (a Chromium print of an invented directive): the centred
    title, then the narrative's first line, set in, running to the right margin."""
    opening = Line("Mùa khô năm 2024 - 2025 được dự báo nắng nóng kéo dài, nguy cơ cháy rừng ở mức", 1, indent=True)
    wrapped = Line("cao. Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:", 1, indent=False)
    assert [p.text[:8] for p in dewrap([_TITLE, opening, wrapped], full_line=60)] == ["Về tăng ", "Mùa khô "]


@pytest.mark.parametrize("title_indent", [None, True])
def test_the_narrative_opens_under_a_title_centred_or_starting_set_in(title_indent):
    """A title that fits one line starts as far in as a paragraph's first line (14 pt print)."""
    title = Line(_TITLE.text, 1, indent=title_indent)
    opening = Line("Mùa khô năm 2024 - 2025 được dự báo nắng nóng kéo dài, nguy cơ cháy rừng ở mức", 1, indent=True)
    assert len(dewrap([title, opening], full_line=60)) == 2


def test_a_line_set_in_under_a_word_that_runs_on_goes_on():
    prev = Line("mãn yêu cầu của quy chuẩn, tiêu chuẩn về", 1, indent=True)
    line = Line("PCCC được áp dụng; hoặc lớn hơn thời gian thoát nạn cần thiết của người", 1, indent=True)
    assert len(dewrap([prev, line], full_line=60)) == 1


@pytest.mark.parametrize(
    ("prev", "line", "new"),
    [
        # a number a bracket names, wrapped onto the next line, is no label …
        ("kịch bản biến đổi khí hậu (nhiệm vụ số", "9) theo Quyết định số 967/QĐ-BXD ngày 24/7/2020", False),
        # … but `số` ending a heading is "digital", and the next item's number a label
        ("1. Phát triển hạ tầng số", "2. Sở Y tế chủ trì triển khai", True),
    ],
)
def test_a_number_after_so_in_a_bracket_is_no_label(prev, line, new):
    assert starts_paragraph(prev, line) is new


def test_a_centred_titles_short_second_line_stays_with_it():
    second = Line("Giai đoạn 2024 - 2026", 1, indent=True)
    assert len(dewrap([_TITLE, second], full_line=60)) == 1


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Thực hiện Nghị quyết số 57-", "NQ/TW của Bộ Chính trị"], "Nghị quyết số 57-NQ/TW của"),
        (["theo Quyết định số 1234/QĐ-", "UBND ngày 5/3/2025"], "số 1234/QĐ-UBND ngày"),
        (["trong giai đoạn 2026-", "2030 của tỉnh"], "giai đoạn 2026-2030 của"),
        # a dash between words has its spaces, and a place name its own
        (["phát triển kinh tế -", "xã hội của tỉnh"], "kinh tế - xã hội"),
        (["tỉnh Bà Rịa-", "Vũng Tàu thực hiện"], "Bà Rịa- Vũng Tàu"),
    ],
)
def test_a_number_wrapped_at_its_dash_or_slash_is_one_word(lines, joined):
    assert joined in normalize_text("KẾ HOẠCH\n" + "\n".join(lines))


def _wrapped(text: str, width: int = 72) -> str:
    """`text` as a hard-wrapped plain text: each paragraph wrapped, a blank line after it."""
    out: list[str] = []
    for ln in text.split("\n"):
        out += [ln] if "\t" in ln else [*textwrap.wrap(ln, width, break_long_words=False), ""]
    return "\n".join(out)


def test_a_hard_wrapped_text_with_blank_lines_between_paragraphs_keeps_its_paragraphs():
    """Wrapped lines whose sentence ends at the line's end (`… người dân.` / `Có kế
    hoạch …`) are joined as the page's other wrapped lines are."""
    truth = truth_text("kiengiang-2020-kh182")
    assert normalize_text(_wrapped(truth)) == normalize_text(truth)


def test_a_text_of_one_paragraph_a_line_is_not_read_as_wrapped():
    lines = truth_text("kiengiang-2020-kh182").split("\n")
    assert set(blank_line_layout(lines)) == {None}
    assert set(blank_line_layout(_wrapped("\n".join(lines)).split("\n"))) == {None, False, True}


def _dashed(set_in: bool) -> list[Line]:
    """Dashed items of a text layer (kontum-2025-qd243-congbao.pdf p.19), set in or flush."""
    return _starting(
        set_in,
        19,
        "- Tham mưu tổ chức tốt các hoạt động đối ngoại của tỉnh năm 2025.",
        "- Phối hợp với các tỉnh giáp biên tổ chức các hoạt động giao lưu.",
        "- Tăng cường quan hệ hữu nghị với các địa phương của nước bạn Lào.",
        "- Phối hợp chặt chẽ trong công tác mở các cặp cửa khẩu phụ trên",
    ) + _starting(
        False,
        19,
        "tuyến biên giới Việt Nam - Campuchia và nâng cấp cặp cửa khẩu phụ Đăk Long",
        "- Văng Tắt lên thành cửa khẩu chính.",
    )


@pytest.mark.parametrize(("set_in", "paragraphs"), [(True, 4), (False, 5)])
def test_a_name_broken_before_its_hyphen_goes_on_where_items_are_set_in(set_in, paragraphs):
    """`Đăk Long` / `- Văng Tắt`: a flush dash line after a full line that ends no
    clause is the name's hyphen, on a page whose items start indented; where
    items are set flush it is an item of its own."""
    assert len(dewrap(_dashed(set_in), full_line=60)) == paragraphs


@pytest.mark.parametrize("label", ["I- MỤC TIÊU", "II - NHIỆM VỤ VÀ GIẢI PHÁP", "III– TỔ CHỨC THỰC HIỆN"])
def test_a_roman_label_with_a_dash_opens_a_paragraph(label):
    """Party documents write `I- MỤC TIÊU`: a title or sentence before it does not run on into it."""
    text = f"KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH NÔNG THÔN MỚI\n{label}\nNội dung"
    assert label in normalize_text(text).split("\n")


_LONG_HEADING = "1. Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ"
_PARAGRAPH_UNDER = "Các cấp ủy, tổ chức đảng, chính quyền và các tổ chức chính trị - xã hội quán triệt Nghị quyết."


def test_a_long_heading_in_a_text_of_one_paragraph_a_line_keeps_the_paragraph_under_it_apart():
    """A text of one paragraph a line (copied from a web page; antiword's `.doc`, the real
    TT-38's `Điều 5. Phân cấp …` / `Bộ trưởng …`): a long line without a stop is a heading,
    not a line the page wrapped."""
    lines = truth_text("kiengiang-2020-kh182").split("\n")
    at = next(i for i, ln in enumerate(lines) if i > 20 and ln.endswith("."))
    text = "\n".join([*lines[: at + 1], _LONG_HEADING, _PARAGRAPH_UNDER, *lines[at + 1 :]])
    out = normalize_text(text).split("\n")
    assert _LONG_HEADING in out and _PARAGRAPH_UNDER in out
    # the same heading in a text wrapped at a page's width is joined as the page's lines are
    wrapped = normalize_text(_wrapped(truth_text("kiengiang-2020-kh182")))
    assert wrapped == normalize_text(truth_text("kiengiang-2020-kh182"))


def test_a_printed_heading_wrapped_short_ends_before_the_paragraph_set_in_under_it():
    """A Chromium print of a party programme: `1. Nâng cao nhận thức, …` wraps, its last line
    stops short, and the paragraph under it starts set in: the paragraph is the item's text,
    not the heading's."""
    lines = [
        Line("1. Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm", 1, indent=True),
        Line("chính trị mạnh mẽ", 1, indent=False),
        Line("Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính", 1, indent=True),
        Line("trị - xã hội tổ chức quán triệt sâu sắc Nghị quyết.", 1, indent=False),
    ]
    assert [p.text[:12] for p in dewrap(lines, full_line=70)] == ["1. Nâng cao ", "Các cấp ủy, "]
    # … and a wrapped line under it that starts flush goes on
    lines[2] = Line(lines[2].text, 1, indent=False)
    assert len(dewrap(lines, full_line=70)) == 1


def test_a_heads_title_naming_its_office_small_runs_on_over_the_wrap():
    """A 14 pt print of a commune's decision: `Điều 3. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng`
    / `Kinh tế, Trưởng Công an xã …` is one article, the office's name cut by the wrap."""
    lines = [
        Line("Điều 3. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng", 1, indent=True),
        Line("Kinh tế, Trưởng Công an xã và các thôn chịu trách nhiệm thi hành", 1, indent=False),
        Line("Quyết định này./.", 1, indent=False),
    ]
    assert len(dewrap(lines, full_line=60)) == 1


@pytest.mark.parametrize(
    ("prev", "line", "new"),
    [
        # a field opened after a sentence, its value wrapped onto the next line (an invented plan, hard-wrapped)
        ("Trùng tu các di tích lịch sử cấp quốc gia. Cơ quan thực hiện:", "Sở Văn hóa, Thể thao và Du lịch.", False),
        ("Rà soát quy hoạch vùng sản xuất; Thời gian thực hiện:", "Quý II/2025.", False),
        # a labelled field is a heading; a list under the colon is a list
        ("1. Cơ quan thực hiện:", "Sở Văn hóa, Thể thao và Du lịch.", True),
        ("Trùng tu các di tích lịch sử. Cơ quan thực hiện:", "- Sở Văn hóa, Thể thao và Du lịch;", True),
    ],
)
def test_a_fields_value_wrapped_onto_the_next_line(prev, line, new):
    assert starts_paragraph(prev, line) is new


def test_a_tables_number_title_alone_opens_a_paragraph():
    """A title in capitals over a table set one cell per line: `STT` is the table's first cell, not the title's end."""
    assert starts_paragraph("NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025", "STT") is True
    assert starts_paragraph("NHIỆM VỤ CỤ THỂ", "TT") is True
