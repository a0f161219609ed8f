"""How good an OCR text is against its transcript: characters, words, tone marks.

* `cer`: character edit distance / transcript length (whitespace collapsed);
* `wer`: word edit distance / transcript words;
* `tone_only`: share of transcript words read with the right letters and the
  wrong tone (`sô` for `số`), from the word alignment — the error a researcher's
  `ilike '%vật liệu nổ%'` trips over;
* `invalid`: share of the OCR's letter tokens that are no Vietnamese syllable
  the language model knows (no transcript needed);
* `cer_any_order`: the CER with reading order forgiven — runs of words read
  right but in another order (table cells read whole where a transcript
  follows the visual lines, a signature block before the recipients) cost
  nothing; what is left is what was misread, lost or invented. The idea is
  that of the flexible character accuracy of Clausner, Pletschacher and
  Antonacopoulos (2020), done simply: the words aligned in order first, then
  the longest runs of `MOVED_RUN` or more words matched across what is left,
  out of order, then the leftovers compared in order.

Edit distances come from rapidfuzz (C, linear memory).

`document_text` gives the text the tables are built from (and researchers
search in `sections.text`): the OCR'd pages after the normaliser's line
repairs, furniture removal and de-wrapping. Measured against the transcript
it says what a user gets; the OCR text alone says what Tesseract and the
language repairs did.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

from extractors.normalize.pages import normalize_pages
from extractors.text.fold import normalize_tone_marks
from extractors.text.syllables import toneless, vietnamese_share

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")

#: A run of at least this many words found elsewhere counts as moved, not
#: misread: shorter runs (`của`, `tỉnh Lào Cai`) match by chance.
MOVED_RUN = 4


def collapse(text: str) -> str:
    """NFC, one tone convention, runs of whitespace to one space."""
    return _WS.sub(" ", normalize_tone_marks(unicodedata.normalize("NFC", text))).strip()


@dataclass
class OcrMetrics:
    cer: float | None
    wer: float | None
    tone_only: float | None
    invalid: float
    words: int  # letter tokens in the OCR text
    cer_any_order: float | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "cer": self.cer,
            "wer": self.wer,
            "tone_only": self.tone_only,
            "invalid": self.invalid,
            "cer_any_order": self.cer_any_order,
        }


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(collapse(text))]


def invalid_share(text: str) -> float:
    share, n = vietnamese_share(text, limit=len(text))
    return 1.0 - share if n else 0.0


def ocr_metrics(hypothesis: str, truth: str | None = None) -> OcrMetrics:
    hyp_words = words_of(hypothesis)
    invalid = invalid_share(hypothesis)
    if truth is None:
        return OcrMetrics(None, None, None, invalid, len(hyp_words))
    t, h = collapse(truth), collapse(hypothesis)
    cer = Levenshtein.distance(t, h) / max(1, len(t))
    truth_words = words_of(truth)
    wer = Levenshtein.distance(truth_words, hyp_words) / max(1, len(truth_words))
    tone = sum(
        1
        for op in Levenshtein.editops(truth_words, hyp_words)
        if op.tag == "replace" and toneless(truth_words[op.src_pos]) == toneless(hyp_words[op.dest_pos])
    )
    return OcrMetrics(cer, wer, tone / max(1, len(truth_words)), invalid, len(hyp_words), order_free_cer(t, h))


def order_free_cer(truth: str, hypothesis: str, run: int = MOVED_RUN) -> float:
    """CER with reading order forgiven (see the module's docstring); both texts collapsed."""
    t, h = collapse(truth), collapse(hypothesis)
    a_words, b_words = t.split(" "), h.split(" ")
    # In order first: the gaps between long aligned runs are what is left.
    left_a: list[list[str]] = []
    left_b: list[list[str]] = []
    i = j = 0
    for block in SequenceMatcher(None, a_words, b_words, autojunk=False).get_matching_blocks():
        if block.size >= run or block.size == 0:
            left_a.append(a_words[i : block.a])
            left_b.append(b_words[j : block.b])
            i, j = block.a + block.size, block.b + block.size
    # Then out of order: the longest run shared by any two leftovers, again and again.
    while True:
        best = None
        for x, a in enumerate(left_a):
            if len(a) < run:
                continue
            for y, b in enumerate(left_b):
                if len(b) < run:
                    continue
                m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
                if m.size >= run and (best is None or m.size > best[2].size):
                    best = (x, y, m)
        if best is None:
            break
        x, y, m = best
        a, b = left_a[x], left_b[y]
        left_a[x : x + 1] = [a[: m.a], a[m.a + m.size :]]
        left_b[y : y + 1] = [b[: m.b], b[m.b + m.size :]]
    rest_a = " ".join(w for part in left_a for w in part)
    rest_b = " ".join(w for part in left_b for w in part)
    return Levenshtein.distance(rest_a, rest_b) / max(1, len(t))


def document_text(pages: list[str], indents: list[list[bool | None]] | None = None) -> str:
    """The normalised text of OCR'd pages, as the pipeline builds its tables from it."""
    return normalize_pages(pages, page_sources=["ocr"] * len(pages), page_indents=indents).text
