"""OCR damage of one kind at a time (notes/unseen-plans.md, class G), each read as the undamaged text is."""

from __future__ import annotations

import pytest

from extractors.analyse import analyse
from extractors.normalize.pages import normalize_text


def _read(text: str):
    return analyse(normalize_text(text))


@pytest.mark.parametrize("label", [".IL.", "IL.", "Il.", "lI.", "1ï.", "Iì."])
def test_a_roman_look_alike_with_junk_is_the_next_numeral(label):
    a = _read(
        f"KẾ HOẠCH\nVề thử\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n{label} MỤC TIÊU CỤ THỂ\n1. Mục tiêu\n- Tỷ lệ che phủ rừng đạt 45%."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II", "II/1"]


@pytest.mark.parametrize("label", ["I1.", "Il.", "1I."])
def test_a_first_roman_look_alike_read_as_the_next_numeral_is_the_one_before_it(label):
    """A rendered poor scan of a Party programme: `I.` read `I1.`, which passes for `II`;
    the clean `II.` after it shows it was `I`, and the siblings keep their numbers."""
    a = _read(
        f"KẾ HOẠCH\nVề thử\n{label} MỤC TIÊU\n1. Mục tiêu chung\nTạo chuyển biến.\n"
        "II. NHIỆM VỤ\n1. Hoàn thiện thể chế.\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II", "II/1", "III", "III/1"]


@pytest.mark.parametrize(("first", "second"), [("I1.", "1L"), ("Il.", "IL")])
def test_a_first_roman_look_alike_before_another_look_alike_is_one(first, second):
    """A rendered poor copy of an urban district's plan: `I1.`, `1L`, then `III.` read `II.`: no clean
    numeral confirms the first, and no plan opens its Roman items on II."""
    a = _read(
        f"KẾ HOẠCH\nVề thử\n{first} MỤC TIÊU\n1. Mục tiêu chung\nTạo chuyển biến.\n"
        f"{second} NHIỆM VỤ\n1. Hoàn thiện thể chế.\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II", "II/1", "III", "III/1"]


def test_a_list_numbers_dot_read_as_a_comma_leaves_the_task_its_text():
    """`2, Ủy ban nhân dân …` on rendered scans of four plans and in real scans (`1, Về công bố …`)."""
    a = _read("KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì rà soát.\n2, Sở Tài chính bảo đảm kinh phí.")
    assert [(t.text, t.lead) for t in a.tasks] == [
        ("Sở Y tế chủ trì rà soát.", ["Sở Y tế"]),
        ("Sở Tài chính bảo đảm kinh phí.", ["Sở Tài chính"]),
    ]


@pytest.mark.parametrize("marker", ["I®", "[3]", "!!", "I2l"])
def test_a_footnote_marker_glued_to_a_percent_keeps_the_target(marker):
    a = _read(
        f"KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu\n- Tỷ lệ che phủ rừng đạt 45%{marker}; duy trì diện tích rừng."
    )
    assert [(t.value, t.unit) for t in a.targets] == [(45.0, "%")]


def test_a_quarter_numeral_read_as_digits():
    a = _read("KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Báo cáo\n- Báo cáo kết quả trong quý 11/2026.")
    assert [(d.kind, d.end) for d in a.deadlines] == [("quarter", "2026-Q2")]


@pytest.mark.parametrize(
    ("written", "end"),
    [
        # rendered scans of five invented plans
        ("quý 1V năm 2022", "2022-Q4"),  # the look-alike before `năm`, no slash
        ("Quý I1V/2024", "2024-Q4"),  # a stroke too many
        ("Quý 1II1/2023", "2023-Q3"),
    ],
)
def test_a_quarter_numeral_ocr_read_with_strokes(written, end):
    a = _read(f"KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Báo cáo\n- Báo cáo kết quả trong {written}.")
    assert [(d.kind, d.end) for d in a.deadlines] == [("quarter", end)]


def test_a_stray_dot_inside_a_vision_phrase_keeps_it_a_vision():
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Chất thải\n- Thực hiện Kế hoạch quốc gia về quản lý chất thải "
        "giai đoạn 2021 - 2030, tầm nhìn . đến năm 2050."
    )
    assert [d.end for d in a.deadlines] == []


def test_a_letter_item_run_into_its_heading_behind_junk_is_its_own_section():
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Tăng cường quản lý chất thải rắn : ˆ a) Về chất thải sinh hoạt\n- Phân loại rác."
    )
    assert [(s.section_id, s.heading) for s in a.sections if s.section_id.startswith("I/")] == [
        ("I/1", "Tăng cường quản lý chất thải rắn"),
        ("I/1/a", "Về chất thải sinh hoạt"),
    ]


def test_the_signer_read_at_the_end_of_a_recipient_line():
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Rà soát.\nNơi nhận:\n- Bộ Nông nghiệp và Môi trường;\n"
        "TM. ỦY BAN NHÂN DÂN\n- Lưu: VT, TH. Trần Văn Bình"
    )
    assert a.facts.signer_name == "Trần Văn Bình"


@pytest.mark.parametrize("tail", [" .", " :", " ˆ", "."])
def test_junk_at_the_end_of_a_damaged_roman_heading(tail):
    a = _read(
        f"KẾ HOẠCH\nVề thử\nI. MỤC ĐÍCH\n1. Quán triệt.\nII. NHIỆM VỤ\n1. Trồng rừng.\nHI. TỔ CHỨC THỰC HIỆN{tail}\n1. Sở Tài chính\n- Bố trí kinh phí."
    )
    kinds = {s.section_id: s.kind for s in a.sections}
    assert kinds.get("III") == "to_chuc_thuc_hien" and kinds.get("III/1") == "to_chuc_thuc_hien"
    assert [t.lead for t in a.tasks if t.section_id == "III/1"] == [["Sở Tài chính"]]


