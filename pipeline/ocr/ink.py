"""A page in grey for OCR, the seal and the signature faded to paper.

The text of an administrative document is printed black; the large coloured
marks on it were added at signing: the red seal (`con dấu`, 35-42 mm across)
stamped over the signer's title and name or over an appendix's heading, and
the signature in blue ink. Converted to luminance, seal red is as dark as
print (a pure red is 76 of 255): Tesseract reads the seal's ring of letters
into the text and loses the words under it. Their pixels become paper
instead, while print under them stays (black is dark in every channel), as a
copier's colour dropout does.

Small coloured marks are content and stay as they are: the number and the day
of a document are often written or stamped in colour into the printed
`Số: …/QĐ-UBND` and `ngày … tháng …`.
"""

from __future__ import annotations

from collections import deque

import numpy as np
from PIL import Image

from pipeline.ocr.tablegrid import paper_shade

#: A pixel is ink of a colour, not grey, when its channels differ this much
#: (0-255). Print in a colour scan stays within ~30 of grey; a seal's red
#: (~190, 5, 25) differs by ~180, its strokes' anti-aliased edges by 60 or more.
COLOURED = 60
#: A coloured pixel whose brightest channel is this much darker than the ink's
#: own (its median over the marks: ~190 for a drawn seal, ~215 for a scanned
#: one) is print under the ink (black under red: ~(60, 20, 20), blurred by a
#: scan up to ~(150, 50, 50)); a lighter one is the ink alone, and becomes
#: paper. (Made light grey only, a seal's ring stays a ring of grey letters
#: Tesseract reads into the heading beside it.)
PRINT_UNDER = 0.75
#: The width of a stroke's rim, in pixels at 300 dpi.
RIM = 2
#: Coloured marks are grouped on a grid of cells this wide (mm); cells this
#: close (in cells) are one mark: a seal's ring and letters, a signature's strokes.
CELL_MM = 1.5
JOIN_CELLS = 2
#: A mark this long (mm) on its longer side is a seal or a signature; a number
#: or a day written in colour is 4-12 mm.
SIGNING_MARK_MM = 18.0


def ink_gray(img: Image.Image, grey: Image.Image | None = None, dpi: int = 300) -> Image.Image:
    """`img` in grey with the seal and the signature turned to paper, print under them kept.

    `grey`: the same page already in grey (a renderer's own grey output), kept
    as it is wherever nothing is faded. `dpi`: the image's resolution.
    """
    if img.mode in ("L", "1", "I", "I;16", "F"):
        return img if img.mode == "L" else img.convert("L")
    grey = grey if grey is not None else img.convert("L")
    rgb = np.asarray(img if img.mode == "RGB" else img.convert("RGB"))
    # Channel by channel: a reduction over the last axis of three is ten times slower.
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    brightest = np.maximum(np.maximum(r, g), b)
    coloured = (brightest - np.minimum(np.minimum(r, g), b)) > COLOURED
    if not coloured.any():
        return grey
    marks = _signing_marks(coloured, dpi)
    if not marks.any():
        return grey
    pixels = np.asarray(grey)
    paper = np.uint8(paper_shade(pixels))
    # Only the box around the marks is worked on: a seal is a small part of a page.
    rows, cols = np.flatnonzero(marks.any(axis=1)), np.flatnonzero(marks.any(axis=0))
    top, bottom = max(rows[0] - RIM, 0), rows[-1] + RIM + 1
    left, right = max(cols[0] - RIM, 0), cols[-1] + RIM + 1
    # The strokes' anti-aliased rims are barely coloured (pink, ~(215, 190, 190)):
    # read as grey they leave the seal's outline. Widened by its rim, the ink's
    # area takes them too; print there is dark, so still kept.
    ink = _widened(marks[top:bottom, left:right], RIM)
    light = brightest[top:bottom, left:right]
    out = pixels.copy()
    box = out[top:bottom, left:right]
    under = PRINT_UNDER * np.median(brightest[marks])
    box[ink] = np.where(light[ink] >= under, paper, light[ink])
    result = Image.fromarray(out)
    result.info.update(grey.info)
    return result


def _signing_marks(coloured: np.ndarray, dpi: int) -> np.ndarray:
    """The coloured pixels that belong to a mark as large as a seal or a signature."""
    cell = max(1, round(CELL_MM * dpi / 25.4))
    h, w = coloured.shape
    rows, cols = -(-h // cell), -(-w // cell)
    padded = np.zeros((rows * cell, cols * cell), dtype=bool)
    padded[:h, :w] = coloured
    on = np.asarray(padded.reshape(rows, cell, cols, cell).any(axis=(1, 3)))
    big = np.zeros_like(on)
    seen = np.zeros_like(on)
    longest = SIGNING_MARK_MM / CELL_MM
    for start in zip(*np.nonzero(on), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        group, todo = [start], deque([start])
        while todo:
            y, x = todo.popleft()
            for ny in range(max(y - JOIN_CELLS, 0), min(y + JOIN_CELLS + 1, rows)):
                for nx in range(max(x - JOIN_CELLS, 0), min(x + JOIN_CELLS + 1, cols)):
                    if on[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        group.append((ny, nx))
                        todo.append((ny, nx))
        cells = np.array(group)
        if (cells.max(axis=0) - cells.min(axis=0)).max() + 1 >= longest:
            big[cells[:, 0], cells[:, 1]] = True
    if not big.any():
        return big
    keep = np.repeat(np.repeat(big, cell, axis=0), cell, axis=1)[:h, :w]
    return coloured & keep


def _widened(mask: np.ndarray, by: int) -> np.ndarray:
    """`mask` grown by `by` pixels in every direction (a square dilation)."""
    out = mask.copy()
    for _ in range(by):
        grown = out.copy()
        grown[1:, :] |= out[:-1, :]
        grown[:-1, :] |= out[1:, :]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out
