"""Tone marks OCR got wrong, put right from context.

Tesseract's `vie` model reads the letters of a scanned plan well but drops or
swaps the tone stacked on a circumflex or breve: `sô` for `số`, `điêu` for
`điều`, `Kiêm tra` for `Kiểm tra`, `vật liệu nô` for `vật liệu nổ`. Each
syllable is compared with the syllables that have the same letters and
another tone (`syllables.toneless`), scored by a bigram model of
administrative Vietnamese built from text we ship (`text/data/`, see
`build_language_model.py`). A clause (syllables with only spaces between
them) is decoded as a whole, so two damaged syllables side by side (`khân
câp`, `thâm quyên`, `PHO GIAM ĐỌC`) are put right together. A syllable is
changed only when another tone is far more likely in that context. A word
that is no syllable at all (`QUYÉT`: OCR dropped the circumflex with the
tone stacked on it) is compared with the syllables of the same bare letters;
a real syllable with no vowel shape (`ĐÓC`, `só`, `nhãn`) may gain one, on
far stronger evidence.

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
from itertools import pairwise

import regex

from extractors.text.fold import normalize_tone_marks
from extractors.text.lexicon import ADMIN_UNITS
from extractors.text.syllables import (
    NUMBER_TOKEN,
    is_vietnamese_syllable,
    makes_one_word,
    shapeless,
    syllable_counts,
    tone_of,
    toneless,
    with_case_of,
)

#: How much likelier (in the bigram context) another tone must be before a
#: syllable is changed: the model only overrules OCR when it is sure.
MIN_ODDS = 30.0
#: A real syllable read without a circumflex, breve or horn (`ĐÓC`, `só`, `nhãn`)
#: is given one only on far stronger evidence: its bare reading is a word too.
HAT_ODDS = 1000.0
#: ... and only beside a neighbour it is seen with this often.
HAT_NEED = 3
#: Weight of the unigram prior against bigram evidence.
SMOOTHING = 50.0
#: A syllable (letters only, between non-letters) or a number, which the model reads as `#`.
_WORD = regex.compile(rf"(?<![\p{{L}}\d])(?:\p{{Latin}}+|{NUMBER_TOKEN})(?![\p{{L}}\d])")
#: Inside a sentence, after a letter or a comma: a capital there starts a name.
_MID_SENTENCE = regex.compile(r"[\p{Ll},]\s*$")


@dataclass
class LanguageModel:
    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    by_letters: dict[str, list[str]] = field(default_factory=dict)
    by_shape: dict[str, list[str]] = field(default_factory=dict)
    #: The syllables with a circumflex, breve or horn, by their bare letters (`đoc` → `đốc`, `độc`).
    shaped: dict[str, list[str]] = field(default_factory=dict)
    #: Each known syllable's letters without its tone.
    letters: dict[str, str] = field(default_factory=dict)
    total: int = 1

    def __post_init__(self) -> None:
        for s in self.unigrams:
            self.letters[s] = toneless(s)
            self.by_letters.setdefault(self.letters[s], []).append(s)
            self.by_shape.setdefault(shapeless(s), []).append(s)
            if self.letters[s] != shapeless(s):
                self.shaped.setdefault(shapeless(s), []).append(s)
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

    def step(self, prev: str, word: str) -> float:
        """log P(word | prev), smoothed towards the unigram probability (Dirichlet),
        so a rare syllable gains nothing from an unseen pair."""
        if prev in self.unigrams:
            return math.log(
                (self.bigrams.get((prev, word), 0) + SMOOTHING * self.p(word)) / (self.unigrams[prev] + SMOOTHING)
            )
        return math.log(self.p(word))

    def logp(self, prev: str | None, word: str, nxt: str | None) -> float:
        """log P(word | prev) + log P(next | word); no context where prev or next is empty."""
        return (self.step(prev, word) if prev else math.log(self.p(word))) + (self.step(word, nxt) if nxt else 0.0)


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

    Each run of syllables with nothing between them but spaces (a clause) is
    decoded as a whole (`_decode`): two damaged syllables side by side
    (`khân câp`, `thâm quyên`, `PHO GIAM ĐỌC`) give each other no context one
    at a time, but the pair or triple is likely together.

    `keep_names=False` for text known to hold no person's name (a law's title:
    `Luật Đât đai`), where capitals inside a sentence are common nouns."""
    lm = model or language_model()
    tokens = list(_WORD.finditer(text))
    lowered = ["#" if m.group()[0].isdigit() else normalize_tone_marks(m.group()).lower() for m in tokens]
    choices: list[list[str]] = []
    clause: list[int] = []
    chosen: dict[int, str] = {}
    for i, m in enumerate(tokens):
        word = lowered[i]
        prev = _neighbour(text, tokens, lowered, i, -1)
        nxt = _neighbour(text, tokens, lowered, i, 1)
        choices.append([word, *_alternatives(lm, text, m, word, prev, nxt, keep_names)])
        clause.append(i)
        if not nxt:  # the clause ends here: no syllable links token i to the next
            chosen.update(_decode(lm, clause, choices))
            clause = []
    out: list[str] = []
    pos = 0
    for i in sorted(chosen):
        m = tokens[i]
        out.append(text[pos : m.start()])
        out.append(with_case_of(m.group(), chosen[i]))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), len(chosen)


