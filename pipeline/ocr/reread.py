"""Second reading of the parts of a page tesseract got wrong.

Failures of tesseract's page layout common in these documents and cheap to
repair from its own word boxes:

* Side-by-side blocks whose lines do not line up — the `Nơi nhận:` list next
  to the signature block `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`
  in a larger font. Tesseract merges them into lines that run across both
  columns and misreads the right-hand one (`PHO CHU TỊCH`, `= _— Đến`).
  Each column is read again on its own.
* A line read as debris (`—=]L29/I2) I22]5€11.` for `- LĐVP, P.KT, P.TH;`,
  confidence near 0), which reads correctly once cut out.
* A line whose short first word tesseract doubts far more than the rest
  (`SỐ Ủy ban nhân dân xã …` for `2. Ủy ban …`: an item's number, its
  section and task lost with it; `T/M ĐANG UY`), which reads right once
  cut out.
* A name line tesseract doubts (`Vương Quốc Tuân` under `GIÁM ĐỐC`), whose marks
  read right once it is cut out (`reread_names`, after the rest).

All regions of a page go on one sheet for a single extra tesseract call
(`--psm 6`; the doubted first words and the name lines each on a sheet of
their own); a re-read only replaces the first reading when tesseract is
more confident of it, or for a name, where only the marks differ. Pages
without such trouble cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from statistics import median

import numpy as np
from PIL import Image

from extractors.text.syllables import shapeless
from pipeline.ocr.tablegrid import Word, mean_conf, otsu_threshold, words_by_line

# A line whose words average below this confidence is debris (clean lines
# average 85-95).
DOUBTFUL_CONF = 50.0
#: A line's first word (a label, `2.`, `a)`, `-`) is doubtful when tesseract is this much
#: less sure of it than of the line's other words; it is at most this long.
DOUBTFUL_FIRST_GAP = 10.0
LABEL_CHARS = 3
#: ... in a line of text tesseract is sure of (a stamp's debris is no such line).
SURE_LINE = 85.0
#: A re-read first word replaces the first reading when tesseract is this much surer of it,
SURER_BY = 10.0
#: ... and it is what opens a list item: a number, a Roman numeral or a letter with its mark,
#: a bullet. A word re-read in a word's place is no surer for being re-read (`mẽ` read `___`).
_LABEL_OR_BULLET = re.compile(r"^(?:\d{1,2}[.,:)]?|[IVXL]{1,4}[.)]|\(?[a-zđ]\)|[-–+•*])$")


@dataclass
class _Region:
    unit: tuple  # line key: the first of a column run, or the line
    side: int | None  # 0 left / 1 right column, None for a line
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 on the page


def reread(pixels: np.ndarray, words: list[Word], read: Callable[[Image.Image], list[Word]]) -> list[Word]:
    """`words` with misread columns and debris lines read again; `read`
    runs tesseract (`--psm 6`) on an image."""
    if not words:
        return words
    h = median(w.height for w in words)
    lines = words_by_line(words)

    regions: list[_Region] = []
    in_run: dict[tuple, tuple] = {}  # line key -> first line of its run
    for run, gutter in _column_runs(lines, h):
        members = [w for k in run for w in lines[k]]
        x0, y0, x1, y1 = _bbox(members, pad=h / 4, shape=pixels.shape)
        in_run.update(dict.fromkeys(run, run[0]))
        regions.append(_Region(run[0], 0, (x0, y0, int(gutter), y1)))
        regions.append(_Region(run[0], 1, (int(gutter), y0, x1, y1)))
    for key, members in lines.items():
        if key not in in_run and mean_conf(members) < DOUBTFUL_CONF:
            regions.append(_line_region(key, members, pixels.shape))

    replacements: dict[tuple, list[Word]] = {}
    found = _read_regions(pixels, regions, h, read) if regions else {}
    for region in regions:
        if region.side == 0:
            old = [w for k, first in in_run.items() if first == region.unit for w in lines[k]]
            new = found.get((region.unit, 0), []) + found.get((region.unit, 1), [])
            if new and mean_conf(new) > mean_conf(old):
                replacements[region.unit] = new
        elif region.side is None:
            new = found.get((region.unit, None), [])
            if new and mean_conf(new) > mean_conf(lines[region.unit]) + 10:
                replacements[region.unit] = new
    replacements.update(_reread_first_words(pixels, lines, set(in_run) | set(replacements), h, read))

    out: list[Word] = []
    done = set()
    for w in words:
        unit = in_run.get(w.line_key, w.line_key)
        if unit not in replacements:
            out.append(w)
        elif unit not in done:
            done.add(unit)
            out += replacements[unit]
    return out


#: A person's name as a line: two to five words, each a capital and small letters
#: (`Vương Quốc Tuấn`, the signature block's last line).
NAME_WORDS = (2, 5)
#: A name word is doubted below this confidence (well-read names: 95-96).
SURE_NAME = 95.0
#: ... and its reading alone taken unless tesseract is this much less sure of it (a smudge).
NAME_SLACK = 10.0


def reread_names(pixels: np.ndarray, words: list[Word], read: Callable[[Image.Image], list[Word]]) -> list[Word]:
    """`words` with the marks of a name line tesseract doubted put right by reading the line alone.

    A signer's name stands bold under the title in capitals, in a block of its own:
    read with the page, tesseract drops or swaps the tone over a circumflex or breve
    (`Tuân`, `Trân`, `Hiên`, `Chỉnh` for `Tuấn`, `Trần`, `Hiển`, `Chinh`), and reads them
    right alone: of the rendered plans' 246 scans, 58 name lines were doubted and 19 words
    read with other marks alone, every one the signer's true name (15 of them surer, 4 a
    little less sure). A name has no context the language model could judge, so only the
    marks of a word the page read doubtfully may change: a word read alone as other
    letters is left as the page read it, and so is one the page read surely (a real scan's
    `Hiền`, 96, read alone `Hiên`, 91, beside a doubted family name)."""
    doubted = {
        key: members
        for key, members in words_by_line(words).items()
        if NAME_WORDS[0] <= len(members) <= NAME_WORDS[1]
        and all(_name_word(w.text) for w in members)
        and min(w.conf for w in members) < SURE_NAME
    }
    if not doubted:
        return words
    h = median(w.height for w in words)
    regions = [_line_region(key, members, pixels.shape) for key, members in doubted.items()]
    found = _read_regions(pixels, regions, h, read)
    better: dict[int, Word] = {}
    for key, members in doubted.items():
        old = sorted(members, key=lambda w: w.left)
        new = sorted(found.get((key, None), []), key=lambda w: w.left)
        if len(new) != len(old):
            continue
        for o, n in zip(old, new, strict=True):
            same_letters = shapeless(n.text.lower()) == shapeless(o.text.lower())
            if n.text != o.text and same_letters and o.conf < SURE_NAME and n.conf >= o.conf - NAME_SLACK:
                better[id(o)] = replace(o, text=n.text, conf=n.conf)
    return [better.get(id(w), w) for w in words]


def _name_word(text: str) -> bool:
    return len(text) > 1 and text.isalpha() and text[0].isupper() and text[1:].islower()


def _first(members: list[Word]) -> Word:
    return min(members, key=lambda w: w.left)


def _reread_first_words(
    pixels: np.ndarray, lines: dict[tuple, list[Word]], done: set[tuple], h: float, read: Callable
) -> dict[tuple, list[Word]]:
    """Lines whose doubted first word reads as a list item's label or bullet once cut out
    (with the start of the next word, for context), that word put right. On a sheet of
    their own: what else is on a sheet changes how tesseract reads it."""
    doubted = {k: ws for k, ws in lines.items() if k not in done and _doubtful_first(ws)}
    if not doubted:
        return {}
    regions = []
    for key, members in doubted.items():
        first, line_h = _first(members), max(w.height for w in members)
        x0, y0, _, y1 = _bbox(members, pad=line_h / 4, shape=pixels.shape)
        x1 = min(pixels.shape[1], int(first.left + first.width + 3 * h))
        regions.append(_Region(key, None, (max(0, int(first.left - h / 2)), y0, x1, y1)))
    found = _read_regions(pixels, regions, h, read)
    out = {}
    for key, members in doubted.items():
        new, old = found.get((key, None), []), _first(members)
        if new and (surer := _surer_first(old, _first(new))):
            out[key] = [surer if w is old else w for w in members]
    return out


def _surer_first(old: Word, new: Word) -> Word | None:
    """The re-read first word, in the old one's place, when it stands where the old one
    stood, opens a list item and tesseract is surer of it."""
    overlap = min(old.left + old.width, new.left + new.width) - max(old.left, new.left)
    if new.conf > old.conf + SURER_BY and overlap >= old.width / 2 and _LABEL_OR_BULLET.match(new.text):
        return replace(new, line_key=old.line_key)
    return None


def _doubtful_first(members: list[Word]) -> bool:
    """The line's short first word is far less sure than the well-read words after it."""
    first = _first(members)
    rest = [w.conf for w in members if w is not first and w.conf >= 0]
    return (
        len(rest) >= 2
        and len(first.text) <= LABEL_CHARS
        and not _LABEL_OR_BULLET.match(first.text)  # read as what it would be re-read as
        and median(rest) >= SURE_LINE
        and 0 <= first.conf < median(rest) - DOUBTFUL_FIRST_GAP
    )


