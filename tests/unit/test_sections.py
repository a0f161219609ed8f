"""The section parser on each sample (truth text and the raw text as it came)."""

import pytest

from extractors.analyse import analyse
from extractors.normalize.pages import normalize_text
from extractors.sections import classify_line, heading_kind, make_heading, parse_sections
from extractors.text.labels import read_roman_lookalike
from tests.samples import SAMPLES, gold, text_sample, truth_text


def _check_against_gold(name, text):
    sections = parse_sections(text)
    got = {s.section_id: s for s in sections}
    want = [g for g in gold(name)["sections"] if not g.get("optional")]
    missing = [g["section_id"] for g in want if g["section_id"] not in got]
    assert not missing, missing
    extra = [s for s in got if s not in {g["section_id"] for g in gold(name)["sections"]}]
    assert not extra, extra
    for g in want:
        s = got[g["section_id"]]
        assert (s.kind, s.parent_id, s.level) == (g["kind"], g["parent_id"], g["level"]), g["section_id"]
    # Spans nest and point into the text.
    by_id = {s.section_id: s for s in sections}
    for s in sections:
        assert text[s.char_start : s.char_end] == s.text
        if s.parent_id:
            p = by_id[s.parent_id]
            assert p.char_start <= s.char_start and s.char_end <= p.char_end
    assert [s.ord for s in sections] == list(range(1, len(sections) + 1))


@pytest.mark.parametrize("name", SAMPLES)
def test_sections_of_truth_text(name):
    _check_against_gold(name, truth_text(name))


@pytest.mark.parametrize("name", SAMPLES)
def test_sections_of_raw_text_sample(name):
    path = text_sample(name)
    _check_against_gold(name, normalize_text(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md"))


@pytest.mark.parametrize(
    "line, kind, label",
    [
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", "label", "II"),
        ("3.2. Mục tiêu, chỉ tiêu cụ thể đến năm 2030", "label", "3.2"),
        ("đ) Sở Xây dựng chủ trì, phối hợp với các sở, ngành và địa phương:", "label", "đ"),
        ("Điều 2. Thủ trưởng các sở, ban ngành, đơn vị thuộc tỉnh", "label", "Điều 2"),
        ("Nơi nhận:", "noi_nhan", None),
        ("TM. ỦY BAN NHÂN DÂN", "chu_ky", None),
        ("PHỤ LỤC", "phu_luc", "Phụ lục"),
        ("PHỤ LỤC II: DANH MỤC DỰ ÁN", "phu_luc", "Phụ lục II"),
        ("Phụ lục số 01:", "phu_luc", "Phụ lục số 01"),
        ("Phụ lục kèm theo Kế hoạch này gồm 02 biểu.", "", None),
        ("Phụ lục", "phu_luc", "Phụ lục"),  # alone on its line (a real Quyết định's appendix page)
        ("1- Mục đích, yêu cầu", "label", "1"),
        ("b- Sở Tài chính chủ trì", "label", "b"),
        ("Biểu 01: BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", "form", "Biểu 01"),
        ("1\tTốc độ tăng trưởng GRDP\t\t\tChi Cục Thống kê; Sở Tài chính", "", None),
        ("- Nâng độ che phủ rừng đạt 64%.", "", None),
        ("2030 là năm cuối của kỳ quy hoạch.", "", None),
        # a goal item opens on its figure …
        ("1. 100% cơ sở giáo dục sử dụng học bạ số.", "label", "1"),
        ("2. 05 xã đạt chuẩn nông thôn mới nâng cao.", "label", "2"),
        # … but a number is no label
        ("5.0m. Chiều sâu lỗ khoan 5,5 m", "", None),
        ("25,76m. Khoảng cách an toàn", "", None),
    ],
)
def test_classify_line(line, kind, label):
    info = classify_line(line)
    assert (info.kind, info.label) == (kind, label)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("TỔ CHỨC THỤỰC HIỆN", "to_chuc_thuc_hien"),  # `Ự` read as `ỤỰ`
        ("NHIỆỆM VỤ VÀ GIẢI PHÁP", "nhiem_vu_giai_phap"),
        ("MỤC TIÊUU", "muc_tieu"),
    ],
)
def test_a_heading_word_ocr_read_with_a_vowel_twice_still_names_its_kind(heading, kind):
    assert heading_kind(heading) == kind