def _alternatives(
    lm: LanguageModel, text: str, m: regex.Match, word: str, prev: str | None, nxt: str | None, keep_names: bool
) -> list[str]:
    """The syllables token `m` may have been, besides what OCR read."""
    if word == "#" or not _may_change(text, m, keep_names and word in lm.unigrams):
        return []
    # A real syllable is only overruled with context on both sides: `thi công từ Km0`
    # has none on the right, and `công tư` alone would win.
    if word in lm.unigrams and (prev is None or nxt is None or not (prev or nxt)):
        return []
    found = [c for c in lm.candidates(word) if c != word]
    if word in lm.unigrams and lm.letters[word] == shapeless(word):
        # OCR drops a circumflex, breve or horn, or reads it as a tilde; it does not add one.
        found += lm.shaped.get(lm.letters[word], [])
    return found


def _decode(lm: LanguageModel, clause: list[int], choices: list[list[str]]) -> dict[int, str]:
    """The syllables of one clause that change, token index → new syllable.

    The clause's likeliest reading under the bigram model (Viterbi); a token
    takes its syllable there only if the best reading with it is `MIN_ODDS`
    times likelier than the best with what OCR read (max-marginals), and the
    syllable is attested beside a neighbour of that reading. A token that fails
    is held to what OCR read and the clause decoded again, so no change rests
    on a neighbour's change that was refused.

    A syllable seen beside no option of either neighbour could never pass, so
    it is no option; and a token with one option left cuts the chain, so each
    run of tokens with options is decoded apart, between its fixed neighbours
    (the same result, in a fraction of the time)."""
    options = [choices[i] for i in clause]
    options = [
        [o[0], *(c for c in o[1:] if _seen_beside(lm, c, *_beside(options, k), _evidence(lm, o[0], c)[0]))]
        for k, o in enumerate(options)
    ]
    changed: dict[int, str] = {}
    k = 0
    while k < len(options):
        if len(options[k]) == 1:
            k += 1
            continue
        end = k
        while end < len(options) and len(options[end]) > 1:
            end += 1
        lo = max(k - 1, 0)
        for j, best in _decode_run(lm, options[lo : end + 1]).items():
            changed[clause[lo + j]] = best
        k = end
    return changed


def _beside(seq: list, k: int) -> tuple[list, list]:
    """What stands before and after position k (nothing at either end)."""
    return (seq[k - 1] if k else []), (seq[k + 1] if k + 1 < len(seq) else [])


def _seen_beside(lm: LanguageModel, word: str, before: list[str], after: list[str], need: int) -> bool:
    """Whether `word` is seen `need` times after one of `before` or before one of `after`."""
    return any(lm.bigrams.get((b, word), 0) >= need for b in before) or any(
        lm.bigrams.get((word, a), 0) >= need for a in after
    )


