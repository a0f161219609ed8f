"""List labels: Roman numerals and ordinal words, and their values."""

from __future__ import annotations

#: I … XXXIX, the level-1 labels of plans (`II. NHIỆM VỤ`).
ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"
#: I … LXXXIX, for long appendix tables.
ROMAN_WIDE = r"(?=[IVXL])(?:L?X{0,3})(?:IX|IV|V?I{0,3})"

#: `Phần thứ nhất`, `PHẦN THỨ HAI`: parts numbered in words, first to tenth.
ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(label: str) -> int:
    """`XIV` → 14 (no validation: the patterns above decide what is a numeral)."""
    total, prev = 0, 0
    for ch in reversed(label):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total