def test_kind_from_heading_words():
    assert heading_kind("MỤC ĐÍCH, YÊU CẦU, MỤC TIÊU") == "muc_dich_yeu_cau"
    assert heading_kind("Đến năm 2025, phấn đấu đạt một số mục tiêu cụ thể sau") == "muc_tieu"
    assert heading_kind("NHIỆM VỤ, GIẢP PHÁP") == "nhiem_vu_giai_phap"
    assert heading_kind("TỔ CHỨC THỰC HIỆN") == "to_chuc_thuc_hien"
    assert heading_kind("Kinh phí thực hiện") == "kinh_phi"
    assert heading_kind("Sở Tài chính") is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "che_do_bao_cao"),  # the regime's legal name, with its comma
        ("Chế độ thông tin báo cáo", "che_do_bao_cao"),
        ("PHÂN CÔNG TRÁCH NHIỆM", "to_chuc_thuc_hien"),
        ("Phân công nhiệm vụ", "to_chuc_thuc_hien"),
    ],
)
def test_kind_from_the_names_offices_give_the_same_part(heading, kind):
    assert heading_kind(heading) == kind
    # the items under an assignment of responsibilities are tasks
    if kind == "to_chuc_thuc_hien":
        text = f"KẾ HOẠCH\nVề thử\nIV. {heading.upper()}\n1. Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh.\n"
        assert [t.lead for t in analyse(normalize_text(text)).tasks] == [["Sở Y tế"]]


def test_heading_stops_at_colon():
    assert (
        make_heading("Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở ngành, địa phương:")
        == "Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở ngành, địa phương"
    )


def test_numbered_paragraph_inherits_kind_even_if_it_mentions_goals():
    text = (
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Chủ động ứng phó với biến đổi khí hậu, góp phần thực hiện thắng lợi mục tiêu phát triển kinh tế - xã hội của tỉnh.\n"
        "2. Đến năm 2025, phấn đấu đạt một số mục tiêu cụ thể sau:\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Tài chính bố trí kinh phí."
    )
    kinds = {s.section_id: s.kind for s in parse_sections(text)}
    assert kinds == {
        "I": "muc_dich_yeu_cau",
        "I/1": "muc_dich_yeu_cau",
        "I/2": "muc_tieu",
        "II": "to_chuc_thuc_hien",
        "II/1": "to_chuc_thuc_hien",
    }


def test_page_spans():
    text = "I. MỤC TIÊU\n1. Mục tiêu chung\nII. TỔ CHỨC THỰC HIỆN"
    secs = {s.section_id: s for s in parse_sections(text, page_starts=[0, text.index("1. Mục"), text.index("II.")])}
    assert (secs["I"].page_start, secs["I"].page_end) == (1, 2)
    assert (secs["II"].page_start, secs["II"].page_end) == (3, 3)


# Lines as Tesseract read them from the sample scans: labels misread or lost.
OCR_TEXT = "\n".join(
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Quán triệt đầy đủ, sâu sắc nội dung Kết luận số 56-KL/TW.",
        "2. Tập trung nguồn lực từ ngân sách nhà nước.",
        "II NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
        '"THÊ Tăng cường hiệu quả quản lý nhà nước về tài nguyên và bảo vệ môi trường:',
        "q) Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở ngành, địa phương:",
        "b) Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở ngành, địa phương:",
        "c) Sở Công Thương chủ trì, phối hợp với các sở, ngành và địa phương:",
        "đ) Một số nhiệm vụ trọng tâm, cấp bách",
        "1i. TỔ CHỨC THỰC HIỆN",
        "1. Giao Sở Tài nguyên và Môi trường là cơ quan đầu mối.",
        "4. Thủ trưởng các sở, ngành tỉnh phối hợp triển khai thực hiện.",
        "S. Trong quá trình tổ chức thực hiện Kế hoạch này, các sở báo cáo.",
    ]
)


def test_ocr_misread_labels_are_repaired():
    ids = [s.section_id for s in parse_sections(OCR_TEXT)]
    assert ids == [
        "I",
        "I/1",
        "I/2",
        "II",
        "II/1",
        "II/1/a",
        "II/1/b",
        "II/1/c",
        "II/1/d",
        "III",
        "III/1",
        "III/4",
        "III/5",
    ]