def _evidence(lm: LanguageModel, read: str, best: str) -> tuple[int, float]:
    """What replacing `read` by `best` takes: times seen beside a neighbour, and odds.

    A real syllable is only replaced by a pair seen more than once (one stray pair
    in the corpus is noise); one that gains a vowel shape, on far more."""
    if read not in lm.unigrams:
        return 1, MIN_ODDS
    if lm.letters[best] != lm.letters[read]:  # both known: `read` is, `best` came from the model
        return HAT_NEED, HAT_ODDS
    return 2, MIN_ODDS


def _decode_run(lm: LanguageModel, options: list[list[str]]) -> dict[int, str]:
    """`_decode` on one run of tokens: position in the run → new syllable."""
    options = list(options)
    while any(len(o) > 1 for o in options):
        path, gain = _viterbi(lm, options)
        refused = []
        for k, best in enumerate(path):
            read = options[k][0]
            if best == read:
                continue
            need, odds = _evidence(lm, read, best)
            if not _seen_beside(lm, best, path[max(k - 1, 0) : k], path[k + 1 : k + 2], need) or gain[k] < math.log(
                odds
            ):
                refused.append(k)
        if not refused:
            return {k: best for k, best in enumerate(path) if best != options[k][0]}
        for k in refused:
            options[k] = options[k][:1]
    return {}


def _viterbi(lm: LanguageModel, options: list[list[str]]) -> tuple[list[str], list[float]]:
    """The likeliest path through `options` (each token's first option is what OCR
    read) and, per token, how much likelier (log) the best path is than the best
    one keeping that token as read."""
    n = len(options)
    forward: list[list[float]] = [[math.log(lm.p(w)) for w in options[0]]]
    back: list[list[int]] = [[0] * len(options[0])]
    for k in range(1, n):
        row, ptr = [], []
        for w in options[k]:
            scores = [f + lm.step(a, w) for f, a in zip(forward[k - 1], options[k - 1], strict=True)]
            j = max(range(len(scores)), key=scores.__getitem__)
            row.append(scores[j])
            ptr.append(j)
        forward.append(row)
        back.append(ptr)
    backward: list[list[float]] = [[0.0] * len(o) for o in options]
    for k in range(n - 2, -1, -1):
        backward[k] = [
            max(lm.step(w, b) + rest for b, rest in zip(options[k + 1], backward[k + 1], strict=True))
            for w in options[k]
        ]
    j = max(range(len(forward[-1])), key=forward[-1].__getitem__)
    best = forward[-1][j]
    picks = [j]
    for k in range(n - 1, 0, -1):
        j = back[k][j]
        picks.append(j)
    picks.reverse()
    path = [options[k][j] for k, j in enumerate(picks)]
    gain = [best - (forward[k][0] + backward[k][0]) for k in range(n)]
    return path, gain


#: Punctuation between two syllables ends the context: brackets and quotes too
#: (`… Lào Cai); Tông công ty …`: `Tông` still has its right-hand neighbour).
_PUNCT_GAP = regex.compile(r"\s*[.;:,!?()\[\]\"“”]+\s*")


def _neighbour(text: str, tokens: list, lowered: list[str], i: int, step: int) -> str | None:
    """The token next to token i: its syllable (or `#`), "" at a line or clause
    boundary (no context, nothing hidden), None when something the model cannot
    read (`Km0`, `(`) stands between them. A line that opens on a small letter
    continues the sentence of the line before: the words either side of that
    break are each other's context (`đô thị văn` / `mỉnh" năm 2023`, a title
    wrapped in two)."""
    j = i + step
    a, b = (
        (tokens[j].end() if j >= 0 else 0, tokens[i].start())
        if step < 0
        else (tokens[i].end(), tokens[j].start() if j < len(tokens) else len(text))
    )
    gap = text[a:b]
    if not 0 <= j < len(tokens) or _PUNCT_GAP.fullmatch(gap):
        return ""
    if "\n" in gap:
        after = tokens[max(i, j)].group()
        wrapped = gap.count("\n") == 1 and gap.strip() == "" and after[:1].islower()
        return lowered[j] if wrapped else ""
    return lowered[j] if gap.strip() == "" else None


def _may_change(text: str, m: regex.Match, keep_names: bool = True) -> bool:
    token = m.group()
    if len(token) > 1 and token.isupper() and not tone_of(token) and len(token) > 4:
        return False  # an abbreviation (`VLNCN`), not a word in capitals
    return not (keep_names and _is_name(text, m))


