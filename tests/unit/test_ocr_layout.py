"""Where OCR'd lines start: indented first lines, flush wrapped lines (pipeline.ocr.layout)."""

from __future__ import annotations

from pipeline.ocr.layout import page_text
from pipeline.ocr.tablegrid import Word

HEIGHT = 30  # a word's height in pixels at 300 dpi


def _line(n: int, left: int, *texts: str) -> list[Word]:
    words, x = [], left
    for t in texts:
        words.append(Word(t, x, 100 + 40 * n, 20 * len(t), HEIGHT, 90.0, (1, 1, 1, n)))
        x += 20 * len(t) + 10
    return words


def _page(lefts: list[tuple[int, tuple[str, ...]]]) -> list[Word]:
    return [w for n, (left, texts) in enumerate(lefts) for w in _line(n, left, *texts)]


def test_indented_first_lines_and_flush_wrapped_lines():
    margin, indent = 200, 200 + 2 * HEIGHT
    words = _page(
        [
            (indent, ("-", "Tham", "mưu")),
            (margin, ("triển", "khai")),
            (margin, ("đến", "năm")),
            (indent, ("-", "Rà", "soát")),
            (margin, ("các", "quy")),
            (margin - 25, ("_", "Đồng", "thời")),  # a speck at the margin: the word after it decides
            (indent, ("-", "Xây", "dựng")),
            (margin + 5 * HEIGHT // 4, ("lệch",)),  # between flush and indented: unknown
        ]
    )
    lines = page_text(words, [], [])
    assert lines.text.split("\n")[5] == "_ Đồng thời"
    assert lines.indents == [True, False, False, True, False, False, True, None]


def test_a_page_without_indents_says_nothing():
    words = _page([(200, ("dòng", str(n))) for n in range(8)])
    assert page_text(words, [], []).indents == [None] * 8


def test_blank_lines_between_tesseract_paragraphs_have_no_indent():
    words = _page([(260, ("a",)), (200, ("b",)), (200, ("c",)), (260, ("d",)), (200, ("e",)), (260, ("f",))])
    words[3] = Word("d", 260, 100 + 40 * 3, 20, HEIGHT, 90.0, (1, 2, 1, 3))  # a new Tesseract paragraph
    lines = page_text(words, [], [])
    assert lines.text.split("\n")[3] == ""
    assert len(lines.indents) == len(lines.text.split("\n"))
    assert lines.indents[3] is None