def test_lost_dotted_parent_is_restored():
    text = "\n".join(
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Các sở, ban ngành thuộc tỉnh",
            "1.1. Phổ biến, quán triệt nghiêm túc các nội dung của Quyết định.",
            "s. Nhiệm vụ và giải pháp cụ thể cho từng ngành, lĩnh vực",
            "2.1. Sở Tài chính",
            "2.2. Sở Xây dựng",
        ]
    )
    secs = {s.section_id: s for s in parse_sections(text)}
    assert list(secs) == ["II", "II/1", "II/1/1.1", "II/2", "II/2/2.1", "II/2/2.2"]
    assert secs["II/2"].heading == "Nhiệm vụ và giải pháp cụ thể cho từng ngành, lĩnh vực"


def test_clean_letters_are_never_repaired():
    text = "I. NHIỆM VỤ\n1. Nhiệm vụ chung:\na) Việc một.\nb) Việc hai.\nc) Việc ba.\nd) Việc bốn.\nđ) Việc năm.\ne) Việc sáu."
    assert [s.label for s in parse_sections(text)][2:] == ["a", "b", "c", "d", "đ", "e"]


# ------------------------------------------------------------ classes seen on unseen plans


@pytest.mark.parametrize(
    "heading",
    [
        "2. Các mục tiêu, chỉ tiêu chủ yếu cần đạt được trong giai đoạn tới theo định hướng phát triển của Tỉnh ủy",
        "2. Mục tiêu phát triển đô thị bền vững, thích ứng với biến đổi khí hậu và nâng cao chất lượng sống của nhân dân",
    ],
)
def test_a_long_heading_keeps_the_kind_it_opens_with(heading):
    text = f"KẾ HOẠCH\nVề thử\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa các chủ trương.\n{heading}\na) Đến năm 2030:\n- 45% đô thị hóa."
    kinds = {s.section_id: s.kind for s in parse_sections(text)}
    assert kinds["I/2"] == "muc_tieu" and kinds["I/2/a"] == "muc_tieu"


def test_a_long_numbered_sentence_does_not_name_a_kind():
    text = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Mục tiêu của nhiệm vụ này được rà soát hằng năm và điều chỉnh khi cần thiết."
    )
    assert {s.section_id: s.kind for s in parse_sections(text)}["I/1"] == "nhiem_vu_giai_phap"


@pytest.mark.parametrize(
    "kind_line",
    [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH",
        "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 09-NQ/TU",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    ],
)
def test_a_promulgated_programme_opens_a_second_preamble(kind_line):
    text = (
        "QUYẾT ĐỊNH\nBan hành Chương trình hành động\nĐiều 1. Ban hành kèm theo Quyết định này Chương trình.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
        f"{kind_line}\nVỀ PHÁT TRIỂN KINH TẾ BIỂN\n"
        "(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 12 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa các nhiệm vụ của Nghị quyết."
    )
    sections = {s.section_id: s.kind for s in parse_sections(text)}
    assert sections.get("preamble#2") == "preamble"
    assert sections["I"] == "muc_dich_yeu_cau" and sections["I/1"] == "muc_dich_yeu_cau"


@pytest.mark.parametrize("mark", ["T/M. ĐOÀN KIỂM TRA", "K/T. GIÁM ĐỐC", "T.M. ỦY BAN NHÂN DÂN"])
def test_a_signature_mark_with_a_slash_is_no_letter_label(mark):
    text = f"KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Rà soát.\nNơi nhận:\n{mark}\n- Như trên;\nNguyễn Văn An"
    assert "chu_ky" in [s.kind for s in parse_sections(text)]