def _column_runs(lines: dict[tuple, list[Word]], h: float) -> list[tuple[list[tuple], float]]:
    """Runs of consecutive lines that form two side-by-side columns, each
    with the x of its gutter. A run starts at a line split by one wide gap
    and takes the following lines while that gap stays common to all split
    lines and no line runs across it (the rest of a `Nơi nhận` list on the
    left, the signer's name on the right). It counts only if somewhere the
    two halves of a line are not on the same baseline (an unruled table
    keeps its cells on one baseline and stays as tesseract read it), and
    if more than one line is split (one may be a justified line with a wide
    space)."""
    runs = []
    run: list[tuple] = []
    lo = hi = 0.0
    misaligned, splits, bottom = False, 0, 0.0

    def close():
        if run and misaligned and splits >= 2:
            runs.append((list(run), (lo + hi) / 2))

    for key, members in lines.items():
        # debris read in the gutter (`:`, `_`, `sb di lj`) must not close it
        ws = sorted((w for w in members if _solid(w)), key=lambda w: w.left)
        if not ws:
            if run:
                run.append(key)
            continue
        top = min(w.top for w in ws)
        line_bottom = max(w.top + w.height for w in ws)
        gaps = [
            (ws[i].left + ws[i].width, ws[i + 1].left)
            for i in range(len(ws) - 1)
            if ws[i + 1].left - (ws[i].left + ws[i].width) >= 3 * h
        ]
        x0, x1 = ws[0].left, ws[-1].left + ws[-1].width
        near = bool(run) and top - bottom < 10 * h
        if run and len(gaps) > 1:
            # a wide gap inside one column (words OCR lost where the seal was)
            # is not a second gutter: the gutter is the gap sharing most with the run's
            shared = max(gaps, key=lambda g: min(hi, g[1]) - max(lo, g[0]))
            if min(hi, shared[1]) > max(lo, shared[0]):
                gaps = [shared]
        if len(gaps) == 1:
            a, b = gaps[0]
            left = [w for w in ws if w.left < b]
            right = [w for w in ws if w.left >= b]
            dy = abs(median(w.centre[1] for w in left) - median(w.centre[1] for w in right))
            skewed = dy > 0.25 * h or max(w.height for w in ws) > 1.5 * h
            if near and max(lo, a) < min(hi, b):
                lo, hi = max(lo, a), min(hi, b)
                run.append(key)
                misaligned, splits = misaligned or skewed, splits + 1
                bottom = max(bottom, line_bottom)
            else:
                close()
                run, lo, hi, misaligned, splits = [key], a, b, skewed, 1
                bottom = line_bottom
        elif not gaps and near and not (x0 < (lo + hi) / 2 < x1):
            run.append(key)  # a line on one side of the gutter
            bottom = max(bottom, line_bottom)
        else:
            close()
            run, misaligned, splits = [], False, 0
    close()
    return runs