_TASKS_UNDER_A_LEAD = (
    "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Một số nhiệm vụ cụ thể:\n"
    "a) Sở Tài nguyên và Môi trường chủ trì, phối hợp với các sở, ngành và địa phương:\n"
    "Tiếp tục đẩy mạnh công tác tuyên truyền nâng cao nhận thức về bảo vệ môi trường biển.{junk}\n\n"
    "Tập trung kiểm soát, ngăn ngừa, giải quyết ô nhiễm môi trường.\n"
)


@pytest.mark.parametrize("junk", [" L", " ST", " t"])
def test_a_consonant_smudge_after_a_sentence_does_not_join_the_next_task(junk):
    clean = [t.text for t in _read(_TASKS_UNDER_A_LEAD.format(junk="")).tasks]
    assert len(clean) == 2
    assert [t.text for t in _read(_TASKS_UNDER_A_LEAD.format(junk=junk)).tasks] == clean


def test_a_smudge_under_a_heading_that_ends_in_a_colon_leaves_the_task_its_own():
    damaged = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n"
        "1. Nâng cao năng lực, hiệu quả quản lý nhà nước, xử lý vi phạm: ST\n"
        "'Sở Tài nguyên và Môi trường phối hợp với các sở, ngành và địa phương rà soát, cập nhật các văn bản.\n"
    )
    tasks = _read(damaged).tasks
    assert [t.text[:14] for t in tasks] == ["Sở Tài nguyên "]
    assert tasks[0].lead == ["Sở Tài nguyên và Môi trường"]


def test_short_initials_after_a_colon_are_kept():
    from extractors.normalize.pages import repair_ocr_debris

    assert repair_ocr_debris("- Lưu: VT") == ["- Lưu: VT"]
    assert repair_ocr_debris("Nơi nhận: TT") == ["Nơi nhận: TT"]


@pytest.mark.parametrize("smudge", ["-", "-_", "-~", "–ˆ"])
def test_a_smudged_dash_before_a_wrapped_line_joins_it_to_its_sentence(smudge):
    text = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Nhiệm vụ cụ thể\n"
        "1.1. Sở Y tế, Sở Nội vụ: Theo chức năng, nhiệm vụ phối hợp với Ủy ban nhân dân các huyện triển khai "
        "các chính sách an sinh xã hội theo\n{dash} quy định của pháp luật.\n1.2. Sở Tư pháp\n- Rà soát các văn bản.\n"
    )
    clean = [(t.section_id, t.text, t.lead) for t in _read(text.replace("\n{dash} ", " ")).tasks]
    assert len(clean) == 2
    assert [(t.section_id, t.text, t.lead) for t in _read(text.replace("{dash}", smudge)).tasks] == clean


@pytest.mark.parametrize("smudge", ["- ", "-_", "_ ", "-~ "])
def test_a_smudged_dash_before_the_number_a_line_wrapped_to_joins_it(smudge):
    # `… Quyết định số` / `-_1756/QĐ-TTg …`: seen in two poor scans and a scan (`Kết luận số` / `_ 56-KL/TW`).
    text = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Tài chính\n- Chủ trì, phối hợp sở, ngành triển khai thực hiện Quyết định số"
        "\n{dash}1756/QĐ-TTg ngày 31 tháng 12 năm 2023 của Thủ tướng Chính phủ.\n- Rà soát các văn bản.\n"
    )
    clean = _read(text.replace("\n{dash}", " "))
    damaged = _read(text.replace("{dash}", smudge))
    assert len(clean.tasks) == len(damaged.tasks) == 2
    assert "1756/QĐ-TTg" in damaged.tasks[0].text  # the number stays in its task
    assert [r.ref_key for r in damaged.legal_refs] == [r.ref_key for r in clean.legal_refs]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("tổ chức thực hiện có hiệu quả các", "Chương trình về phát triển nhà ở."),
        ("xây dựng phương án tác chiến theo hướng dẫn của Bộ", "Quốc phòng, Bộ Công an."),
    ],
)
def test_a_dash_before_a_capitalised_line_of_an_open_sentence_is_ocrs(before, after):
    text = "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Xây dựng\n- Tham mưu {before}\n{dash}{after}\n- Rà soát các văn bản.\n"
    clean = [t.text for t in _read(text.format(before=before, dash="", after=after)).tasks]
    assert len(clean) == 2
    assert [t.text for t in _read(text.format(before=before, dash="- ", after=after)).tasks] == clean


def test_a_bullet_after_a_finished_item_stays_a_bullet():
    text = "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Xây dựng\n- Tham mưu Ủy ban nhân dân tỉnh\n- Rà soát các văn bản.\n"
    assert len(_read(text).tasks) == 2


_NUMBERED = (
    "KẾ HOẠCH\nVề thử\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
    "2. Sở Tư pháp rà soát các văn bản theo quy định hiện hành.{junk}\n{label} Sở Kế hoạch và Đầu tư tổ chức lồng ghép "
    "các yêu cầu bảo vệ môi trường.\n{after}. Sở Xây dựng hướng dẫn các địa phương.\n"
)


