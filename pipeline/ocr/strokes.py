"""A quarter's Roman numeral counted from its strokes on the page.

Tesseract reads `Quý II/2025` as `Quý I/2025`, `Quý III` as `Quý II`, `Quý II`
as `Quý 11`, and where serifs touch `III` as `THI` or `IHI`, `II` as `TII`: in a
serif face the strokes of I, II and III are one glyph repeated, and it loses or
doubles one about as often as it reads the numeral right (rendered scans of the
invented plans: 7 of 10 quarter numerals read wrong on one seed). A quarter is a
deadline, and a wrong one is a wrong fact.

The strokes themselves are easy to count: each `I` is an upright connected
blob as tall as the word's figures, and the slash after them (`II/2025`) leans.
So the numeral after `Quý` is counted from the ink of its word box, and taken
where the count is sure: the blobs before the slash (or the word's end) are all
upright single strokes, and there are one to three of them. `IV` (a `V` is no
stroke) and anything else are left as read.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import regex

from pipeline.ocr.tablegrid import Word, otsu_threshold

#: The word before a quarter's numeral.
_QUARTER = regex.compile(r"^(?i:quý|quy|qúy)[:.]?$")
#: A numeral of strokes as OCR reads it (Roman I, digits 1, `l`, `|`; serifs joined as `T`, `H`),
#: then the year or a mark. The ink decides: a real T or H is no upright narrow stroke.
_STROKES = regex.compile(r"^(?P<num>[Il1|TH]{1,3})(?P<rest>(?:/\d{2,4})?[.,;:)]*)$")
#: A blob this much shorter than the tallest is a mark or a speck, not a stroke or a figure.
_TALL = 0.6
#: An upright stroke: its top and bottom centres at most this far apart (in heights);
#: a slash leans more than `_SLASH` (measured: strokes and figures within 0.05, slashes 0.22-0.25).
_UPRIGHT = 0.1
_SLASH = 0.15
#: A stroke's blob (its serifs with it) is at most this wide (in heights); two strokes
#: whose serifs touch are about 0.8.
_NARROW = 0.55


def recount_quarter_strokes(pixels: np.ndarray, words: list[Word]) -> list[Word]:
    """`words` with each quarter's numeral of strokes (`I`, `II`, `III`) as its ink counts it."""
    out = list(words)
    for k in range(1, len(out)):
        word = out[k]
        m = _STROKES.match(word.text)
        if not m or not _QUARTER.match(out[k - 1].text):
            continue
        count = count_strokes(pixels, word, slash="/" in m.group("rest"))
        # `1/2025` as read is the same quarter; `11/2025` is none (no quarter 11): strokes
        if count is not None and (count != len(m.group("num")) or (count > 1 and m.group("num") != "I" * count)):
            out[k] = replace(word, text="I" * count + m.group("rest"))
    return out


def count_strokes(pixels: np.ndarray, word: Word, slash: bool) -> int | None:
    """How many upright strokes open `word`'s ink, before its slash if it has one; None if unsure."""
    pad = max(2, word.height // 8)
    top, left = max(0, word.top - pad), max(0, word.left - pad)
    crop = pixels[top : word.top + word.height + pad, left : word.left + word.width + pad]
    if crop.size == 0:
        return None
    ink = crop < otsu_threshold(crop)
    blobs = [b for b in _blobs(ink) if b.size >= 4]
    if not blobs:
        return None
    tallest = max(b.height for b in blobs)
    tall = sorted((b for b in blobs if b.height >= _TALL * tallest), key=lambda b: b.left)
    count = 0
    for blob in tall:
        if blob.upright and blob.width <= _NARROW * blob.height:
            count += 1
            continue
        # the first blob that is no stroke must be the slash, where the word has one
        if slash and not blob.leans:
            return None
        break
    else:
        if slash:
            return None  # no slash found after the strokes
    return count if 1 <= count <= 3 else None


class _Blob:
    """One 8-connected blob of ink: its box and how it leans."""

    def __init__(self, ys: np.ndarray, xs: np.ndarray) -> None:
        self.size = len(ys)
        self.top, self.left = int(ys.min()), int(xs.min())
        self.height = int(ys.max()) - self.top + 1
        self.width = int(xs.max()) - self.left + 1
        quarter = max(1, self.height // 4)
        upper = xs[ys < self.top + quarter]
        lower = xs[ys >= self.top + self.height - quarter]
        # how far the top's centre stands right of the bottom's, in heights
        self.lean = (float(upper.mean()) - float(lower.mean())) / self.height if len(upper) and len(lower) else 0.0

    @property
    def upright(self) -> bool:
        return abs(self.lean) <= _UPRIGHT

    @property
    def leans(self) -> bool:
        return self.lean > _SLASH


def _blobs(ink: np.ndarray) -> list[_Blob]:
    """The 8-connected blobs of a small binary image (a word's box: a few thousand pixels)."""
    seen = np.zeros(ink.shape, dtype=bool)
    h, w = ink.shape
    out = []
    for y0, x0 in zip(*np.nonzero(ink), strict=True):
        if seen[y0, x0]:
            continue
        seen[y0, x0] = True
        stack, ys, xs = [(y0, x0)], [], []
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        out.append(_Blob(np.array(ys), np.array(xs)))
    return out
