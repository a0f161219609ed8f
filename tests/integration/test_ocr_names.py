"""A signer's name read again on its own (`pipeline.ocr.reread.reread_names`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.ocr.engine import read_words
from pipeline.ocr.reread import reread_names

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _signature(name: str) -> Image.Image:
    """The foot of a page: `Nơi nhận:` on the left, the title and the signer's name in bold on the right."""
    img = Image.new("L", (2400, 900), 255)
    draw = ImageDraw.Draw(img)
    body = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 34)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSerif-Bold.ttf"), 40)
    draw.text((150, 100), "Nơi nhận:", fill=0, font=body)
    draw.text((150, 160), "- Như Điều 3;", fill=0, font=body)
    draw.text((150, 220), "- Lưu: VT.", fill=0, font=body)
    draw.text((1500, 100), "GIÁM ĐỐC", fill=0, font=bold)
    draw.text((1420, 600), name, fill=0, font=bold)
    return img


def _read(sheet: Image.Image):
    return read_words(sheet, "vie", 300, psm=6)


def _misread(words, right: str, wrong: str, conf: float = 80.0):
    assert any(w.text == right for w in words), [w.text for w in words]
    return [replace(w, text=wrong, conf=conf) if w.text == right else w for w in words]


@pytest.mark.parametrize(
    ("name", "right", "wrong"), [("Vương Quốc Tuấn", "Tuấn", "Tuân"), ("Trần Văn Mẫn", "Trần", "Trân")]
)
def test_a_name_the_page_read_with_a_mark_lost_takes_the_marks_it_reads_alone(name, right, wrong):
    img = _signature(name)
    words = _misread(read_words(img, "vie", 300), right, wrong)
    out = reread_names(np.asarray(img), words, _read)
    assert right in [w.text for w in out] and wrong not in [w.text for w in out]


def test_a_name_read_alone_as_other_letters_stays_as_the_page_read_it():
    # only the marks may change: a word whose letters differ is another name, not a repair
    img = _signature("Vương Quốc Tuấn")
    words = _misread(read_words(img, "vie", 300), "Tuấn", "Tuyên")
    assert [w.text for w in reread_names(np.asarray(img), words, _read)] == [w.text for w in words]


def test_lines_that_are_no_name_or_that_tesseract_is_sure_of_are_not_read_again():
    img = _signature("Vương Quốc Tuấn")
    words = [replace(w, conf=96.0) for w in read_words(img, "vie", 300)]
    calls = []
    out = reread_names(np.asarray(img), words, lambda sheet: calls.append(sheet) or [])
    assert out == words and calls == []


def test_a_name_word_the_page_read_surely_is_kept_whatever_the_line_alone_reads():
    # a real scan's `Hiền` (96) read alone as `Hiên` (91), beside a doubted family name (80):
    # only the words the page doubted may take their marks from the line read alone
    img = _signature("Vương Quốc Tuấn")
    words = _misread(read_words(img, "vie", 300), "Tuấn", "Tuân", conf=96.0)
    words = _misread(words, "Vương", "Vương", conf=80.0)
    assert "Tuân" in [w.text for w in reread_names(np.asarray(img), words, _read)]