@pytest.mark.parametrize(("junk", "label"), [("", "."), (" -", "."), ("", "S")])
def test_a_number_ocr_lost_is_taken_from_the_gap_its_neighbours_leave(junk, label):
    """`. Sở Kế hoạch …`, and one mark for the number (`S Phòng Văn hóa …`, a rendered scan of
    a steering committee's plan), between `2.` and `4.`."""
    clean = _read(_NUMBERED.format(junk="", label="3.", after="4"))
    damaged = _read(_NUMBERED.format(junk=junk, label=label, after="4"))
    assert [s.section_id for s in damaged.sections] == [s.section_id for s in clean.sections]
    assert [(t.section_id, t.text, t.lead) for t in damaged.tasks] == [
        (t.section_id, t.text, t.lead) for t in clean.tasks
    ]
    assert [t.text[:6] for t in damaged.tasks if t.section_id == "I/3"] == ["Sở Kế "]


@pytest.mark.parametrize("label", [".", "S"])
def test_a_dot_line_without_a_gap_for_it_makes_no_section(label):
    a = _read(_NUMBERED.format(junk="", label=label, after="3"))
    assert [s.section_id for s in a.sections if s.section_id.startswith("I")] == ["I", "I/1", "I/2", "I/3"]


@pytest.mark.parametrize("after", ["II. CHẾ ĐỘ BÁO CÁO\n1. Các sở báo cáo định kỳ.", "4. Sở Xây dựng hướng dẫn."])
def test_a_number_read_as_a_marked_vowel_is_the_number_its_list_expects(after):
    """`ạ. Ủy ban nhân dân các quận, huyện …` after `1.`, `2.` (a rendered scan of a city's plan):
    no list is lettered by `ạ`; at the list's end too, where no number after it confirms the gap."""
    text = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Tài chính bố trí kinh phí thực hiện.\n"
        "2. Sở Tư pháp rà soát các văn bản.\n{label} Ủy ban nhân dân các quận, huyện chỉ đạo triển khai.\n{after}\n"
    )
    clean = _read(text.format(label="3.", after=after))
    damaged = _read(text.format(label="ạ.", after=after))
    assert [s.section_id for s in damaged.sections] == [s.section_id for s in clean.sections]
    assert "I/3" in [s.section_id for s in damaged.sections]
    assert [(t.section_id, t.lead) for t in damaged.tasks] == [(t.section_id, t.lead) for t in clean.tasks]


def test_a_letter_with_its_dot_is_a_letter_label_not_a_lost_number():
    """`C. Kiểm tra …` between `b.` and `d.` (a real OCR'd plan): a letter item read in capitals."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. NỘI DUNG\n1. Phương thức kiểm tra\na. Thu thập tài liệu;\nb. Kiểm tra hồ sơ;\n"
        "C. Kiểm tra thực tế tại hiện trường;\nd. Lập biên bản kiểm tra.\n2. Thời gian"
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == [
        "I",
        "I/1",
        "I/1/a",
        "I/1/b",
        "I/1/c",
        "I/1/d",
        "I/2",
    ]


@pytest.mark.parametrize(("second", "third"), [("1L NHIỆM VỤ", "III."), ("II.", "IIL"), ("H", "III.")])
def test_a_roman_look_alike_that_lost_its_dot(second, third):
    """Rendered scans of a department's and a province's plans: `II.` read `1L`, `III.` read
    `IIL`, the dot lost with the strokes; the sequence around them keeps the numbers."""
    second = second if " " in second else f"{second} NHIỆM VỤ"
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao hiệu quả.\n"
        f"{second}\n1. Hoàn thiện thể chế.\n{third} TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II", "II/1", "III", "III/1"]


@pytest.mark.parametrize(
    ("second", "third"),
    [
        ("II.", "IIIL"),  # the dot read as a foot after `III`: `IIII` is no numeral
        ("IIL", "III."),  # after `I.`, `IIL` is `II` and its dot, not `III`
        ("II.", "II."),  # a numeral never repeats the one before it
        ("IIL", "II"),  # both: the foot was the dot, then a stroke lost with the dot
    ],
)
def test_a_roman_numeral_read_by_the_sequence_it_stands_in(second, third):
    """Rendered scans of a department's, a school-year and a province's plans."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao hiệu quả.\n"
        f"{second} NHIỆM VỤ\n1. Hoàn thiện thể chế.\n{third} TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II", "II/1", "III", "III/1"]


def test_a_number_whose_dot_ocr_read_as_a_colon():
    a = _read(
        "KẾ HOẠCH\nVề thử\nII. NHIỆM VỤ\n1: Các phòng chuyên môn hướng dẫn các trường triển khai học bạ số.\n"
        "2. Các trường chủ động bố trí kinh phí."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["II", "II/1", "II/2"]
    assert len(a.tasks) == 2


def test_a_capitals_line_opening_on_a_word_is_no_label():
    a = _read("KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao hiệu quả.\nHI VỌNG TƯƠI SÁNG\nII. NHIỆM VỤ")
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II"]


def test_a_goal_item_whose_dot_ocr_read_as_a_comma():
    """`1, 100% cơ sở giáo dục …` (a rendered poor scan of a school-year plan): the goal item it was."""
    a = _read("KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1, 100% cơ sở giáo dục sử dụng học bạ số trong năm 2026.\nII. NHIỆM VỤ")
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "II"]