def test_parts_hold_their_roman_items_and_chapters_their_articles():
    """`PHẦN I` / `Chương I` (title on the line or the next) are top-level parts;
    the Roman items and articles under them nest, numbered on from part to part."""
    text = (
        "PHẦN I\nĐÁNH GIÁ KẾT QUẢ\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Về kinh tế\nTăng trưởng khá.\n"
        "II. HẠN CHẾ\nCòn chậm.\nPhần II. NHIỆM VỤ VÀ GIẢI PHÁP\nI. MỤC TIÊU\nĐạt kế hoạch."
    )
    got = [(s.section_id, s.heading) for s in parse_sections(text)]
    assert got == [
        ("Phần I", "ĐÁNH GIÁ KẾT QUẢ"),
        ("Phần I/I", "KẾT QUẢ ĐẠT ĐƯỢC"),
        ("Phần I/I/1", "Về kinh tế"),
        ("Phần I/II", "HẠN CHẾ"),
        ("Phần II", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("Phần II/I", "MỤC TIÊU"),
    ]
    regulation = (
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định.\nĐiều 2. Đối tượng áp dụng\n"
        "Các cơ quan.\nCHƯƠNG II\nQUY ĐỊNH CỤ THỂ\nĐiều 3. Trách nhiệm\nSở Công Thương chủ trì."
    )
    assert [s.section_id for s in parse_sections(regulation)] == [
        "Chương I",
        "Chương I/Điều 1",
        "Chương I/Điều 2",
        "Chương II",
        "Chương II/Điều 3",
    ]


@pytest.mark.parametrize("misread", ["Phần HI", "Phần IH", "Phần I1", "PHẦN 1I"])
def test_a_part_ocr_misread_follows_the_part_before(misread):
    """OCR reads `Phần III` as `Phần HI` (Tesseract on a clean 300 dpi page): the part
    after `Phần II` is `Phần III`, its heading on the next line, and no task."""
    text = (
        "Phần I\nMỤC ĐÍCH, YÊU CẦU\n1. Nâng cao chất lượng phục vụ.\nPhần II\nNHIỆM VỤ TRỌNG TÂM\n"
        "1. Phòng Nội vụ tham mưu sắp xếp bộ máy.\n"
        f"{misread}\nTỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ theo dõi, báo cáo định kỳ hằng quý."
    )
    got = [(s.section_id, s.heading) for s in parse_sections(text)][-2:]
    assert got == [("Phần III", "TỔ CHỨC THỰC HIỆN"), ("Phần III/1", "Phòng Nội vụ theo dõi, báo cáo định kỳ hằng quý")]
    tasks = analyse(text).tasks
    assert [t.section_id for t in tasks] == ["Phần II/1", "Phần III/1"]


def test_the_part_of_a_standard_named_in_a_reference_is_no_part():
    text = "I. CĂN CỨ\nÁp dụng TCVN 7336 Phòng cháy chữa cháy –\nPhần 1: Yêu cầu thiết kế và lắp đặt\nII. NỘI DUNG"
    assert [s.section_id for s in parse_sections(text)] == ["I", "II"]


def test_an_appendix_page_headed_phu_luc_alone_ends_the_signature():
    # A real Quyết định: the signer's name at the foot of the last page, `Phụ lục`
    # at the top of the next; joined, the name was lost (`Nguyễn Tuấn Anh Phụ lục`).
    text = normalize_text(
        "Điều 3. Các cơ quan thi hành Quyết định này.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Tuấn Anh\n"
        "Phụ lục\nBẢNG TỌA ĐỘ RANH GIỚI DỰ ÁN\nTên điểm\tX\tY\n"
    )
    sections = {s.kind: text[s.char_start : s.char_end] for s in parse_sections(text)}
    assert sections["chu_ky"].endswith("Nguyễn Tuấn Anh")
    assert sections["phu_luc"].startswith("Phụ lục\nBẢNG")


def test_headings_without_numerals_are_blocks_named_by_their_kind():
    text = normalize_text(
        "\n".join(
            [
                "KẾ HOẠCH",
                "NHIỆM VỤ TRỌNG TÂM VỀ CHUYỂN ĐỔI SỐ NĂM 2026",  # the title, though it opens on a kind word
                "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh;",
                "MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "Bảo đảm thực hiện đồng bộ.",
                "NHIỆM VỤ VÀ GIẢI PHÁP",
                "1. Rà soát quy hoạch vùng nguyên liệu.",
                "2. Xây dựng cơ sở dữ liệu.",
                "TỔ CHỨC THỰC HIỆN",
                "1. Sở Tài chính bố trí kinh phí.",
            ]
        )
    )
    got = [(s.section_id, s.kind, s.parent_id) for s in parse_sections(text)]
    assert got == [
        ("preamble", "preamble", None),
        ("muc_dich_yeu_cau", "muc_dich_yeu_cau", None),
        ("muc_dich_yeu_cau/1", "muc_dich_yeu_cau", "muc_dich_yeu_cau"),
        ("nhiem_vu_giai_phap", "nhiem_vu_giai_phap", None),
        ("nhiem_vu_giai_phap/1", "nhiem_vu_giai_phap", "nhiem_vu_giai_phap"),
        ("nhiem_vu_giai_phap/2", "nhiem_vu_giai_phap", "nhiem_vu_giai_phap"),
        ("to_chuc_thuc_hien", "to_chuc_thuc_hien", None),
        ("to_chuc_thuc_hien/1", "to_chuc_thuc_hien", "to_chuc_thuc_hien"),
    ]


def test_a_capitals_kind_line_in_a_plan_with_roman_parts_is_no_block():
    text = normalize_text("KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu chung\nNHIỆM VỤ\n2. Mục tiêu cụ thể\n")
    assert [s.section_id for s in parse_sections(text)] == ["preamble", "I", "I/1", "I/2"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("PHẦN THỨ NHẤT", "PHẦN THỨ HAI"),
        ("Phần thứ nhất: ĐÁNH GIÁ", "Phần thứ hai: NHIỆM VỤ NĂM 2026"),
        ("Phần I", "Phần II"),
    ],
)
def test_parts_numbered_in_words_keep_each_parts_roman_items_apart(first, second):
    text = normalize_text(
        "\n".join(["KẾ HOẠCH", "Về thử", first, "I. Kết quả", second, "I. MỤC TIÊU", "1. Mục tiêu chung"])
    )
    ids = [s.section_id for s in parse_sections(text)]
    one, two = ("Phần I", "Phần II") if first == "Phần I" else ("Phần thứ nhất", "Phần thứ hai")
    assert ids == ["preamble", one, f"{one}/I", two, f"{two}/I", f"{two}/I/1"]


