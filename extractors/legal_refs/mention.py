"""A reference mention while it is being built, and the keys it is known by."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass

import regex

from extractors.legal_refs.patterns import NUMBER_SYMBOL_RE, SYMBOL_TYPES
from extractors.normalize.ocr_tones import repair_tones
from extractors.text.memo import memo
from extractors.text.patterns import SPACES


@dataclass
class Mention:
    start: int
    end: int
    ref_type: str
    number: str | None = None
    numyear: int | None = None
    symbol: str | None = None
    name: str | None = None  # law title, for luat: keys
    issue_date: _dt.date | None = None
    year: int | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "mention"
    key: str = ""
    chained: bool = False  # linked to the implements chain
    typed: bool = True  # False: found by its symbol alone


_SPACES_QUOTES = regex.compile(r"[\s'’]+")
_DASHES = regex.compile(r"[/\-–—]+")
#: OCR reads S as 5 at the start of a symbol part (`5TNMT`).
_OCR_FIVE = regex.compile(r"(?<![^-])5(?=[A-ZĐ])")
#: OCR reads B as 8 at the start of a symbol part (`8CT`).
_OCR_EIGHT = regex.compile(r"(?<![^-])8(?=[A-ZĐ])")


#: A character OCR doubled (`QĐĐ`).
_DOUBLED = regex.compile(r"(.)\1")


@memo()
def normalize_symbol(symbol: str) -> str:
    """`QĐ-TTg` → `QĐ-TTG`, `NQ/TW` → `NQ-TW`, `QÐ- TTg` → `QĐ-TTG`; OCR's
    `5TC-TH` → `STC-TH`, `QĐĐ-TTg` → `QĐ-TTG`, `QĐ-T'Tg` → `QĐ-TTG`."""
    s = unicodedata.normalize("NFC", symbol).replace("\u00d0", "Đ").replace("\u0111", "đ")
    s = _SPACES_QUOTES.sub("", s)
    s = _DASHES.sub("-", s).strip("-").upper()
    s = _OCR_FIVE.sub("S", s)
    s = _OCR_EIGHT.sub("B", s)
    first, _, rest = s.partition("-")
    if first not in SYMBOL_TYPES:
        # A letter OCR doubled in the document code: `QĐĐ` → `QĐ`.
        single = _DOUBLED.sub(r"\1", first)
        if single in SYMBOL_TYPES:
            s = single + ("-" + rest if rest else "")
    return s


@memo()
def ref_key(number: str | None = None, symbol: str | None = None, law_name: str | None = None) -> str:
    """`{number}/{symbol}` (`1055/QĐ-TTG`) or `luat:{name}` (`luat:quy hoạch`)."""
    if number is not None and symbol:
        return f"{int(number)}/{normalize_symbol(symbol)}"
    if law_name:
        # A law's title holds no names: its words may take the tone OCR lost (`Luật Đât đai`).
        name = repair_tones(SPACES.sub(" ", law_name).strip(" ,;."), keep_names=False)[0]
        return "luat:" + name.lower()
    return str(int(number)) if number and number.isdigit() else (number or "")


def key_of_number(text: str) -> str | None:
    """The ref_key of a bare số hiệu such as `243/QĐ-UBND` or `81/2023/QH15`."""
    m = NUMBER_SYMBOL_RE.search(text or "")
    return ref_key(m.group("number"), m.group("symbol")) if m else None