def test_an_em_dash_before_a_sentence_is_a_bullets_dash():
    text = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Tài nguyên và Môi trường\n"
        "- Tập trung cho vùng Tứ giác Long Xuyên và vùng U Minh Thượng (bán đảo Cà Mau).\n"
        "{dash} Quản lý chặt chẽ, khoa học và sử dụng có hiệu quả nguồn tài nguyên.\n"
    )
    clean = [t.text for t in _read(text.format(dash="-")).tasks]
    assert len(clean) == 2
    assert [t.text for t in _read(text.format(dash="—")).tasks] == clean


def _wrapped_page(dash: str) -> str:
    """An OCR'd page whose prose wraps at about 78 characters, one wrapped line behind `dash`."""
    filler = (
        "- Tăng cường công tác phối hợp giữa các sở, ban ngành và Ủy ban nhân dân các huyện trong việc "
        "triển khai các nhiệm vụ được giao, bảo đảm đúng tiến độ và chất lượng theo kế hoạch đề ra."
    )
    lines = ["KẾ HOẠCH", "Về thử", "I. NHIỆM VỤ", "1. Sở Ngoại vụ"]
    for _ in range(6):
        words, cur = filler.split(), ""
        for w in words:
            if len(cur) + len(w) + 1 > 78:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        lines.append(cur)
    lines += [
        "- Phối hợp chặt chẽ trong công tác mở các cặp cửa khẩu phụ trên tuyến biên giới",
        "Việt Nam - Campuchia và nâng cấp cặp cửa khẩu phụ Đăk Long nằm trên địa bàn",
        f"{dash}Ngọc Hồi lên thành cửa khẩu chính.",
        "- Rà soát các văn bản.",
    ]
    return "\n".join(lines)


def _ocr_read(page: str, source: str = "ocr"):
    from extractors.normalize.pages import normalize_pages

    return analyse(normalize_pages([page], paged=True, page_sources=[source]).text)


def test_a_dash_ocr_put_before_a_line_the_page_wrapped_joins_it_to_its_sentence():
    clean = [(t.section_id, t.text) for t in _ocr_read(_wrapped_page("")).tasks]
    assert [t.text for t in _ocr_read(_wrapped_page("- ")).tasks] == [text for _, text in clean]
    assert any(text.endswith("Đăk Long nằm trên địa bàn Ngọc Hồi lên thành cửa khẩu chính.") for _, text in clean)


def test_a_bullet_after_a_full_line_stays_a_bullet_in_a_text_layer_and_under_a_heading():
    # From a text layer the line breaks are the author's: the dash is a bullet.
    texts = [t.text for t in _ocr_read(_wrapped_page("- "), source="text").tasks]
    assert "Ngọc Hồi lên thành cửa khẩu chính." in texts
    heading = "c) Bảo vệ và phát triển rừng, bảo tồn thiên nhiên và đa dạng sinh học của tỉnh nhà"
    page = _wrapped_page("").replace("1. Sở Ngoại vụ", "1. Sở Ngoại vụ\n" + heading + "\n- Tiếp tục bảo vệ rừng.")
    assert "Tiếp tục bảo vệ rừng." in [t.text for t in _ocr_read(page).tasks]


@pytest.mark.parametrize(
    "heading",
    [
        # a labelled heading wrapped over two lines, its last one running near the margin
        "c) Bảo vệ và phát triển rừng, bảo tồn thiên nhiên\n"
        "đồng thời nâng cao chất lượng rừng và giá trị kinh tế của rừng trên địa bàn",
        # a paragraph OCR ended with a blank line before the bullet
        "Triển khai đồng bộ các giải pháp bảo vệ và phát triển rừng, bảo tồn thiên nhiên và đa dạng\nsinh học của tỉnh nhà trong giai đoạn phát triển mới của tỉnh nhà\n",
    ],
)
def test_a_bullet_under_a_wrapped_heading_or_after_a_blank_line_stays_a_bullet(heading):
    """Found on rendered poor scans of the samples: a full last line above a dash is no wrap
    when it closes a labelled heading, or when OCR left a blank line between them."""
    page = _wrapped_page("").replace("1. Sở Ngoại vụ", "1. Sở Ngoại vụ\n" + heading + "\n- Tiếp tục bảo vệ rừng.")
    assert "Tiếp tục bảo vệ rừng." in [t.text for t in _ocr_read(page).tasks]


def test_a_wrapped_heading_whose_last_line_stops_short_has_ended():
    """No dash under it: the short last line of a labelled heading ends it, and the
    capitalised line under it is its first paragraph, not more of the heading."""
    heading = (
        "d) Đẩy mạnh nghiên cứu khoa học, ứng dụng công nghệ trong ứng phó với biến đổi khí hậu\n"
        "và bảo vệ môi trường\nKhuyến khích các doanh nghiệp đổi mới công nghệ."
    )
    page = _wrapped_page("").replace("1. Sở Ngoại vụ", "1. Sở Ngoại vụ\n" + heading)
    sections = {s.section_id: s.heading for s in _ocr_read(page).sections}
    assert sections["I/1/d"].endswith("và bảo vệ môi trường")


@pytest.mark.parametrize(
    "line", ["-'Thực hiện quy hoạch thăm dò khoáng sản.", "'Thực hiện quy hoạch thăm dò khoáng sản."]
)
def test_an_apostrophe_ocr_glued_to_a_bullets_first_word(line):
    """Two real poor scans (kontum-06, qd243): `-'Thực hiện …`, `'Tổ chức …`."""
    (task,) = _ocr_read(f"KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Công Thương\n{line}").tasks
    assert task.text == "Thực hiện quy hoạch thăm dò khoáng sản."


