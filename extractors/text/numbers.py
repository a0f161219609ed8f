"""Vietnamese numbers: `7,3` → 7.3, `12.350` → 12350, `5,0 - 7,0`, `25 nghìn` → 25000.

Vietnamese writes the decimal mark as a comma and groups thousands with dots,
the other way round from English. Plans also spell out scale words (`nghìn`,
`triệu`, `tỷ`) that belong to the value unless a currency follows them, in
which case they are part of the unit (`110 triệu đồng` is 110 of the unit
`triệu đồng`). OCR sometimes reads `9,5` as `9.5`; a dot followed by one or two
digits cannot be a thousands separator, so it is read as a decimal mark.

Targets, tables and any other extractor read numbers through this module so a
figure means the same everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from extractors.text.patterns import guard_first_char

# ---------------------------------------------------------------- pieces

#: `12.350`, `118.000`, `1.000.000` – dots group thousands. ASCII digits only:
#: `\d` would also take digits of other scripts that `float()` cannot read.
GROUPED_INTEGER = r"[0-9]{1,3}(?:\.[0-9]{3})+(?![[0-9]])"
#: `07`, `2025`, `100`.
PLAIN_INTEGER = r"[0-9]+"
#: `,3` in `7,3`; `,42` in `71,42` – the Vietnamese decimal comma.
DECIMAL_COMMA = r",[0-9]+"
#: `.5` in OCR's `9.5`: one or two digits after a dot are a decimal, never a group.
OCR_DECIMAL_DOT = r"\.[0-9]{1,2}(?![[0-9]])"
#: One number as written. Not preceded by a digit or a decimal/group mark, so
#: the `5` of `9,5` is never a number of its own.
#: `, 0` in OCR's `7, 0%` / `7 ,0%`: a stray space by the decimal comma, only before a percent sign.
OCR_SPACED_DECIMAL = r"(?<![0-9]{4})(?:,[ ]|[ ],)[0-9]{1,2}(?=[ ]?%)"  # not after a year: `năm 2026, 2%`
#: Not after a letter either: the `2` of `m2`, `CO2`, `PM2,5` is part of a symbol.
NUMBER = (
    rf"(?<![[0-9].,\p{{L}}])(?:{GROUPED_INTEGER}|{PLAIN_INTEGER})"
    rf"(?:{DECIMAL_COMMA}|{OCR_SPACED_DECIMAL}|{OCR_DECIMAL_DOT})?(?![[0-9]])(?!,[0-9])"
)

#: The words Vietnamese spells a number with.
NUMBER_WORD = (
    r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|"
    r"nghìn|ngàn|triệu|tỷ|tỉ|linh|lẻ|phẩy|rưỡi)"
)
#: ` (sáu)` in `06 (sáu) tháng`, ` (mười lăm)` in `15 (mười lăm) ngày`: legal
#: drafting repeats a figure in words, in brackets, right after it. The words
#: belong to the figure, so a unit or a cycle is read after them.
NUMBER_GLOSS = rf"\s*\({NUMBER_WORD}(?:[ ]+{NUMBER_WORD})*\)"

#: `>`, `≥`, `>=`, `<`, `≤`, `<=` written in front of a figure.
SIGN = r"(?:>=|<=|=>|=<|≥|≤|>|<)"
#: `5,0 - 7,0`, `18 – 17`, `12 đến 15`, `3÷5`.
RANGE_SEP = r"\s*(?:-|–|—|~|÷|đến|tới)\s*"
#: A percent sign that may sit on the low end of a range: `5,0% - 7,0%`.
PERCENT_MARK = r"\s?%"
#: A unit written on both ends of a range: `5,0% - 7,0%`, `từ 25m2 đến 28m2`.
GLUED_UNIT = r"(?:k?m[23²³]|ha)(?![\p{L}0-9])"
LOW_UNIT = rf"(?:{PERCENT_MARK}|\s?{GLUED_UNIT})"

SCALE_WORDS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
#: Scale words, longest first so `tỷ` is not read as a prefix of anything.
SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"
#: A currency after a scale word keeps that scale in the unit (`tỷ đồng`).
CURRENCY = r"(?:đồng|đ\b|VNĐ|VND|USD|đô\s+la)"

_NUMBER_RE = regex.compile(NUMBER)
_SCALE_RUN_RE = regex.compile(rf"\G(?:\s+(?P<scale>{SCALE})(?!\p{{L}}))", regex.IGNORECASE)
_CURRENCY_AHEAD_RE = regex.compile(rf"\G\s+{CURRENCY}", regex.IGNORECASE)
_GLOSS_RE = regex.compile(rf"\G{NUMBER_GLOSS}", regex.IGNORECASE)

#: A figure as written in a table cell or after a comparator word:
#: `>9,5`, `≥ 95`, `19-20`, `5,0% - 7,0%`, `52`.
QUANTITY = (
    rf"(?:(?P<sign>{SIGN})\s*)?(?P<low>{NUMBER})"
    rf"(?:(?P<low_pct>{LOW_UNIT})?{RANGE_SEP}(?P<high>{NUMBER}))?"
)
#: (A sign or digit opens one; the guard skips the prose between figures at C speed.)
_QUANTITY_RE = guard_first_char(regex.compile(QUANTITY, regex.IGNORECASE))
_CELL_RE = regex.compile(rf"^\s*{QUANTITY}\s*(?P<pct>%)?\s*$", regex.IGNORECASE)

_SIGN_COMPARATOR = {">": "gt", "≥": "ge", ">=": "ge", "=>": "ge", "<": "lt", "≤": "le", "<=": "le", "=<": "le"}


# ---------------------------------------------------------------- parsing


#: `12.350`: a dot before three digits groups thousands.
_THOUSANDS_TAIL = regex.compile(r"\.[0-9]{3}$")


def parse_number(token: str) -> float | None:
    """`7,3` → 7.3, `12.350` → 12350.0, `07` → 7.0, `9.5` (OCR) → 9.5; else None."""
    token = token.strip().replace(", ", ",").replace(" ,", ",")
    m = _NUMBER_RE.fullmatch(token)
    if not m:
        return None
    if "," in token:
        whole, frac = token.split(",", 1)
        value = float(whole.replace(".", "") + "." + frac)
    elif _THOUSANDS_TAIL.search(token) or token.count(".") > 1:
        value = float(token.replace(".", ""))
    else:
        value = float(token)
    return value if math.isfinite(value) else None


def sign_comparator(sign: str | None) -> str | None:
    """`>` → `gt`, `≥` → `ge`, `<` → `lt`, `≤` → `le`."""
    return _SIGN_COMPARATOR.get((sign or "").strip()) or None


@dataclass
class Quantity:
    """One figure found in text: a single value or a range, scale words folded in.

    `end` is after the last character that belongs to the value (the number,
    the high end of a range, the number spelt out after it in brackets, folded
    scale words); a scale word that belongs to a currency unit (`triệu` in
    `110 triệu đồng`) is left for the unit.
    """

    start: int
    end: int
    value: float
    value_high: float | None = None
    sign: str | None = None  # `>`, `≥`, … written in front
    low_text: str = ""  # the low number as written (`07`, `2021`)

    @property
    def is_range(self) -> bool:
        return self.value_high is not None

    @property
    def comparator(self) -> str | None:
        if self.is_range:
            return "range"
        return sign_comparator(self.sign)


def _fold_scales(text: str, pos: int) -> tuple[float, int]:
    """Multiplier of the scale words from `pos` on, and where they end.

    A scale word directly followed by a currency stays with the unit.
    """
    factor = 1.0
    while True:
        m = _SCALE_RUN_RE.match(text, pos)
        if not m or _CURRENCY_AHEAD_RE.match(text, m.end()):
            return factor, pos
        factor *= SCALE_WORDS[m.group("scale").lower()]
        pos = m.end()


_YEAR_TOKEN = regex.compile(r"(?:19|20)\d{2}")


def _looks_like_year(token: str) -> bool:
    return bool(_YEAR_TOKEN.fullmatch(token or ""))


def find_quantities(text: str):
    """Yield every `Quantity` in `text`, left to right.

    Years and legal numbers come out too: what a figure means is the caller's
    business (targets skip years, dates and document numbers).
    """
    for m in _QUANTITY_RE.finditer(text):
        low = parse_number(m.group("low"))
        if low is None:
            continue
        high = parse_number(m.group("high")) if m.group("high") else None
        end = m.end()
        if high is not None and _looks_like_year(m.group("high")) and not _looks_like_year(m.group("low")):
            # `giảm 30% đến 2025` is a value and a deadline, not the range 30–2025.
            high, end = None, m.end("low")
        gloss = _GLOSS_RE.match(text, end)
        if gloss:
            end = gloss.end()
        factor, end = _fold_scales(text, end)
        low *= factor
        if high is not None:
            high *= factor
            if high < low:  # `18 - 17%` is the range 17–18
                low, high = high, low
            if high == low:
                high = None
        yield Quantity(
            start=m.start(), end=end, value=low, value_high=high, sign=m.group("sign"), low_text=m.group("low")
        )


def parse_quantity_cell(cell: str) -> Quantity | None:
    """A table cell that holds only a figure: `>9,5`, `19-20`, `0,7`, `>7.800`, `100%`."""
    m = _CELL_RE.match(cell or "")
    if not m:
        return None
    low = parse_number(m.group("low"))
    if low is None:
        return None
    high = parse_number(m.group("high")) if m.group("high") else None
    if high is not None and high < low:
        low, high = high, low
    if high == low:
        high = None
    return Quantity(
        start=m.start("low"), end=m.end(), value=low, value_high=high, sign=m.group("sign"), low_text=m.group("low")
    )


def is_year(q: Quantity) -> bool:
    """A bare four-digit year (`2025`) or a span of years (`2021-2025`)."""

    def year(v: float | None) -> bool:
        return v is not None and float(v).is_integer() and 1900 <= v <= 2100

    if not (year(q.value) and _looks_like_year(q.low_text)):
        return False
    return q.value_high is None or year(q.value_high)
