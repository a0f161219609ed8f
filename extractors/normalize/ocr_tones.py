"""Tone marks OCR got wrong, put right from context.

Tesseract's `vie` model reads the letters of a scanned plan well but drops or
swaps the tone stacked on a circumflex or breve: `sô` for `số`, `điêu` for
`điều`, `Kiêm tra` for `Kiểm tra`, `vật liệu nô` for `vật liệu nổ`. Each
syllable is compared with the syllables that have the same letters and
another tone (`syllables.toneless`), scored by a bigram model of
administrative Vietnamese built from text we ship (`text/data/`, see
`build_language_model.py`): the syllable before and after decide. A syllable
is changed only when another tone is far more likely in that context. A
word that is no syllable at all (`QUYÉT`: OCR dropped the circumflex with the
tone stacked on it) is compared with the syllables of the same bare letters.

Never touched: numbers and anything with a digit, symbols and abbreviations
(`VLNCN`, `QĐ-UBND`), and capitalised words inside a sentence: they are
mostly names, which the model cannot verify. A capitalised word that is no
syllable at all (`Luât`, `Quyêt`: a syllable ending in p, t, c or ch carries a
sắc or nặng tone) is no name either: OCR lost its tone, and it is put right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

from extractors.text.fold import normalize_tone_marks
from extractors.text.syllables import (
    is_vietnamese_syllable,
    shapeless,
    syllable_counts,
    tone_of,
    toneless,
    with_case_of,
)

#: How much likelier (in the bigram context) another tone must be before a
#: syllable is changed: the model only overrules OCR when it is sure.
MIN_ODDS = 30.0
#: Weight of the unigram prior against bigram evidence.
SMOOTHING = 50.0
#: A syllable (letters only, between non-letters) or a number, which the model reads as `#`.
_WORD = regex.compile(r"(?<![\p{L}\d])(?:\p{Latin}+|\d[\d.,/]*)(?![\p{L}\d])")
#: Inside a sentence, after a letter or a comma: a capital there starts a name.
_MID_SENTENCE = regex.compile(r"[\p{Ll},]\s*$")


@dataclass
class LanguageModel:
    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    by_letters: dict[str, list[str]] = field(default_factory=dict)
    by_shape: dict[str, list[str]] = field(default_factory=dict)
    total: int = 1

    def __post_init__(self) -> None:
        for s in self.unigrams:
            self.by_letters.setdefault(toneless(s), []).append(s)
            self.by_shape.setdefault(shapeless(s), []).append(s)
        self.total = sum(self.unigrams.values()) or 1

    def candidates(self, word: str) -> list[str]:
        """Syllables `word` may have been: the same letters with another tone; for a
        word that is no syllable at all (`quyét`: no rhyme `uyet`), also another
        vowel shape, since OCR drops a circumflex with the tone above it (`QUYÉT`)."""
        if is_vietnamese_syllable(word):
            return self.by_letters.get(toneless(word), [])
        return self.by_shape.get(shapeless(word), [])

    def p(self, word: str) -> float:
        return (self.unigrams.get(word, 0) + 0.5) / self.total

    def logp(self, prev: str | None, word: str, nxt: str | None) -> float:
        """log P(word | prev) + log P(next | word), each smoothed towards the unigram
        probability (Dirichlet), so a rare syllable gains nothing from an unseen pair."""
        if prev and prev in self.unigrams:
            score = math.log(
                (self.bigrams.get((prev, word), 0) + SMOOTHING * self.p(word)) / (self.unigrams[prev] + SMOOTHING)
            )
        else:
            score = math.log(self.p(word))
        if nxt:
            uni = self.unigrams.get(word, 0)
            score += math.log((self.bigrams.get((word, nxt), 0) + SMOOTHING * self.p(nxt)) / (uni + SMOOTHING))
        return score


@cache
def language_model() -> LanguageModel:
    data = resources.files("extractors.text") / "data"
    bigrams: dict[tuple[str, str], int] = {}
    for line in (data / "syllable_bigrams.tsv").read_text(encoding="utf-8").splitlines():
        pair, _, n = line.partition("\t")
        a, _, b = pair.partition(" ")
        bigrams[(a, b)] = int(n)
    return LanguageModel(syllable_counts(), bigrams)


def repair_tones(text: str, model: LanguageModel | None = None, keep_names: bool = True) -> tuple[str, int]:
    """`text` with misread tone marks put right, and how many syllables changed.

    `keep_names=False` for text known to hold no person's name (a law's title:
    `Luật Đât đai`), where capitals inside a sentence are common nouns."""
    lm = model or language_model()
    tokens = list(_WORD.finditer(text))
    lowered = ["#" if m.group()[0].isdigit() else normalize_tone_marks(m.group()).lower() for m in tokens]
    out: list[str] = []
    pos = changed = 0
    for i, m in enumerate(tokens):
        word = lowered[i]
        if word == "#":
            continue
        choice = _better_tone(
            lm, word, _neighbour(text, tokens, lowered, i, -1), _neighbour(text, tokens, lowered, i, 1)
        )
        if choice is None or not _may_change(text, m, keep_names and word in lm.unigrams):
            continue
        out.append(text[pos : m.start()])
        out.append(with_case_of(m.group(), choice))
        pos = m.end()
        changed += 1
    out.append(text[pos:])
    return "".join(out), changed


#: Punctuation between two syllables ends the context: brackets and quotes too
#: (`… Lào Cai); Tông công ty …`: `Tông` still has its right-hand neighbour).
_PUNCT_GAP = regex.compile(r"\s*[.;:,!?()\[\]\"“”]+\s*")


def _neighbour(text: str, tokens: list, lowered: list[str], i: int, step: int) -> str | None:
    """The token next to token i: its syllable (or `#`), "" at a line or clause
    boundary (no context, nothing hidden), None when something the model cannot
    read (`Km0`, `(`) stands between them."""
    j = i + step
    a, b = (
        (tokens[j].end() if j >= 0 else 0, tokens[i].start())
        if step < 0
        else (tokens[i].end(), tokens[j].start() if j < len(tokens) else len(text))
    )
    gap = text[a:b]
    if "\n" in gap or not 0 <= j < len(tokens) or _PUNCT_GAP.fullmatch(gap):
        return ""
    return lowered[j] if gap.strip() == "" else None


def _may_change(text: str, m: regex.Match, keep_names: bool = True) -> bool:
    token = m.group()
    if len(token) > 1 and token.isupper() and not tone_of(token) and len(token) > 4:
        return False  # an abbreviation (`VLNCN`), not a word in capitals
    if keep_names and token[:1].isupper() and not token.isupper():
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _MID_SENTENCE.search(text[line_start : m.start()]):
            return False  # a name inside a sentence
    return True


def _better_tone(lm: LanguageModel, word: str, prev: str | None, nxt: str | None) -> str | None:
    candidates = lm.candidates(word)
    # A real syllable is only overruled with context on both sides: `thi công từ Km0`
    # has none on the right, and `công tư` alone would win.
    if not candidates or (word in lm.unigrams and (prev is None or nxt is None or not (prev or nxt))):
        return None
    here = lm.logp(prev, word, nxt)
    best, best_score = None, here
    for c in candidates:
        if c == word:
            continue
        s = lm.logp(prev, c, nxt)
        if s > best_score:
            best, best_score = c, s
    if best is None:
        return None
    # The winner must be attested beside a neighbour, not just a commoner word.
    # A real syllable is only replaced by a pair seen more than once (one stray pair in the corpus is noise).
    need = 2 if word in lm.unigrams else 1
    attested = max(lm.bigrams.get((prev, best), 0) if prev else 0, lm.bigrams.get((best, nxt), 0) if nxt else 0)
    return best if attested >= need and best_score - here >= math.log(MIN_ODDS) else None
