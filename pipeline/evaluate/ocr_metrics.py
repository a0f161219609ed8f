"""How good an OCR text is against its transcript: characters, words, tone marks.

* `cer`: character edit distance / transcript length (whitespace collapsed);
* `wer`: word edit distance / transcript words;
* `tone_only`: share of transcript words read with the right letters and the
  wrong tone (`sô` for `số`), from the word alignment — the error a researcher's
  `ilike '%vật liệu nổ%'` trips over;
* `invalid`: share of the OCR's letter tokens that are no Vietnamese syllable
  the language model knows (no transcript needed).

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

from rapidfuzz.distance import Levenshtein

from extractors.normalize.pages import normalize_pages
from extractors.text.fold import normalize_tone_marks
from extractors.text.syllables import toneless, vietnamese_share

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")


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

    def as_dict(self) -> dict[str, float | int | None]:
        return {"cer": self.cer, "wer": self.wer, "tone_only": self.tone_only, "invalid": self.invalid}


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
    return OcrMetrics(cer, wer, tone / max(1, len(truth_words)), invalid, len(hyp_words))


def document_text(pages: list[str], indents: list[list[bool | None]] | None = None) -> str:
    """The normalised text of OCR'd pages, as the pipeline builds its tables from it."""
    return normalize_pages(pages, page_sources=["ocr"] * len(pages), page_indents=indents).text
