"""Vietnamese letters and the folds every stage compares text by.

Three different questions, three names:

* `shadow(text)`   same length, diacritics dropped, `đ` → `d`, case kept: match
                   on the shadow, point offsets into the original.
* `skeleton(text)` comparison key: diacritics dropped, lower case, one space
                   (`Ủy ban nhân dẩn` → `uy ban nhan dan`).
* `normalize_tone_marks(text)` one tone-mark convention (`hoà` → `hòa`).
"""

from __future__ import annotations

import unicodedata

import regex

from extractors.text.memo import memo

#: Vowels by base letter. OCR confuses marks within a family (`dẩn` for
#: `dân`, `phuơng` for `phương`).
VOWEL_FAMILIES: tuple[str, ...] = (
    "aàáảãạăằắẳẵặâầấẩẫậ",
    "eèéẻẽẹêềếểễệ",
    "iìíỉĩị",
    "oòóỏõọôồốổỗộơờớởỡợ",
    "uùúủũụưừứửữự",
    "yỳýỷỹỵ",
)

#: Letters only Vietnamese uses among Latin scripts (every vowel with a mark, and đ).
VI_MARKED_LETTERS: frozenset[str] = frozenset(
    "".join(f[1:] for f in VOWEL_FAMILIES) + "đ" + "".join(f[1:] for f in VOWEL_FAMILIES).upper() + "Đ"
)


def shadow(text: str) -> str:
    """Same-length shadow of `text`: diacritics dropped, `đ` → `d`, case kept.

    Matching on the shadow makes rules robust to OCR's diacritic confusions
    (`PHO CHU TỊCH`, `Tuổi tho`) while every offset still points into the
    original text.
    """
    return text.translate(_SHADOW)


class _ShadowTable(dict):
    """`str.translate` table filled on first sight of each character (C speed after that)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐÐ":
            base = "d" if ch == "đ" else "D"
        elif code < 128:
            base = ch
        else:
            base = unicodedata.normalize("NFD", ch)[0]
        self[code] = base
        return base


_SHADOW = _ShadowTable()


#: Kept for callers that knew it by its first name.
fold = shadow


_NON_WORD = regex.compile(r"[\W_]+")


def squash(text: str) -> str:
    """`KẼHOẠCH _` → `kehoach`: no marks, no case, no spaces or punctuation (OCR joins and splits words)."""
    return _NON_WORD.sub("", shadow(text).lower())


@memo()
def skeleton(text: str) -> str:
    """`Ủy ban nhân dẩn` → `uy ban nhan dan`: the key OCR-damaged spellings share."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    return " ".join(s.lower().split())


def by_letters(names) -> dict[str, str]:
    """Names by their letters alone (`skeleton`), so that OCR's damage to tones and case
    finds the name it was (`HUYỆN ÚY` → `HUYỆN ỦY`, `TÍNH` → `tỉnh`). Letters two names share
    are left out: they cannot say which was meant. Names that differ only in case are one
    (`Đảng ủy` the head, `đảng ủy` the group noun): the first is kept."""
    keys: dict[str, list[str]] = {}
    for name in names:
        same = keys.setdefault(skeleton(name), [])
        if all(name.lower() != other.lower() for other in same):
            same.append(name)
    return {key: found[0] for key, found in keys.items() if len(found) == 1}


# ---------------------------------------------------------------- tone marks

_TONE_VOWELS = {
    # Old-style ("hòa", "thủy") is what underthesea and most gazettes use:
    # the mark goes on the first vowel of oa/oe/uy when no consonant follows.
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


def _case_variants(mapping: dict[str, str]) -> dict[str, str]:
    out = {}
    for src, dst in mapping.items():
        for a, b in ((src, dst), (src.upper(), dst.upper()), (src.capitalize(), dst.capitalize())):
            out[a] = b
    return out


_TONE_MAP = _case_variants(_TONE_VOWELS)
# Only at the end of a syllable: "hoàn" keeps its mark on "à"; "quý" is qu+ý.
_TONE_RE = regex.compile(r"(?<![qQ])(" + "|".join(sorted(_TONE_MAP, key=len, reverse=True)) + r")(?!\p{L})")


def normalize_tone_marks(text: str) -> str:
    """`hoà` → `hòa`, `thuỷ` → `thủy`; `hoàn`, `quý` unchanged."""
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(1)], text)