def _solid(w: Word) -> bool:
    # Only short debris is ignored: leaving out a doubtful word of real text
    # would open a gap in the middle of a line.
    return any(c.isalnum() for c in w.text) and (w.conf >= 40 or len(w.text) > 2)


def _line_region(key: tuple, members: list[Word], shape: tuple[int, int]) -> _Region:
    """One line to read again alone, with a quarter of its height around it."""
    return _Region(key, None, _bbox(members, pad=max(w.height for w in members) / 4, shape=shape))


def _bbox(words: list[Word], pad: float, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    height, width = shape
    return (
        max(0, int(min(w.left for w in words) - pad)),
        max(0, int(min(w.top for w in words) - pad)),
        min(width, int(max(w.left + w.width for w in words) + pad)),
        min(height, int(max(w.top + w.height for w in words) + pad)),
    )


def _read_regions(
    pixels: np.ndarray, regions: list[_Region], h: float, read: Callable[[Image.Image], list[Word]]
) -> dict[tuple, list[Word]]:
    """Stack the regions on a white sheet, read it once, and hand each
    region its words, moved back to page coordinates and keyed so that
    each column's lines and paragraphs stay its own."""
    threshold = otsu_threshold(pixels[::4, ::4])
    pad, gap = int(h), int(2 * h)
    crops = []
    for r in regions:
        x0, y0, x1, y1 = r.box
        crop = pixels[y0:y1, x0:x1].copy()
        crop[crop >= threshold] = 255  # paper grey would frame the crop
        crops.append(crop)
    # Tesseract refuses an image over 32767 pixels a side: a page of many
    # doubtful lines (a page scanned sideways) goes on several sheets.
    batches: list[list[int]] = [[]]
    tall = 2 * pad
    for i, crop in enumerate(crops):
        if batches[-1] and tall + crop.shape[0] + gap > MAX_SHEET_PX:
            batches.append([])
            tall = 2 * pad
        batches[-1].append(i)
        tall += crop.shape[0] + gap
    found: dict[tuple, list[Word]] = {}
    for batch in batches:
        _read_sheet([regions[i] for i in batch], [crops[i] for i in batch], pad, gap, read, found)
    return found


#: The tallest sheet of regions read at once (Tesseract's limit is 32767).
MAX_SHEET_PX = 16000


def _read_sheet(
    regions: list[_Region],
    crops: list[np.ndarray],
    pad: int,
    gap: int,
    read: Callable[[Image.Image], list[Word]],
    found: dict[tuple, list[Word]],
) -> None:
    width = max(c.shape[1] for c in crops) + 2 * pad
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) - 1) + 2 * pad
    sheet = np.full((height, width), 255, dtype=np.uint8)
    slots = []
    y = pad
    for crop in crops:
        sheet[y : y + crop.shape[0], pad : pad + crop.shape[1]] = crop
        slots.append((y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    for w in read(Image.fromarray(sheet)):
        if not any(c.isalnum() for c in w.text) and w.conf < 60:
            continue  # the edge of a crop read as `|` or `_`
        cy = w.centre[1]
        for r, (top, bottom) in zip(regions, slots, strict=False):
            if top - gap / 2 <= cy <= bottom + gap / 2:
                x0, y0 = r.box[:2]
                if r.side is None:
                    key = r.unit + (w.line_key[1:],)  # same paragraph
                else:  # each column its own paragraphs
                    key = (r.unit[0], r.unit[1], (r.unit, r.side) + w.line_key[1:3], w.line_key[3])
                found.setdefault((r.unit, r.side), []).append(
                    replace(w, left=w.left - pad + x0, top=w.top - top + y0, line_key=key)
                )
                break