def _read_pages(pages: list[str], ocr: bool):
    from extractors.normalize.pages import normalize_pages

    norm = normalize_pages(pages, page_sources=["ocr" if ocr else "text"] * len(pages))
    read = frozenset(range(1, len(pages) + 1)) if ocr else frozenset()
    return analyse(norm.text, norm.page_starts, read)


def _tasks(text: str, ocr: bool | None = None) -> list[tuple]:
    """(section, text) of each task; `ocr` reads `text` as one OCR'd (or text-layer) page."""
    a = _read(text) if ocr is None else _read_pages([text], ocr=ocr)
    return [(t.section_id, t.text) for t in a.tasks]


_GOALS = "KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Mục tiêu\n"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("- Nâng độ che phủ rừng đạt 649%.", 64.0),  # `64%.`: the stop read as a digit
        ("- Tỷ lệ che phủ rừng đạt 459%; duy trì diện tích rừng.", 45.0),  # `45%[3]`
        ("- Tỷ lệ hộ dân dùng nước sạch đạt 1009%.", 100.0),
    ],
)
def test_an_ocr_share_above_100_loses_the_digit_a_glued_mark_made(line, value):
    a = _read_pages([_GOALS + line], ocr=True)
    assert [t.value for t in a.targets] == [value]
    assert any("glued mark" in w and "p1" in w for w in a.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "- Thu ngân sách đạt 105% dự toán.",  # a ratio to a plan: something follows the figure
        "- Giá trị sản xuất tăng 150%.",  # growth, not a level
        "- Tỷ lệ che phủ rừng đạt 649% so với năm 2020.",  # a baseline
        "- Chỉ số sản xuất công nghiệp đạt 250%.",  # an index, not a share
        "- Tỷ lệ tăng dân số đạt 1509%.",  # dropping a digit leaves more than 100
    ],
)
def test_other_figures_above_100_stay_as_read(line):
    a = _read_pages([_GOALS + line], ocr=True)
    assert all(t.value is None or t.value > 100 for t in a.targets)
    assert not any("glued mark" in w for w in a.warnings)


def test_a_digital_share_above_100_stays_as_its_authors_wrote_it():
    a = _read_pages([_GOALS + "- Nâng độ che phủ rừng đạt 649%."], ocr=False)
    assert [t.value for t in a.targets] == [649.0]
    assert not any("glued mark" in w for w in a.warnings)


@pytest.mark.parametrize("junk", [" :", " : : :", " ;", " .", " : ;"])
def test_lone_marks_after_a_finished_item_leave_it_a_task(junk):
    # `… bảo vệ môi trường. :`: OCR's specks after a sentence (30 lines in two poor scans) made it end in a colon.
    text = (
        "KẾ HOẠCH\nVề thử\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp rà soát các văn bản quy phạm pháp luật về môi trường.\n"
        "2. Các tổ chức chính trị - xã hội đẩy mạnh hoạt động giám sát, phản biện xã hội đối với các chủ trương, "
        "biện pháp bảo vệ môi trường.{junk}\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh.\n"
    )
    clean = _tasks(text.format(junk=""))
    assert len(clean) == 2
    assert _tasks(text.format(junk=junk)) == clean


def test_a_spaced_colon_at_the_end_of_an_ocr_line_is_a_speck():
    # `… thực hiện :` / `Nghị quyết số …`, `… của Bộ Chính :` / `trị`: the sentence runs on.
    page = (
        "KẾ HOẠCH\nVề thử\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp rà soát các văn bản quy phạm pháp luật về môi trường.\n"
        "2. Các tổ chức chính trị - xã hội đẩy mạnh hoạt động giám sát bảo vệ môi trường.\n"
        "Trên đây là Chương trình hành động của Ủy ban nhân dân tỉnh thực hiện{colon}\n"
        "Nghị quyết số 06/NQ-CP ngày 21 tháng 01 năm 2021 của Chính phủ.\n"
    )
    clean = _tasks(page.format(colon=""), ocr=True)
    assert len(clean) == 2
    assert _tasks(page.format(colon=" :"), ocr=True) == clean
    # A text layer keeps what its authors typed.
    digital = _read_pages([page.format(colon=" :")], ocr=False)
    assert "thực hiện :" in digital.doc.text


@pytest.mark.parametrize("specks", [" Tin :", " Sun :", " : Ni tàng :", " si :"])
def test_short_specks_and_a_colon_after_a_finished_ocr_item_leave_the_next_item_its_own(specks):
    page = (
        "KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Sở Công Thương\n"
        "Hỗ trợ doanh nghiệp thực hiện đánh giá sản xuất sạch hơn, giảm thiểu phát sinh chất thải.{specks}\n"
        "Tổ chức thực hiện có hiệu quả Kế hoạch sử dụng năng lượng tiết kiệm và hiệu quả.\n"
    )
    clean = _tasks(page.format(specks=""), ocr=True)
    assert len(clean) == 2
    assert _tasks(page.format(specks=specks), ocr=True) == clean


def _read_indented(lines: list[tuple[str, bool | None]]):
    from extractors.normalize.pages import normalize_pages

    page = "\n".join(text for text, _ in lines)
    norm = normalize_pages([page], page_sources=["ocr"], page_indents=[[indent for _, indent in lines]])
    return analyse(norm.text, norm.page_starts, frozenset({1}))