def test_items_numbered_in_brackets():
    """`(1) Sở Y tế chủ trì …` under `1. …`: items of their own (a real fire-safety annex
    numbers its requirements so), each its own task; a `(2)` that starts no sequence is text."""
    text = (
        "KẾ HOẠCH\nVề thử\nII. NHIỆM VỤ\n1. Phát triển y tế\n"
        "(1) Sở Y tế chủ trì, phối hợp với Sở Tài chính nâng cấp trạm y tế xã; hoàn thành trong năm 2026.\n"
        "(2) Sở Nội vụ rà soát biên chế y tế cơ sở; thời gian: Quý II/2026.\n"
        "2. Phát triển giáo dục\n(1) Sở Giáo dục và Đào tạo xây dựng trường học; năm 2027.\n"
        "3. Phát triển văn hóa\n(2) Sở Văn hóa tổ chức lễ hội.\n"
    )
    a = analyse(normalize_text(text))
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == [
        "II",
        "II/1",
        "II/1/1",
        "II/1/2",
        "II/2",
        "II/2/1",
        "II/3",
    ]
    assert [(t.section_id, t.lead) for t in a.tasks][:3] == [
        ("II/1/1", ["Sở Y tế"]),
        ("II/1/2", ["Sở Nội vụ"]),
        ("II/2/1", ["Sở Giáo dục và Đào tạo"]),
    ]


@pytest.mark.parametrize(
    ("written", "read"),
    [("HI", "III"), ("I1", "II"), ("IH", "III"), ("II1", "III"), ("1V", "IV"), ("IL", "II"), ("lI", "II")],
)
def test_roman_look_alikes_read_as_numerals(written, read):
    assert read_roman_lookalike(written) == read


@pytest.mark.parametrize("written", ["HH", "1111", "VV"])
def test_strokes_that_make_no_numeral(written):
    assert read_roman_lookalike(written) is None


@pytest.mark.parametrize("word", ["Phần", "PHẦN", "Chương"])
def test_a_part_that_repeats_its_predecessor_is_the_next_one(word):
    """Tesseract read a bold `Phần III` as `Phần II` on a clean 300 dpi render of an invented
    district plan: the part lost a stroke, and `TỔ CHỨC THỰC HIỆN` became `Phần II#2`."""
    text = (
        f"KẾ HOẠCH\nVề thử\n{word} I\nMỤC ĐÍCH\nNội dung.\n{word} II\nNHIỆM VỤ\n1. Việc một.\n"
        f"{word} II\nTỔ CHỨC THỰC HIỆN\n1. Việc hai.\n"
    )
    w = word.capitalize()
    assert [s.section_id for s in parse_sections(text)] == [
        "preamble",
        f"{w} I",
        f"{w} II",
        f"{w} II/1",
        f"{w} III",
        f"{w} III/1",
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # the real KH-1105 (an inspection plan): the resources for the work are its funding part
        ("Dự kiến các nguồn lực cho hoạt động kiểm tra chuyên ngành", "kinh_phi"),
        ("Nguồn lực thực hiện", "kinh_phi"),
        # resources a task gathers are the task's
        ("Tập trung nguồn lực từ ngân sách nhà nước và nguồn lực xã hội", None),
        ("Giải pháp về huy động và phân bổ nguồn lực đầu tư", "nhiem_vu_giai_phap"),
    ],
)
def test_resources_for_the_work_name_the_funding_part(heading, kind):
    assert heading_kind(heading) == kind


