"""Provinces and the districts and cities that name them, for `documents.province`.

The units come from `data/admin_units.tsv`, built from the maintained package
`vietnamadminunits` (see `data/build_admin_units.py`): the 63 provinces and
their districts before the July 2025 merger and the 34 provinces after it,
so plans from any year resolve. Names are written as the gazettes write them,
with diacritics; a district name shared by two provinces names neither.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path

from extractors.text.fold import by_letters, normalize_tone_marks, skeleton
from extractors.text.lexicon import ADMIN_UNITS

DATA = Path(__file__).with_name("data") / "admin_units.tsv"

#: Spellings the gazetteer does not carry, seen in documents.
_ALIASES = {
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đăk Lăk": "Đắk Lắk",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
}


def fold(name: str) -> str:
    """Comparison key: NFC, one tone-mark convention, lower case, one space, dashes and apostrophes unified."""
    name = normalize_tone_marks(unicodedata.normalize("NFC", name)).lower().replace("–", "-")
    name = name.replace("’", "'").replace("ʼ", "'")
    return " ".join(name.replace(" - ", "-").replace("-", " - ").split())


@cache
def _units() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@cache
def _province_keys() -> dict[str, str]:
    keys = {fold(u["name"]): u["name"] for u in _units() if u["kind"] == "province"}
    keys.update({fold(a): p for a, p in _ALIASES.items()})
    return keys


@cache
def _province_skeletons() -> dict[str, str]:
    """Provinces by their letters alone, where no two share them (`Dak Lak`)."""
    return _unique((skeleton(k), p) for k, p in _province_keys().items())


def _unique(pairs) -> dict:
    owners: dict = {}
    for key, value in pairs:
        owners.setdefault(key, set()).add(value)
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}


@cache
def _district_keys() -> dict[tuple[str, str], str]:
    """(type, name) → province, for district names that name one province only."""
    return _unique(((fold(u["type"]), fold(u["name"])), u["province"]) for u in _units() if u["kind"] == "district")


@cache
def _district_skeletons() -> dict[tuple[str, str], str]:
    """The same by the name's letters alone: the gazetteer's `Đăk Hà` is written `Đắk Hà`
    as often (the highland names take either spelling of their first syllable)."""
    return _unique(((fold(u["type"]), skeleton(u["name"])), u["province"]) for u in _units() if u["kind"] == "district")


def canonical_province(name: str | None) -> str | None:
    """The province's name as listed, or None if `name` is not a province."""
    if not name:
        return None
    return _province_keys().get(fold(name)) or _province_skeletons().get(skeleton(name))


def province_of_district(unit_type: str, name: str) -> str | None:
    """`thành phố`, `Đồng Hới` → `Quảng Bình`; None when unknown or shared by two provinces."""
    key = fold(unit_type)
    return _district_keys().get((key, fold(name))) or _district_skeletons().get((key, skeleton(name)))


def province_unit(name: str) -> str | None:
    """The unit a province's name takes: `Kiên Giang` → `tỉnh`, `Hà Nội` → `thành phố`."""
    province = canonical_province(name)
    if province is None:
        return None
    types = {u["type"] for u in _units() if u["kind"] == "province" and u["name"] == province}
    return "thành phố" if types == {"Thành phố"} else "tỉnh"


@cache
def _units_by_letters() -> dict[str, str]:
    return by_letters(ADMIN_UNITS)


def unit_by_letters(words: str) -> str | None:
    """The administrative unit whose letters `words` has, whatever its tones and case: `TÍNH`,
    `Tinh` → `tỉnh`, `phương` → `phường`, `thành phô` → `thành phố`; None for other words. Only
    where a unit must stand (before a place, after the body it names) is that a repair."""
    return _units_by_letters().get(skeleton(words))


def province_names() -> list[str]:
    """Every spelling of a province we accept, longest first (for building patterns)."""
    names = {u["name"] for u in _units() if u["kind"] == "province"} | set(_ALIASES)
    return sorted(names, key=len, reverse=True)


def title_case_place(words: str) -> str:
    """`KIÊN GIANG` → `Kiên Giang`; `BÀ RỊA - VŨNG TÀU` → `Bà Rịa - Vũng Tàu`; a listed
    place as the list writes it, which case alone cannot tell (`IA H'DRAI` → `Ia H'Drai`,
    `CƯ M'GAR` → `Cư M'gar`)."""
    if listed := _place_spellings().get(fold(words)):
        return listed
    return " ".join(w if w in "-–" else w[:1].upper() + w[1:].lower() for w in words.split())


def place_name(name: str) -> str | None:
    """A province's or district's name in its capitals, whatever the case it came in
    (`KON TUM` → `Kon Tum`); one spelt with other marks than the list's (`ĐẮK HÀ`
    for `Đăk Hà`) keeps its own letters. None if no such place is listed."""
    key = fold(name)
    if found := _province_keys().get(key) or _place_spellings().get(key):
        return found
    if skeleton(name) in _place_skeletons():
        return title_case_place(key)
    return None


@cache
def _place_spellings() -> dict[str, str]:
    """Every province's and district's name, also those two provinces share: a spelling needs no owner."""
    return {fold(u["name"]): u["name"] for u in _units()}


@cache
def _place_skeletons() -> frozenset[str]:
    return frozenset(skeleton(u["name"]) for u in _units())


def district_names() -> list[str]:
    """District and city names that name one province, longest first."""
    return sorted({name for (_, name) in _district_keys()}, key=len, reverse=True)
