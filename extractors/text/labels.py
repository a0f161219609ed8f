"""List labels: Roman numerals and ordinal words, and their values."""

from __future__ import annotations

import regex

#: I … XXXIX, the level-1 labels of plans (`II. NHIỆM VỤ`).
ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"
#: I … LXXXIX, for long appendix tables.
ROMAN_WIDE = r"(?=[IVXL])(?:L?X{0,3})(?:IX|IV|V?I{0,3})"

#: `Phần thứ nhất`, `PHẦN THỨ HAI`: parts numbered in words, first to tenth.
ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

#: The strokes OCR reads for a Roman numeral's `I` (`1`, `l`, `|`, `i`, `ï`, a bracket `[` …) and for
#: `II` run together (`H`), besides the numeral's own letters.
_STROKES = "1l|iïíìîÏÍÌÎ[]"
#: … as the members of a character class (`[{ROMAN_LOOKALIKE}]`).
ROMAN_LOOKALIKE = "IVXH" + _STROKES.replace("[", r"\[").replace("]", r"\]")
_ROMAN_WIDE_RE = regex.compile(ROMAN_WIDE)
_STROKE_RE = regex.compile(f"[{regex.escape(_STROKES)}]")


def read_roman_lookalike(written: str) -> str | None:
    """The Roman numeral OCR's strokes stand for (`HI`, `I1`, `IH`, `II1` → `III`; `IL` → `II`,
    a foot on the second stroke), or None when they make none."""
    # `iv`: a quarter written small (the strokes are read first, so `l` stays a stroke)
    read = _STROKE_RE.sub("I", written.replace("H", "II")).upper()
    if "L" in read and not _ROMAN_WIDE_RE.fullmatch(read):
        read = read.replace("L", "I")
    if _ROMAN_WIDE_RE.fullmatch(read):
        return read
    # `IIIL`: the last stroke is the dot, read as a foot (`IIII` is no numeral)
    return without_last_stroke(written)


def without_last_stroke(written: str) -> str | None:
    """The numeral OCR's strokes make with a last foot taken for the dot (`IIL` → `II`), or None."""
    return read_roman_lookalike(written[:-1]) if len(written) > 1 and written[-1] in "Ll" else None


def roman_value(label: str) -> int:
    """`XIV` → 14 (no validation: the patterns above decide what is a numeral)."""
    total, prev = 0, 0
    for ch in reversed(label):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


#: OCR's marks glued after a label (`d).Sở Giao thông …`, `e).Bộ Chỉ huy …`): part of the label.
_MARKS_AFTER_LABEL = regex.compile(r"^[ \t]*[.,:;]+[ \t]*(?=\p{L})")


def without_label_marks(rest: str) -> str:
    """The text after a label without the marks OCR glued to the label."""
    return _MARKS_AFTER_LABEL.sub("", rest)
