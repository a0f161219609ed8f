"""Regex building blocks for Vietnamese text, in the style of eyecite's `regexes.py`.

Rules elsewhere are written from these named pieces, so a phrase reads as the
Vietnamese it matches (`phrase("Cơ quan chủ trì")`) instead of a run of `\\s+`.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Sequence

import regex

from extractors.text.fold import VOWEL_FAMILIES

#: Case-insensitive matching for Vietnamese: simple case folding, since every
#: Vietnamese letter folds one to one. (VERSION1's full folding made the large
#: phrase patterns 3-4x slower to compile, 1.3 s of every process's start, and
#: matching ~10 % slower, for no letter we read.)
NOCASE = regex.IGNORECASE
#: A syllable; digits allowed inside (`4G`) but it must start with a letter.
WORD = r"\p{L}[\p{L}\p{M}\d]*"
#: A word boundary that understands Vietnamese letters (`\b` does not see `ư` + mark as one letter).
END = r"(?![\p{L}\p{M}\d])"
#: Blanks inside one line.
SP = r"[ \t]+"
#: `xã` that names no commune: `xã hội` (society: `Ngân hàng Chính sách xã hội`, `Sở Lao động -
#: Thương binh và Xã hội`) — `xã Hội Hợp` is one (its place is capitalised) — and `hợp tác xã`
#: (a cooperative: `Liên minh Hợp tác xã tỉnh`). Put before `xã`.
NOT_COMMUNE_WORD = rf"(?!(?i:xã){SP}(?-i:hội){END})(?<!(?i:hợp){SP}(?i:tác){SP})"
#: A dash with any spacing: `Lao động - Thương binh`, `2021–2025`.
DASH = r"\s*[-–—]\s*"
#: A table row's item number in its own cell (`1`, `2.3`, `II`, `a)`): the row is a body row, not the header.
ROW_NUMBER = regex.compile(r"\s*(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]+|[a-zđ])[.)]?\s*")
#: Between the syllables of a fixed phrase: blanks, and a speck OCR read as
#: punctuation (`thành. phố`, `đầy: mạnh`).
LOOSE_SP = r"(?:[ \t]*[.:'\"|_]?[ \t]+)"

_FAMILY_OF = {c: fam for fam in VOWEL_FAMILIES for c in fam}
_FAMILY_OF.update({c.upper(): fam.upper() for fam in VOWEL_FAMILIES for c in fam})
_FAMILY_OF.update({"d": "dđ", "đ": "dđ", "D": "DĐ", "Đ": "DĐ"})


def phrase(words: str) -> str:
    """`Cơ quan chủ trì` → `Cơ\\s+quan\\s+chủ\\s+trì`: exact letters, any blank run between words."""
    return r"\s+".join(regex.escape(w) for w in words.split())


def alt(items: Iterable[str], *, as_phrase: bool = True) -> str:
    """A non-capturing alternation, longest first (so `Phó Chủ tịch` wins over `Chủ tịch`)."""
    parts = sorted(set(items), key=len, reverse=True)
    return "(?:" + "|".join(phrase(p) if as_phrase else p for p in parts) + ")"


def loose(words: str) -> str:
    """A regex for a fixed phrase that tolerates OCR's diacritic slips and any blank run.

    Phrases of two or more syllables match any vowel of the same family; one
    syllable is matched exactly (too loose otherwise: `Số`/`Sở`).
    """
    if " " not in words.strip():
        return regex.escape(words)
    out = []
    for ch in unicodedata.normalize("NFC", words):
        if ch == " ":
            out.append(LOOSE_SP)
        elif ch in _FAMILY_OF:
            out.append("[" + _FAMILY_OF[ch] + "]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def loose_alt(items: Iterable[str]) -> str:
    """Alternation of `loose` phrases, longest first."""
    parts = sorted(set(items), key=len, reverse=True)
    return "(?:" + "|".join(loose(p) for p in parts) + ")"


#: A run of whitespace, to squeeze to one space.
SPACES = regex.compile(r"\s+")


#: Code points whose fitness to start a match `guard_first_char` decides by
#: trial: Latin with Vietnamese letters, and general punctuation.  Any other
#: character is let through, so the guard never loses a match.
_TRIED_RANGES = ((0x0000, 0x0250), (0x1E00, 0x1F00), (0x2000, 0x2070))
_UNTRIED = "[^" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _TRIED_RANGES) + "]"


def first_chars(rx: regex.Pattern) -> frozenset[str] | None:
    """The characters of the tried ranges that can open a match of `rx`
    (found by partial matching); None when `rx` can match nothing, and so
    start anywhere."""
    if rx.match("") is not None:
        return None
    return frozenset(c for a, b in _TRIED_RANGES for i in range(a, b) if rx.match(c := chr(i), partial=True))


def guard_first_char(rx: regex.Pattern) -> regex.Pattern:
    """`rx` behind a lookahead for the characters a match of it can start with.

    A pattern that opens with optional prepositions or alternations is tried
    in full at every position of a scan (and at every one with `overlapped`);
    the lookahead turns the positions no match can start at away with one
    character test.  The guard is exact: same matches, found faster.
    """
    firsts = first_chars(rx)
    if firsts is None:
        return rx
    chars = "".join(f"\\u{ord(c):04x}" for c in sorted(firsts))
    return regex.compile(f"(?=[{chars}]|{_UNTRIED})(?:{rx.pattern})", rx.flags)


class LineStart:
    """A pattern tried only at the start of a line (`match`, or `sub` of a
    `^…` pattern), and only on lines whose first character can open a match.

    The normaliser runs a dozen such tests and repairs on every line; most
    lines start with a letter none of them can, and a call into the regex
    engine costs more than the set lookup that turns the line away.
    """

    __slots__ = ("refused", "rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.rx = regex.compile(pattern, flags)
        firsts = first_chars(self.rx)
        tried = (chr(i) for a, b in _TRIED_RANGES for i in range(a, b))
        self.refused = frozenset() if firsts is None else frozenset(c for c in tried if c not in firsts)

    def match(self, line: str) -> regex.Match[str] | None:
        return None if line[:1] in self.refused else self.rx.match(line)

    def sub(self, repl, line: str) -> str:
        return line if line[:1] in self.refused else self.rx.sub(repl, line)


def windows_around(
    text: str, key: regex.Pattern | Sequence[regex.Pattern], before: int, after: int
) -> list[tuple[int, int]]:
    """Stretches of `text` from `before` characters ahead of each match of `key`
    (or of any of several keys) to `after` past it, merged where they touch.

    A pattern whose every match holds a key (a year, a digit) and reaches at
    most `before`/`after` around it finds the same matches scanning only these
    stretches: most of a document holds no key, and a scan costs per position.
    """
    keys = [key] if isinstance(key, regex.Pattern) else key
    spans = [m.span() for k in keys for m in k.finditer(text)]
    if len(keys) > 1:
        spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = max(0, s - before), min(len(text), e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class TextEnd:
    """A pattern anchored at the text's end, matched backwards from there.

    Searching a paragraph's tail for `[.;:]\\s*$` tries every position of it;
    matching in reverse from the end costs only the length of the match.
    `ends(text, pos, endpos)` answers as `search` of the forward pattern on
    `text[pos:endpos]` for patterns whose `$` follows a run that takes a line
    break (`\\s*$`, `\\W*$`): forward, `$` also matches before a final `\\n`.
    """

    __slots__ = ("rx",)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.rx = regex.compile(pattern, flags | regex.REVERSE)

    def ends(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


def family_word(*letters_or_families: str) -> str:
    """A word spelt with letter families: multi-letter items are one character class.

    `family_word("n", A, "m")` matches `năm`, `nam`, `nằm` – what OCR makes of `năm`.
    """
    return "".join(f"[{x}]" if len(x) > 1 else regex.escape(x) for x in letters_or_families)


_ASCII_LOWER = string.ascii_lowercase.encode()


def is_caps(text: str, share: float = 0.8) -> bool:
    """At least two letters and `share` of them in capitals (`KẾ HOẠCH`, `I. MỤC TIÊU`)."""
    # Called on every line and every paragraph's tail, so sentence text is turned
    # away first, in C: its ASCII lower-case letters alone exceed the share of
    # small letters a capitals line may have (every letter is at most one character).
    encoded = text.encode()
    if len(encoded) - len(encoded.translate(None, _ASCII_LOWER)) > (1 - share) * len(text):
        return False
    # str methods, not `\p{L}`/`\p{Lu}` regexes: 3 × faster.
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= share * len(letters)


#: Marks OCR reads from specks, rules and cell borders, standing alone between words
#: (`các _ huyện`, `45% ~ năm`); a dash `—` among them may be a real one.
OCR_JUNK = r"[~|—_=•ˆ]"
