"""Marks OCR reads inside a word (notes/unseen-plans.md, O7): taken out only there."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractors.normalize.ocr_language import repair_ocr_text
from extractors.normalize.ocr_marks import drop_marks_inside_words
from extractors.text.dates import find_dates
from pipeline.ocr.page import repair_notes


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        # seen in the poor scans
        ("Sở Tài chính chủ. trì, phối hợp", "Sở Tài chính chủ trì, phối hợp"),
        ("các biện: pháp bảo vệ", "các biện pháp bảo vệ"),
        ("Tiếp ; tục thực hiện", "Tiếp tục thực hiện"),
        ("đề án bảo. vệ môi trường", "đề án bảo vệ môi trường"),
        ("phối hợp với các đơn: vị liên quan", "phối hợp với các đơn vị liên quan"),
        # the word wraps: the line break stays, the mark goes
        ("bảo vệ môi.\ntrường", "bảo vệ môi\ntrường"),
        ("Chính :\ntrị", "Chính\ntrị"),
        ("phương.\n\nán xử lý", "phương\n\nán xử lý"),
        # a tone dropped as well: the dictionary is read tone-blind
        ("Luật sửa đổi, bô. sung", "Luật sửa đổi, bô sung"),
    ],
)
def test_a_mark_inside_a_word_goes(read, meant):
    assert drop_marks_inside_words(read) == (meant, 1)


@pytest.mark.parametrize(
    "text",
    [
        "phát triển kinh tế - xã hội; đồng thời bảo đảm",  # a semicolon written the usual way
        "Sở Tư pháp: phối hợp với các sở",  # a colon between phrases
        "công tác phòng, chống thiên tai",  # commas are often real inside compounds
        "hoàn thành. Tổ chức thực hiện",  # a sentence ends before a capital
        "luật: liên quan",  # not one word
        "năm 2025. trong đó",  # a number is no syllable
    ],
)
def test_marks_between_words_stay(text):
    assert drop_marks_inside_words(text) == (text, 0)


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        # seen in the poor scans: a full stop glued between two syllables of no one word
        ("hệ thống công.trình thủy lợi", "hệ thống công trình thủy lợi"),
        ("- Tham.mưu từng bước phát triển", "- Tham mưu từng bước phát triển"),
        # before a clause that goes on, on the line or across the break, either side of it
        ("các Bộ, ngành trung ương. trong quá trình lập", "các Bộ, ngành trung ương trong quá trình lập"),
        ("đảm bảo giao thông luôn .\nthông suốt", "đảm bảo giao thông luôn\nthông suốt"),
        ("thực hiện các nhiệm vụ\n. phù hợp với khả năng", "thực hiện các nhiệm vụ\nphù hợp với khả năng"),
        # a lone quote between words; a full stop after another mark
        ("năm ' 2023 của Thủ tướng", "năm 2023 của Thủ tướng"),
        ("của các ngành, các địa phương.. 2.2. Đảm bảo", "của các ngành, các địa phương. 2.2. Đảm bảo"),
        ("đường bộ,.\nđường thủy", "đường bộ,\nđường thủy"),
        # a lone dash at a line's end before a clause that goes on
        ("Tăng cường quản lý hoạt động -\nkhai thác khoáng sản", "Tăng cường quản lý hoạt động\nkhai thác khoáng sản"),
        ("Quyết định số 68/QĐ-TTg ngày 10 -\ntháng 01 năm 2025", "Quyết định số 68/QĐ-TTg ngày 10\ntháng 01 năm 2025"),
    ],
)
def test_a_speck_inside_a_clause_goes(read, meant):
    assert drop_marks_inside_words(read) == (meant, 1)


@pytest.mark.parametrize(
    "text",
    [
        "- TT.Tỉnh ủy, TT.HĐND tỉnh;",  # abbreviations: a capital after the stop
        "- LĐVP, P.KT, P.TH;",
        "- Lưu: VT, CN(M.Cường).",
        "đường thoát nạn, v.v. và các giải pháp",  # single letters
        "các trục kỹ thuật đó. b) Lỗ thông tầng",  # a letter item follows
        "buồng thang.\tnhà dân dụng khác",  # a table's next cell
        "Cổng thông tin sct.laocai.gov.vn, thư tuan.nguyen@gmail.com",
        "đến năm 2030. trong đó",  # a number before the stop
        "phát triển kinh tế - xã hội của tỉnh",  # a spaced dash inside a line
        "giai đoạn 2021 -\n2025",  # a range wrapped
        "Sở Tài chính -\nCơ quan thường trực",  # a capital below
        "xem xét v.v...\ncác nội dung",  # an ellipsis
    ],
)
def test_what_writers_put_there_stays(text):
    assert drop_marks_inside_words(text) == (text, 0)


def test_the_tone_model_sees_the_word_the_mark_split():
    from extractors.normalize.ocr_tones import repair_tones

    read = "Luật sửa đổi, bô. sung một số điều của luật"
    assert repair_tones(read) == (read, 0)  # behind the mark the tone model has no context
    repaired = repair_ocr_text(read)
    assert repaired.text == "Luật sửa đổi, bổ sung một số điều của luật"
    assert (repaired.unmarked, repaired.retoned) == (1, 1)


def test_the_repairs_are_counted_per_page_in_the_warnings():
    pages = [SimpleNamespace(number=1, retoned=3, unmarked=0), SimpleNamespace(number=2, retoned=1, unmarked=2)]
    assert repair_notes(pages) == [
        "tone marks of 4 OCR'd syllables corrected from context (p1: 3, p2: 1)",
        "2 marks OCR read from specks inside a clause taken out (p2: 2)",
    ]
    assert repair_notes([SimpleNamespace(number=1, retoned=0, unmarked=0)]) == []


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        # two rendered poor copies: the deadline and a law's date had been lost
        ("thẩm định đề án trước ngày 30/9/202 1,", "thẩm định đề án trước ngày 30/9/2021,"),
        (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 202 5;",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        ),
        ("hoàn thành trong năm 20 25.", "hoàn thành trong năm 2025."),
    ],
)
def test_a_dates_year_cut_in_two_by_a_space_is_joined(read, meant):
    assert drop_marks_inside_words(read) == (meant, 1)
    # the whole OCR repair gives the date back
    assert [d for *_, d in find_dates(repair_ocr_text(read).text)] == [d for *_, d in find_dates(meant)]


@pytest.mark.parametrize(
    "text",
    [
        "mỗi năm 2 000 tỷ đồng",  # a sum with spaced thousands, not a year
        "ngày 30/9/2021 1 lần",  # a whole year, then a figure
        "năm 2025 15 xã đạt chuẩn",
        "tháng 6 năm 202 56",  # no year of four figures
        "Kế hoạch số 202 1/KH-UBND",  # no date before it
    ],
)
def test_figures_that_are_no_split_year_stay(text):
    assert drop_marks_inside_words(text) == (text, 0)