def test_the_subsections_of_a_funding_part_are_funding():
    text = "KẾ HOẠCH\nKiểm tra\n5. Dự kiến các nguồn lực cho hoạt động kiểm tra\n5.1. Kinh phí: Từ nguồn ngân sách.\n5.2. Phương tiện cho hoạt động kiểm tra: Xe ô tô của Sở."
    kinds = {s.section_id: s.kind for s in parse_sections(text)}
    assert (kinds["5"], kinds["5/5.1"], kinds["5/5.2"]) == ("kinh_phi", "kinh_phi", "kinh_phi")


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # da08: a task that meets requirements is no `Mục đích, yêu cầu` part
        ("Phát triển nguồn nhân lực đáp ứng yêu cầu công nghiệp hiện đại", None),
        ("Báo cáo đột xuất theo yêu cầu", None),
        ("Yêu cầu", "muc_dich_yeu_cau"),
        ("MỤC ĐÍCH, YÊU CẦU", "muc_dich_yeu_cau"),
    ],
)
def test_requirements_met_name_no_requirements_part(heading, kind):
    assert heading_kind(heading) == kind


_PARTED_PLAN = """KẾ HOẠCH
Công tác năm 2026
Phần thứ nhất
KẾT QUẢ THỰC HIỆN NĂM 2025
Năm 2025, Cục đã hoàn thành kế hoạch đề ra.
Phần thứ hai
NHIỆM VỤ NĂM 2026
A. MỤC TIÊU
- 100% cơ sở hóa chất nguy hiểm được kiểm tra định kỳ.
B. NHIỆM VỤ CỤ THỂ
I. Công tác xây dựng thể chế
1. Phòng Pháp chế chủ trì xây dựng dự thảo Thông tư; hoàn thành trong quý II/2026.
Phần thứ ba
TỔ CHỨC THỰC HIỆN
1. Văn phòng Cục tổng hợp, báo cáo Cục trưởng."""


def test_lettered_parts_in_capitals_under_a_numbered_part():
    """`Phần thứ hai` / `A. MỤC TIÊU` / `B. NHIỆM VỤ CỤ THỂ` / `I. …`: the letters nest under the part
    and the Roman items under the letter; the goals under `A.` are no tasks (a ministry department's plan)."""
    doc = analyse(normalize_text(_PARTED_PLAN))
    kinds = {s.section_id: s.kind for s in doc.sections}
    assert kinds["Phần thứ hai/A"] == "muc_tieu"
    assert kinds["Phần thứ hai/B/I/1"] == "nhiem_vu_giai_phap"
    assert kinds["Phần thứ ba/1"] == "to_chuc_thuc_hien"
    assert [t.section_id for t in doc.tasks] == ["Phần thứ hai/B/I/1", "Phần thứ ba/1"]
    assert [t.section_id for t in doc.targets] == ["Phần thứ hai/A"]


def test_three_figure_labels_nest_under_two_figure_ones():
    """`1.1.1.` under `1.1.` (an invented tourism plan; the real fire-safety guide's `1.1 Phạm vi
    áp dụng` / `1.1.1 Tài liệu này …`), as `1.1.` nests under `1.`."""
    text = (
        "KẾ HOẠCH\nVề thử\nII. NHIỆM VỤ\n1. Phát triển sản phẩm\n1.1. Du lịch sinh thái\n"
        "1.1.1. Xây dựng tuyến du lịch.\n1.1.2. Phát triển du lịch cộng đồng.\n1.2. Du lịch văn hóa\n"
        "Trùng tu các di tích.\n2. Xúc tiến du lịch\n"
    )
    ids = [s.section_id for s in parse_sections(text) if s.label]
    assert ids == ["II", "II/1", "II/1/1.1", "II/1/1.1/1.1.1", "II/1/1.1/1.1.2", "II/1/1.2", "II/2"]