_ITEMS = [
    ("KẾ HOẠCH", True),
    ("Về thử", True),
    ("I. NHIỆM VỤ", True),
    ("1. Sở Xây dựng", True),
    ("- Tham mưu triển khai có hiệu quả Chương trình phát triển đô thị tỉnh đến năm 2030, tầm nhìn", True),
    ("đến năm 2050. Phối hợp với các sở, ngành có liên quan xây dựng lộ trình thực hiện.", False),
    ("{dash}Đồng thời, chủ động phối hợp với các bộ, ngành trung ương hoàn thiện các thủ tục", False),
    ("pháp lý để sớm kêu gọi đầu tư.", False),
    ("- Rà soát các quy hoạch xây dựng vùng huyện, quy hoạch đô thị và nông thôn.", True),
] + [
    # more items, so the page has full lines to measure (wrapped lines run to the right margin)
    (f"- Tổ chức kiểm tra, giám sát việc thực hiện các nhiệm vụ trọng tâm của đợt {n} trên địa bàn", True)
    if half == 0
    else ("tỉnh theo đúng quy định của pháp luật về đầu tư công và các văn bản hướng dẫn.", False)
    for n in range(1, 8)
    for half in (0, 1)
]


@pytest.mark.parametrize("dash", ["- ", "_ ", "-_ "])
def test_a_dash_ocr_read_at_the_left_margin_is_no_bullet(dash):
    # `… năm 2050.` / `_ Đồng thời, …` flush with the margin, where the page wraps: the item goes on.
    damaged = _read_indented([(t.format(dash=dash), i) for t, i in _ITEMS])
    assert [t.text[:9] for t in damaged.tasks][:3] == ["Tham mưu ", "Rà soát c", "Tổ chức k"]
    assert len(damaged.tasks) == 9
    assert "thực hiện. Đồng thời, chủ động" in damaged.tasks[0].text


def test_an_indented_dash_stays_a_bullet_and_unknown_indents_change_nothing():
    indented = [(t.format(dash="- "), True if t.startswith("{dash}") else i) for t, i in _ITEMS]
    assert len(_read_indented(indented).tasks) == 10
    unknown = [(t.format(dash="- "), None) for t, _ in _ITEMS]
    assert len(_read_indented(unknown).tasks) == 10


def test_roman_numerals_that_break_their_sequence_are_read_from_their_neighbours():
    """A rendered poor scan of a commune plan: `II.` read `IH.`, `III.` read `HI.`; the
    clean `IV.` after them confirms `II` and `III`, so the parts keep their numbers."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả.\nIH. CHỈ TIÊU\n- Phấn đấu 100% hồ sơ.\n"
        "HI. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể chế\nPhòng Kinh tế chủ trì.\nIV. TỔ CHỨC THỰC HIỆN\n1. Công an xã\nTuyên truyền."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == [
        "I",
        "I/1",
        "II",
        "III",
        "III/1",
        "IV",
        "IV/1",
    ]


@pytest.mark.parametrize(
    "first",
    [
        "L. Quy hoạch vùng sản xuất",
        "[. Quy hoạch vùng sản xuất",
        "|. Quy hoạch vùng sản xuất",
        "1. Quy hoạch vùng sản xuất",
    ],
)
def test_a_first_roman_under_a_lettered_part_read_as_a_stroke_or_l(first):
    """`I.` over a sentence-case heading read `L.` (fifty) or `[.`: the next `II.` shows it was `I`."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nA. MỤC TIÊU\nI. Mục đích\nPhát triển.\nB. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        f"{first}\n* Phòng Nông nghiệp chủ trì rà soát quy hoạch.\nII. Phát triển hợp tác xã\nỦy ban nhân dân các xã vận động."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["A", "A/I", "B", "B/I", "B/II"]
    assert [t.section_id for t in a.tasks] == ["B/I", "B/II"]


def test_a_sentence_numbered_1_before_a_roman_ii_stays_a_number():
    """A real scan (a Government resolution's appendix): `1. Không thực hiện …` then `II. Không
    thực hiện …`, OCR's `2.`; a sentence is an item, not a Roman heading."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nA. LĨNH VỰC ĐIỆN\nI. Cấp phép\n1. Hồ sơ.\nD. LĨNH VỰC KINH DOANH XĂNG DẦU\n"
        "1. Không thực hiện các thủ tục hành chính cấp lại Giấy xác nhận đủ điều kiện làm tổng đại lý.\n"
        "II. Không thực hiện các thủ tục hành chính cấp sửa đổi Giấy xác nhận."
    )
    assert "D/I" not in [s.section_id for s in a.sections]


@pytest.mark.parametrize(("misread", "kept"), [("9", "5"), ("6", "5"), ("3", "5"), ("7", "7")])
def test_a_number_label_whose_digit_ocr_misread(misread, kept):
    """A rendered scan of a steering committee's plan: `5.` read `9.` between `4.` and `6.`; the
    next number confirms the sequence. A digit OCR does not take for a 5 (`7.`) is left as read."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nII. NHIỆM VỤ\n4. Phòng Tài chính - Kế hoạch bố trí kinh phí.\n"
        f"{misread}. Công an huyện xử lý nghiêm các trường hợp vi phạm.\n6. Ủy ban nhân dân các xã kiện toàn Ban Chỉ đạo."
    )
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["II", "II/4", f"II/{kept}", "II/6"]


