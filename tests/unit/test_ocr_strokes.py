"""A quarter's Roman numeral counted from its strokes (`pipeline.ocr.strokes`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.ocr.strokes import count_strokes, recount_quarter_strokes
from pipeline.ocr.tablegrid import Word

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def _line(text: str, px: int = 40, blur: float = 0.0) -> tuple[np.ndarray, list[Word]]:
    """`text` printed in a serif face, and its words' boxes as OCR would give them (text as written)."""
    font = ImageFont.truetype(str(FONT), px)
    img = Image.new("L", (40 + int(font.getlength(text)), 3 * px), 255)
    draw = ImageDraw.Draw(img)
    words, x = [], 20
    for word in text.split(" "):
        draw.text((x, px), word, font=font, fill=0)
        left, top, right, bottom = draw.textbbox((x, px), word, font=font)
        words.append(Word(word, left, top, right - left, bottom - top, 90.0, (1, 1, 1, 1)))
        x += int(font.getlength(word + " "))
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    return np.asarray(img), words


@pytest.mark.parametrize("numeral", ["I", "II", "III"])
@pytest.mark.parametrize(("px", "blur"), [(40, 0.0), (25, 0.8)])
def test_the_strokes_of_a_quarters_numeral_are_counted(numeral, px, blur):
    pixels, words = _line(f"Quý {numeral}/2025.", px, blur)
    assert count_strokes(pixels, words[1], slash=True) == len(numeral)


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("II/2025", "I/2025"),
        ("III/2025", "II/2025"),
        ("II/2025.", "11/2025."),
        # serifs that touch read as a T or an H (four rendered plans: the deadline lost)
        ("III/2023.", "THI/2023."),
        ("III/2024.", "IHI/2024."),
        ("II/2024.", "TII/2024."),
        ("II/2024", "H/2024"),
    ],
)
def test_a_quarter_read_with_a_stroke_lost_or_doubled_or_as_digits_is_put_right(printed, read):
    """Rendered scans of the invented plans: `Quý II/2021` read `Quý I/2021`, `III` read `II`,
    `II` read `11`, `III` read `THI`: the deadline named another quarter, or none."""
    pixels, words = _line(f"hoàn thành trong Quý {printed}", 30, 0.6)
    misread = [
        *words[:-1],
        Word(read, *[getattr(words[-1], f) for f in ("left", "top", "width", "height")], 70.0, (1, 1, 1, 1)),
    ]
    assert [w.text for w in recount_quarter_strokes(pixels, misread)] == [w.text for w in words]


@pytest.mark.parametrize("printed", ["IV/2025", "1/2025", "V/2025"])
def test_what_is_no_numeral_of_strokes_or_reads_the_same_quarter_stays_as_read(printed):
    """`IV` (a V is no stroke), an Arabic `1` (the same quarter as `I`): left as OCR read them."""
    pixels, words = _line(f"trong Quý {printed}", 30)
    assert [w.text for w in recount_quarter_strokes(pixels, words)] == [w.text for w in words]


def test_only_the_word_after_quy_is_recounted():
    """`Phụ lục II` and a section's `II.` have their own repairs (the sequence they stand in)."""
    pixels, words = _line("Phụ lục II/2025", 30)
    misread = [
        *words[:-1],
        Word("I/2025", *[getattr(words[-1], f) for f in ("left", "top", "width", "height")], 70.0, (1, 1, 1, 1)),
    ]
    assert recount_quarter_strokes(pixels, misread)[-1].text == "I/2025"