_CLAUSE = """II. NHIỆM VỤ
1. Biện pháp khắc phục hậu quả:
{first} Buộc tiêu hủy hóa chất đối với hành vi vi phạm tại khoản 2;
b) Buộc nộp lại số lợi bất hợp pháp có được do thực hiện hành vi vi phạm;
c) Buộc thu hồi sản phẩm.
2. Sở Công Thương chủ trì thực hiện."""


@pytest.mark.parametrize("first", ["8)", "3)", "1)"])
def test_a_letter_label_read_as_a_digit_takes_its_place_in_the_letters(first):
    # OCR read `a)` as `8)`, `3)` (a decree's scan, five times; a rendered poor copy): the
    # items after it had been filed under the digit as `II/1/8/b`.
    ids = [s.section_id for s in parse_sections(_CLAUSE.format(first=first))]
    assert ids == ["II", "II/1", "II/1/a", "II/1/b", "II/1/c", "II/2"]


def test_a_letter_read_as_a_digit_between_its_neighbours():
    text = "1. Các biện pháp:\nh) Buộc chấm dứt việc quảng cáo;\n1) Buộc khắc phục tình trạng mất an toàn;\nk) Buộc tiêu hủy."
    assert [s.section_id for s in parse_sections(text)] == ["1", "1/h", "1/i", "1/k"]


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # a numbered list of its own under a letter item
        (
            "1. Các biện pháp:\na) Sở Tài chính:\n1) Thẩm định dự toán;\n2) Cấp kinh phí;\nb) Sở Nội vụ.",
            ["1", "1/a", "1/a/1", "1/a/2", "1/b"],
        ),
        # a gap of two letters: the digit is not the one letter due
        ("1. Các biện pháp:\n8) Buộc tiêu hủy;\nc) Buộc thu hồi sản phẩm.", ["1", "1/8", "1/8/c"]),
    ],
)
def test_a_digit_that_fills_no_one_letter_gap_stays_a_number(text, ids):
    assert [s.section_id for s in parse_sections(text)] == ids


_BARE_NUMBERS = (
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Các huyện ủy xây dựng kế hoạch thực hiện, báo cáo trước ngày 28/02/2026.\n"
    "{second} Ủy ban Kiểm tra Tỉnh ủy chủ trì theo dõi, kiểm tra việc thực hiện.\n"
    "3. Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp tình hình."
)


@pytest.mark.parametrize("second", ["2", "2;", "2 ;"])
def test_a_number_label_whose_dot_ocr_lost_takes_its_place(second):
    # A party programme's scan (`2 Ủy ban Kiểm tra …`) and a steering plan's poor copy
    # (`3; Phòng Giáo dục …`): the item had run into the one before, its lead lost.
    sections = parse_sections(_BARE_NUMBERS.format(second=second))
    assert [s.section_id for s in sections] == ["II", "II/1", "II/2", "II/3"]
    assert sections[2].text.endswith("việc thực hiện.")


@pytest.mark.parametrize(
    "text",
    [
        # a reference wrapped before its number: the line before does not close a sentence
        "II. NỘI DUNG\n1. Sửa đổi khoản 1 và khoản\n2 Điều 24 Nghị định số 67/2013/NĐ-CP.\n3. Bãi bỏ Điều 5.",
        # no `3.` after it: nothing confirms the gap
        "II. NỘI DUNG\n1. Sửa đổi Điều 1.\n2 Điều 24 được sửa đổi như sau.\n5. Bãi bỏ Điều 5.",
    ],
)
def test_a_figure_opening_a_line_is_no_number_label_outside_its_gap(text):
    assert "II/2" not in [s.section_id for s in parse_sections(text)]


@pytest.mark.parametrize("second", ["2", "2;"])
def test_the_item_whose_dot_ocr_lost_keeps_its_lead(second):
    tasks = analyse(_BARE_NUMBERS.format(second=second)).tasks
    assert [t.lead for t in tasks] == [["các huyện ủy"], ["Ủy ban Kiểm tra Tỉnh ủy"], ["Văn phòng Tỉnh ủy"]]
    assert tasks[1].text.startswith("Ủy ban Kiểm tra")