def _is_name(text: str, m: regex.Match) -> bool:
    """A capitalised word inside a sentence (not a word in capitals): mostly a name."""
    token = m.group()
    if not token[:1].isupper() or token.isupper():
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    return bool(_MID_SENTENCE.search(text[line_start : m.start()]))


# ---------------------------------------------------------------- units listed together

#: The administrative units by their letters without tone (`phương` → `phường`, `thi trân` → `thị trấn`).
_UNIT_BY_LETTERS = {" ".join(map(toneless, u.split())): u for u in ADMIN_UNITS}
#: What joins the units of a list: `các xã, phường`, `huyện và thị xã`, `xã/phường`.
_LIST_JOIN = regex.compile(r"\s*,\s*|[ \t]+và[ \t]+|\s*/\s*")
_SYLLABLE = regex.compile(r"(?<![\p{L}\d])\p{Ll}+(?![\p{L}\d])")


def repair_unit_lists(text: str) -> tuple[str, int]:
    """Units listed with another, read with a tone lost or swapped (`các xã, phương` →
    `các xã, phường`), and how many were put right.

    The tone model reads a clause between punctuation, so the comma of a list hides the
    unit beside it; the list itself says what the word is. Not where the word makes a
    dictionary word with its other neighbour (`địa phương, xã`, `xã, phương án`)."""
    tokens = list(_SYLLABLE.finditer(text))
    fixes: dict[tuple[int, int], str] = {}
    for i in range(len(tokens) - 1):
        if not _LIST_JOIN.fullmatch(text, tokens[i].end(), tokens[i + 1].start()):
            continue
        # the longest unit ending before the join and the longest starting after it
        left = next((u for j in (i - 1, i) if j >= 0 and (u := _unit_span(text, tokens[j : i + 1]))), None)
        right = next(
            (u for k in (i + 3, i + 2) if k <= len(tokens) and (u := _unit_span(text, tokens[i + 1 : k]))), None
        )
        if not left or not right:
            continue
        for (span, unit, exact), other_exact, outer in (
            (left, right[2], i - len(left[0])),
            (right, left[2], i + 1 + len(right[0])),
        ):
            if (
                not exact
                and other_exact
                and not _compound_with(text, span, tokens[outer] if 0 <= outer < len(tokens) else None)
            ):
                fixes[(span[0].start(), span[-1].end())] = unit
    out, pos = [], 0
    for (start, end), unit in sorted(fixes.items()):
        out += [text[pos:start], unit]
        pos = end
    out.append(text[pos:])
    return "".join(out), len(fixes)


def _unit_span(text: str, span: list[regex.Match]) -> tuple[list[regex.Match], str, bool] | None:
    """(the syllables, the unit they are, written exactly so) when their letters are a unit's."""
    if not span or any(text[a.end() : b.start()] != " " for a, b in pairwise(span)):
        return None
    written = " ".join(normalize_tone_marks(m.group()) for m in span)
    unit = _UNIT_BY_LETTERS.get(" ".join(toneless(m.group()) for m in span))
    return (span, unit, written == unit) if unit else None


#: A people's committee or council, whose next word is the unit it governs (`Ủy ban nhân dân quân,
#: huyện` is `quận, huyện`, though `dân quân` is a word).
_LOCAL_GOVERNMENT_BEFORE = regex.compile(
    r"(?:(?:Ủy|Uỷ)\s+ban|Hội\s+đồng)\s+nhân\s+dân(?:\s+các)?\s+\Z|(?:UBND|HĐND)(?:\s+các)?\s+\Z", regex.IGNORECASE
)


def _compound_with(text: str, span: list[regex.Match], outer: regex.Match | None) -> bool:
    """Whether the unit's syllable and its neighbour outside the list make a dictionary word,
    where no people's committee or council names the unit right before it."""
    if outer is None:
        return False
    a, b = (outer, span[0]) if outer.end() <= span[0].start() else (span[-1], outer)
    if text[a.end() : b.start()] != " " or not makes_one_word(a.group(), b.group()):
        return False
    return not _LOCAL_GOVERNMENT_BEFORE.search(text, max(0, span[0].start() - 30), span[0].start())