@pytest.mark.parametrize("heading", ["NỘI DỪNG HOẠT ĐỘNG", "NỘI DUNG HOẠT ĐỘNG"])
def test_a_capitals_heading_whose_tones_ocr_misread_keeps_its_kind(heading):
    """A rendered scan of a province's month of action: `III. NỘI DUNG HOẠT ĐỘNG` read
    `II NỘI DỪNG …`; the section lost its kind, and its schedule table its tasks."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. MỤC ĐÍCH\nNâng cao nhận thức.\nII. THỜI GIAN\n1. Thời gian: từ ngày 15/4/2026.\n"
        f"III. {heading}\nThời gian\tNội dung\tĐơn vị thực hiện\n"
        "Trước ngày 10/4/2026\tBan hành văn bản hướng dẫn các địa phương\tSở Y tế\n"
        "Ngày 15/4/2026\tTổ chức Lễ phát động\tSở Y tế\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế theo dõi."
    )
    assert next(s.kind for s in a.sections if s.section_id == "III") == "nhiem_vu_giai_phap"
    assert [t.text for t in a.tasks if t.section_id == "III"] == [
        "Ban hành văn bản hướng dẫn các địa phương",
        "Tổ chức Lễ phát động",
    ]


def test_a_heading_without_any_marks_keeps_no_kind():
    """A text layer that lost every mark (`IV NOI DUNG, PHUONG PHAP`): letters alone say too little."""
    a = _read("BIÊN BẢN\nVề thử\nI. THANH PHAN\n1. Dai dien.\nII. NOI DUNG KIEM TRA\n1. Kiem tra ho so.")
    assert next(s.kind for s in a.sections if s.section_id == "II") != "nhiem_vu_giai_phap"


@pytest.mark.parametrize("lookalike", ["IL", "Il", "1I", "LL"])
def test_a_dotless_roman_lookalike_over_a_heading_in_small_letters(lookalike):
    """`IL Phát triển hợp tác xã` for `II. Phát triển …` (a rendered scan of a district plan; the real
    NQ-19 scan's `LL Điều kiện nhập khẩu …` between `I.` and `II.`): the numeral the Roman sequence
    expects; the heading's line is its own, not run into the line under it."""
    text = (
        "KẾ HOẠCH\nVề thử\nI. Quy hoạch vùng sản xuất\n"
        "* Phòng Nông nghiệp chủ trì rà soát quy hoạch vùng sản xuất.\n{label} Phát triển hợp tác xã\n"
        "Ủy ban nhân dân các xã vận động thành lập mới hợp tác xã nông nghiệp.\nIII. Tổ chức thực hiện\n"
    )
    clean = _read(text.format(label="II."))
    damaged = _read(text.format(label=lookalike))
    assert "II" in [s.section_id for s in clean.sections]
    assert [(s.section_id, s.heading) for s in damaged.sections] == [(s.section_id, s.heading) for s in clean.sections]
    assert [(t.section_id, t.lead) for t in damaged.tasks] == [(t.section_id, t.lead) for t in clean.tasks]


def test_a_dotless_roman_lookalike_where_no_roman_item_is_open_is_no_label():
    a = _read("KẾ HOẠCH\nVề thử\n1. Quy hoạch vùng sản xuất.\n2. Phát triển sản xuất.\nLL Phát triển hợp tác xã.\n")
    assert [s.section_id for s in a.sections if s.label] == ["1", "2"]


def _page_items(second: str, second_indent: bool | None = True, first_end: str = "."):
    """An OCR'd page of numbered items, the second as OCR read it; wrapped lines start flush."""
    lines = [
        ("KẾ HOẠCH", True),
        ("Về thử", True),
        ("I. TỔ CHỨC THỰC HIỆN", True),
        (f"1. Sở Y tế chủ trì tổ chức tập huấn cho cán bộ y tế cơ sở trong Quý II/2024{first_end}", True),
        (f"{second} Phòng Văn hóa và Thông tin phối hợp với Trung tâm văn hóa - truyền thông", second_indent),
        ("huyện đẩy mạnh công tác tuyên truyền về phòng, chống dịch bệnh.", False),
        ("3. Phòng Giáo dục và Đào tạo chỉ đạo các trường học thực hiện vệ sinh môi trường.", True),
    ]
    return _read_indented(lines)


@pytest.mark.parametrize(
    ("second", "indent"), [("đt", True), ("..", True), ("si", True), ("dn 2.", False), ("n2:", False)]
)
def test_a_number_ocr_read_as_specks_keeps_its_item(second, indent):
    """Rendered scans of a steering committee's, a Party committee's, a health and a police plan:
    `2.` read `đt`, `..`, `si` on a line the page indents, or with a speck before it (`dn 2.`, `n6:`)
    where the speck sits at the margin: the item was run into the one before, its lead lost."""
    clean = _page_items("2.")
    damaged = _page_items(second, indent)
    assert [s.section_id for s in damaged.sections] == [s.section_id for s in clean.sections]
    assert [(t.section_id, t.lead) for t in damaged.tasks] == [(t.section_id, t.lead) for t in clean.tasks]
    assert ("I/2", ["Phòng Văn hóa và Thông tin"]) in [(t.section_id, t.lead) for t in clean.tasks]


def test_a_speck_label_after_an_item_whose_full_stop_ocr_lost():
    """`… bảo hiểm y tế` / `si Ủy ban …` (a rendered scan of a health plan): the item's dot lost too."""
    clean = _page_items("2.", first_end="")
    damaged = _page_items("si", first_end="")
    assert [(t.section_id, t.lead) for t in damaged.tasks] == [(t.section_id, t.lead) for t in clean.tasks]


def test_a_common_word_on_an_indented_line_after_an_open_clause_goes_on():
    """A page that indents wrapped lines under their label (`… phối hợp với Sở Nội vụ` / `và Sở
    Tài chính …`): a common word opening such a line is no speck."""
    a = _page_items("và", first_end=", phối hợp với Sở Nội vụ")
    assert [s.section_id for s in a.sections if s.kind != "preamble"] == ["I", "I/1", "I/3"]
    assert "phối hợp với Sở Nội vụ và Phòng Văn hóa" in a.tasks[0].text


@pytest.mark.parametrize(
    ("label", "after"),
    [
        ("sa.", "3. Văn phòng theo dõi, đôn đốc."),
        ("Z.", ""),
        ("đt", ""),
        ("si", "3. Văn phòng theo dõi, đôn đốc."),
        ("m.", "3. Văn phòng theo dõi, đôn đốc."),  # a letter no letter list opens or goes on
    ],
)
def test_a_number_read_as_letters_is_the_number_its_list_expects(label, after):
    """`sa. Ủy ban Kiểm tra …` between `1.` and `3.`, `Z. Ủy ban nhân dân …` closing a list (rendered
    scans of a Party programme and an event plan); a speck that is no word may close its list too."""
    lines = ["KẾ HOẠCH", "Về thử", "I. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính bố trí kinh phí thực hiện."]
    lines += ["{label} Ủy ban nhân dân các huyện xây dựng kế hoạch của địa phương.", *([after] if after else [])]
    clean = _read_indented([(ln.format(label="2."), True) for ln in lines])
    damaged = _read_indented([(ln.format(label=label), True) for ln in lines])
    assert [s.section_id for s in damaged.sections] == [s.section_id for s in clean.sections]
    assert "I/2" in [s.section_id for s in damaged.sections]
    assert [(t.section_id, t.lead) for t in damaged.tasks] == [(t.section_id, t.lead) for t in clean.tasks]


@pytest.mark.parametrize("line", ["a. Sở Tài chính bố trí kinh phí.", "và Sở Tài chính bố trí kinh phí."])
def test_a_letter_label_or_a_common_word_closing_a_list_is_no_lost_number(line):
    a = _read(f"KẾ HOẠCH\nVề thử\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì.\n{line}\n")
    assert "I/2" not in [s.section_id for s in a.sections]


@pytest.mark.parametrize(
    ("read", "written"),
    [("06- NQ/TW", "06-NQ/TW"), ("123/KH- BCĐTUATTP", "123/KH-BCĐTUATTP"), ("57 -NQ/TW", "57 -NQ/TW")],
)
def test_a_space_ocr_put_after_a_numbers_dash_is_no_part_of_it(read, written):
    """Rendered scans of a district Party programme and an event plan: `Nghị quyết số 06- NQ/TW`
    in the title and the text, `Kế hoạch số 123/KH- BCĐTUATTP`; a text layer keeps what was typed."""
    page = f"KẾ HOẠCH\nThực hiện Nghị quyết số {read} của Ban Chấp hành\nI. MỤC TIÊU\n1. Nâng cao nhận thức.\n"
    assert f"số {written} của" in _read_pages([page], ocr=True).doc.text
    assert f"số {read} của" in _read_pages([page], ocr=False).doc.text


def test_a_dash_between_a_year_and_a_name_keeps_its_space():
    page = "KẾ HOẠCH\nVề thử\nI. MỤC TIÊU\n1. Giai đoạn 2021- 2025, UBND tỉnh chỉ đạo; năm 2025- UBND tỉnh tổng kết.\n"
    assert "2021- 2025, UBND tỉnh chỉ đạo; năm 2025- UBND" in _read_pages([page], ocr=True).doc.text


def test_a_typed_letter_style_between_numbers_is_no_lost_number():
    """`b/.` is how an office letters its items, not OCR's reading of a number (a broken text
    layer's `a/.` inside a line left `b/.` between `1.` and `3.`)."""
    a = _read(
        "KẾ HOẠCH\nVề thử\nI. NỘI DUNG\n1. Thông tin chung: a/. Tên Công ty;\nb/. Địa chỉ trụ sở chính.\n"
        "3. Khó khăn, vướng mắc.\n"
    )
    assert "I/2" not in [s.section_id for s in a.sections]


@pytest.mark.parametrize("title", ["THỦ TƯỚNG", "THỦ TƯƠNG", "THU TUONG"])
def test_a_signers_title_on_a_recipients_line_with_its_tone_misread(title):
    """Rendered scans of the Government's resolution: `- Ban Bí thư Trung ương Đảng; THỦ TƯƠNG`, the
    title on the first recipient's baseline, its tone lost: the document had no signer's title."""
    page = (
        "CHÍNH PHỦ\nSố: 18/NQ-CP\nNGHỊ QUYẾT\nVề thử\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình.\n"
        f"Nơi nhận:\nTM. CHÍNH PHỦ\n- Ban Bí thư Trung ương Đảng; {title}\n- Các bộ, cơ quan ngang bộ;\n"
        "- Lưu: VT, KGVX.\nPhạm Minh Chính\n"
    )
    facts = _read_pages([page], ocr=True).facts
    assert (facts.signer_title, facts.signer_name) == ("Thủ tướng", "Phạm Minh Chính")
