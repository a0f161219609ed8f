"""Lower-case words OCR read as capitals: lowered, and nothing else."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractors.normalize.ocr_case import lower_misread_capitals
from extractors.normalize.ocr_language import repair_ocr_text
from pipeline.ocr.page import repair_notes


@pytest.mark.parametrize(
    ("ocr", "right"),
    [
        # real scans
        ("ngày 29/6/2024; Nghị định sỐ 181/2024/NĐ-CP", "ngày 29/6/2024; Nghị định số 181/2024/NĐ-CP"),
        ("hỗ trợ; Thông tư SỐ 23/2024/TT-BCT ngày 07/11/2024", "hỗ trợ; Thông tư số 23/2024/TT-BCT ngày 07/11/2024"),
        ("vật liệu nổ và\nCÔNG cụ hỗ trợ", "vật liệu nổ và\ncông cụ hỗ trợ"),
        # sample scans
        ("để chủ động giải quyết khi có sự\nCỐ xảy ra;", "để chủ động giải quyết khi có sự\ncố xảy ra;"),
        ("Quy hoạch tỉnh, các đơn VỊ, địa phương", "Quy hoạch tỉnh, các đơn vị, địa phương"),
        ("canh tác tiết kiệm nưỚc.", "canh tác tiết kiệm nước."),
        ("tiết kiệm\nnưỚc.", "tiết kiệm\nnước."),
        # mixed case opening a sentence keeps its capital
        ("hoàn thành. NưỚc sạch", "hoàn thành. Nước sạch"),
    ],
)
def test_words_read_as_capitals_are_lowered(ocr, right):
    assert lower_misread_capitals(ocr)[0] == right


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban nhân dân tỉnh giao Sở Công Thương chủ trì",  # capitalised names
        "kho VLNCN của đơn vị, theo QĐ số 12",  # abbreviations carry no Vietnamese mark
        "trình Chủ tịch UBND tỉnh và HĐND tỉnh",  # Đ alone makes no word
        "đề nghị GIÁM ĐỐC SỞ xem xét",  # a run of capitals: emphasis or a heading
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "hoàn thành.\nỞ cấp xã, các đơn vị",  # after a full stop a capital opens the sentence
        "do công ty McDonald cung cấp",  # no syllable
        "thị trường châu Á, Đông Nam Á, châu Âu",  # one capital is a name
        "Độc lập - Tự do - Hạnh phúc\nSỐ 1050/QĐ-SCT Lào Cai, ngày 06 tháng 3",  # a header's number field
    ],
)
def test_capitals_writers_use_are_left_alone(text):
    assert lower_misread_capitals(text) == (text, 0)


def test_the_repairs_count_the_lowered_words_and_say_so():
    repaired = repair_ocr_text("Nghị định sỐ 181/2024/NĐ-CP và Thông tư SỐ 23/2024/TT-BCT")
    assert repaired.text == "Nghị định số 181/2024/NĐ-CP và Thông tư số 23/2024/TT-BCT"
    assert repaired.recased == 2
    note = repair_notes([SimpleNamespace(number=3, retoned=0, unmarked=0, recased=2)])
    assert note == ["2 lower-case words OCR read as capitals lowered (p3: 2)"]
