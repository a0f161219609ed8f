"""Tesseract's library in the process reads exactly what the `tesseract` command reads.

`make setup` builds tesserocr against the system's Tesseract; these tests fail
if it did not (the command still works, but every page pays Tesseract's start).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.errors import MissingDependencyError
from pipeline.ocr import engine
from pipeline.ocr.engine import TesseractEngine, in_process_tesseract, library_words, tesseract_words

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
LINES = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021;",
    "a) Sở Tài chính chủ trì, phối hợp Ủy ban nhân dân các huyện;",
    "- Thời gian hoàn thành: Quý III/2026.",
    "Đạt 95% số hồ sơ được giải quyết đúng hạn.",
]


def page(scale: float = 1.0, blur: float = 0.0) -> Image.Image:
    size = int(40 * scale)
    font = ImageFont.truetype(str(FONT), size)
    img = Image.new("L", (int(1800 * scale), int(140 * scale) + len(LINES) * int(1.6 * size)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(LINES):
        draw.text((int(100 * scale), int(70 * scale) + i * int(1.6 * size)), line, fill=0, font=font)
    return img.filter(ImageFilter.GaussianBlur(blur)) if blur else img


def test_the_library_is_used_when_it_is_the_commands_tesseract():
    assert in_process_tesseract(), "tesserocr is not installed or not built against this Tesseract (make setup)"


@pytest.mark.parametrize(("scale", "blur", "psm"), [(1.0, 0.0, None), (0.7, 1.2, None), (1.0, 0.8, 6), (0.5, 0.0, 6)])
def test_the_library_reads_the_same_words_boxes_and_confidences_as_the_command(scale, blur, psm):
    img = page(scale, blur)
    by_command = tesseract_words(img, "vie", 300, psm)
    assert len(by_command) > 30  # the page was read at all
    assert library_words(img, "vie", psm) == by_command
    assert TesseractEngine().words(img, "vie", 300, psm) == by_command


def test_the_library_is_told_the_shapes_of_document_numbers():
    api = engine._api("vie")
    assert api.GetStringVariable("user_patterns_file").endswith("symbol_patterns.txt")


def test_an_rgb_image_is_read_as_its_grey():
    img = page()
    assert library_words(img.convert("RGB"), "vie") == library_words(img, "vie")


def test_another_tesseract_build_in_the_package_is_not_used(monkeypatch):
    import tesserocr

    monkeypatch.setattr(tesserocr, "tesseract_version", lambda: "tesseract 9.9.9\n leptonica-1.0")
    in_process_tesseract.cache_clear()
    try:
        assert not in_process_tesseract()
        # ... and the command reads the page instead
        calls = []
        real = engine.tesseract_words
        monkeypatch.setattr(engine, "tesseract_words", lambda *a: calls.append(a) or real(*a))
        assert TesseractEngine().words(page(), "vie", 300)
        assert len(calls) == 1
    finally:
        monkeypatch.undo()
        in_process_tesseract.cache_clear()
    assert in_process_tesseract()


def test_missing_language_data_names_the_package():
    with pytest.raises(MissingDependencyError, match="tesseract-ocr-zzz"):
        library_words(Image.new("L", (200, 100), 255), "zzz")
