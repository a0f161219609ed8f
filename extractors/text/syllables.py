"""Vietnamese syllables: the tone mark apart from the letters it sits on.

A syllable is letters (with their vowel shapes â ê ô ơ ư ă đ) plus one of six
tones. OCR keeps the letters well and loses or swaps the tone stacked on a
circumflex or breve (`sô` for `số`, `chầp` for `chấp`), so candidates for a
misread syllable are the syllables with the same letters and another tone.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import regex

#: Combining marks of the five written tones (the sixth, ngang, has none).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_TONE_TABLE = str.maketrans("", "", TONE_MARKS)
#: A token that can be a syllable: Vietnamese letters only.
SYLLABLE_RE = regex.compile(r"[\p{Latin}]+")


def toneless(syllable: str) -> str:
    """`Kiểm` → `kiêm`, `số` → `sô`: lower case, tone removed, vowel shapes kept."""
    decomposed = unicodedata.normalize("NFD", syllable.lower()).translate(_TONE_TABLE)
    return unicodedata.normalize("NFC", decomposed)


def tone_of(syllable: str) -> str:
    """The combining tone mark of a syllable, or "" for the level tone."""
    return next((c for c in unicodedata.normalize("NFD", syllable) if c in TONE_MARKS), "")


def with_case_of(model: str, word: str) -> str:
    """`word` in the case pattern of `model` (`KIÊM` + `kiểm` → `KIỂM`, `Sô` + `số` → `Số`)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@cache
def syllable_counts() -> dict[str, int]:
    """How often each syllable occurs in the text the language model was built from (`data/`)."""
    data = resources.files("extractors.text") / "data" / "syllable_counts.tsv"
    counts: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    return counts


@cache
def toneless_compounds() -> frozenset[str]:
    """The dictionary's two-syllable words without tone marks (`thanh phô`, `bô sung`)."""
    data = resources.files("extractors.text") / "data" / "compound_words.txt"
    return frozenset(data.read_text(encoding="utf-8").splitlines())


@cache
def vocabulary() -> frozenset[str]:
    """The syllables the shipped language model knows (lower case, one tone convention)."""
    return frozenset(syllable_counts())


_TOKENS = regex.compile(r"(?<![\p{L}\d])\p{Latin}+(?![\p{L}\d])")


def vietnamese_share(text: str, limit: int = 20000) -> tuple[float, int]:
    """(share of letter tokens that are Vietnamese syllables, tokens looked at) in the first `limit` characters."""
    from extractors.text.fold import normalize_tone_marks

    words = [normalize_tone_marks(w).lower() for w in _TOKENS.findall(unicodedata.normalize("NFC", text[:limit]))]
    vocab = vocabulary()
    return (sum(w in vocab for w in words) / len(words) if words else 0.0), len(words)


def marked_share(text: str, limit: int = 20000) -> float:
    """Share of letter tokens that carry a Vietnamese mark (tone, ơ ư â ê ô ă đ): ~0.6 in any plan."""
    words = _TOKENS.findall(unicodedata.normalize("NFC", text[:limit]))
    return sum(not w.isascii() for w in words) / len(words) if words else 0.0
