"""Ruled-table detection on page images, with numpy only.

A scanned table is found from its ruling lines: long horizontal and vertical
dark runs after binarisation. Scans are slightly rotated, so the lines are
measured in a deskewed frame (y' = y - x*t, x' = x + y*t, t = tan of the skew
estimated from the horizontal runs) instead of rotating the image, which
would cost more than the whole detection. `ocr` then reads the cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Rule:
    pos: float  # y' of a horizontal, x' of a vertical
    spans: list[tuple[float, float]]  # covered stretches along the line
    band: tuple[float, float] = (0.0, 0.0)  # extent across the line (thickness)

    def covers(self, lo: float, hi: float) -> float:
        """Share of [lo, hi] this rule is drawn over."""
        if hi <= lo:
            return 0.0
        got = sum(max(0.0, min(hi, b) - max(lo, a)) for a, b in self.spans)
        return got / (hi - lo)

    def reaches(self, at: float, tol: float) -> bool:
        return any(a - tol <= at <= b + tol for a, b in self.spans)


@dataclass
class Grid:
    skew: float  # t = tan(angle); 0 for digital pages
    rows: list[Rule]  # horizontal rules, top to bottom
    cols: list[Rule]  # vertical rules, left to right
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.rows) - 1

    @property
    def n_cols(self) -> int:
        return len(self.cols) - 1

    def scaled(self, f: float) -> Grid:
        def scale(rule: Rule) -> Rule:
            return Rule(rule.pos * f, [(a * f, b * f) for a, b in rule.spans], (rule.band[0] * f, rule.band[1] * f))

        return Grid(self.skew, [scale(r) for r in self.rows], [scale(c) for c in self.cols], self.merged)

    def deskew(self, x: float, y: float) -> tuple[float, float]:
        return x + y * self.skew, y - x * self.skew


def paper_shade(gray: np.ndarray) -> int:
    """The page's paper grey (the median of a sparse sample): what erased pixels take,
    since a white patch on a grey copy moves tesseract's binarisation threshold."""
    return int(np.median(gray[::8, ::8]))


def otsu_threshold(gray: np.ndarray) -> int:
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (m0[-1] * w0 / total - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = 0
    t = int(np.argmax(between))
    # Callers take `gray < threshold` as ink. On a bilevel scan (a fax, a thresholded
    # photocopy: 0 and 255 only) the best split is 0 itself, and `< 0` found no ink at all.
    return t + 1 if not hist[:t].any() else t


def _long_runs(dark: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Pixels inside a run of at least k dark pixels along `axis`.

    Erosion then dilation by a k-long segment, each done in log2(k) shifted
    ANDs/ORs: a few full-image boolean operations instead of running sums.
    Gaps of up to two pixels (noise, a faint copy) are closed first; k is
    longer than any stroke of body text, so letters do not qualify.
    """

    def shifted(a: np.ndarray, by: int) -> np.ndarray:
        # out[i] = a[i + by] along axis, False past the edge
        out = np.zeros_like(a)
        n = a.shape[axis]
        if abs(by) >= n:
            return out
        src = [slice(None), slice(None)]
        dst = [slice(None), slice(None)]
        if by >= 0:
            src[axis], dst[axis] = slice(by, n), slice(0, n - by)
        else:
            src[axis], dst[axis] = slice(0, n + by), slice(-by, n)
        out[tuple(dst)] = a[tuple(src)]
        return out

    closed = dark | (shifted(dark, -1) & shifted(dark, 1)) | (shifted(dark, -1) & shifted(dark, 2))
    # eroded[i] is True when closed[i : i + k] is all dark
    eroded, have = closed, 1
    while have < k:
        step = min(have, k - have)
        eroded = eroded & shifted(eroded, step)
        have += step
    # spread each qualifying window back over the k pixels it covers
    grown, have = eroded, 1
    while have < k:
        step = min(have, k - have)
        grown = grown | shifted(grown, -step)
        have += step
    return grown


def _estimate_skew(ys: np.ndarray, xs: np.ndarray) -> float:
    """tan of the angle that makes horizontal-run pixels line up best."""
    if len(ys) < 50:
        return 0.0
    step = max(1, len(ys) // 20000)
    ys = ys[::step].astype(np.float64)
    xs = xs[::step].astype(np.float64)

    def sharpness(t: float) -> float:
        proj = np.round(ys - xs * t).astype(np.int64)
        proj -= proj.min()
        h = np.bincount(proj)
        return float(np.dot(h, h))

    best = 0.0
    for span, step_deg in ((3.0, 0.25), (0.3, 0.025)):
        centre = np.degrees(np.arctan(best))
        angles = np.arange(centre - span, centre + span + 1e-9, step_deg)
        scores = [sharpness(np.tan(np.radians(a))) for a in angles]
        best = float(np.tan(np.radians(angles[int(np.argmax(scores))])))
    return best


def _rules(
    along: np.ndarray, across: np.ndarray, min_len: float, merge_gap: float, span_gap: float, min_span: float
) -> list[Rule]:
    """Group run pixels into rules: `across` is the deskewed coordinate
    across the rule (y' for horizontals), `along` the one along it."""
    if len(across) == 0:
        return []
    base = int(np.floor(across.min()))
    bins = np.round(across - base).astype(np.int64)
    hist = np.bincount(bins)
    on = np.flatnonzero(hist >= min_span)
    if len(on) == 0:
        return []
    groups: list[list[int]] = [[on[0], on[0]]]
    for b in on[1:]:
        if b - groups[-1][1] <= merge_gap:
            groups[-1][1] = b
        else:
            groups.append([b, b])
    order = np.argsort(bins, kind="stable")
    sorted_bins = bins[order]
    rules = []
    for lo, hi in groups:
        i0 = np.searchsorted(sorted_bins, lo - 1, "left")
        i1 = np.searchsorted(sorted_bins, hi + 1, "right")
        members = order[i0:i1]
        spans = _spans(np.unique(np.round(along[members])), span_gap, min_span)
        # Length, not pixel count: a thick stroke of bold text has many
        # pixels but is short.
        if sum(b - a for a, b in spans) >= min_len and max(b - a for a, b in spans) >= 2 * min_span:
            band = (float(across[members].min()), float(across[members].max()))
            rules.append(Rule(float(np.average(across[members])), spans, band))
    return rules


def _spans(values: np.ndarray, gap: float, min_span: float) -> list[tuple[float, float]]:
    if len(values) == 0:
        return []
    breaks = np.flatnonzero(np.diff(values) > gap)
    starts = np.concatenate(([values[0]], values[breaks + 1]))
    ends = np.concatenate((values[breaks], [values[-1]]))
    return [(float(a), float(b)) for a, b in zip(starts, ends, strict=False) if b - a >= min_span]


def _min_pool(gray: np.ndarray, f: int) -> np.ndarray:
    h, w = (gray.shape[0] // f) * f, (gray.shape[1] // f) * f
    g = gray[:h, :w]
    out = g[0::f, 0::f].copy()
    for dy in range(f):
        for dx in range(f):
            if dy or dx:
                np.minimum(out, g[dy::f, dx::f], out=out)
    return out


def find_tables(gray: np.ndarray, dpi: int = 300) -> tuple[list[Grid], np.ndarray]:
    """Ruled tables on a grayscale page, and a mask of their ruling pixels
    (to erase before OCR: tesseract reads rules as `|`, `_`, `—`).

    Detection runs on a copy pooled down to about 150 dpi (darkest pixel of
    each block, so thin rules survive), a quarter of the pixels to touch.
    """
    f = max(1, round(dpi / 150))
    small = _min_pool(gray, f)
    sdpi = dpi / f
    dark = small < otsu_threshold(small[::2, ::2])
    # One pixel of thickening across the run direction keeps a slightly
    # rotated rule inside one pixel row for long enough to be seen.
    dark_h = dark.copy()
    dark_h[1:] |= dark[:-1]
    k = max(10, int(sdpi / 6))
    min_len = sdpi * 0.5
    empty = np.zeros(gray.shape, dtype=bool)
    hmask = _long_runs(dark_h, k, axis=1)
    # Most pages have no table: three rules' worth of horizontal runs is
    # the least a table needs, and counting them is cheaper than the rest.
    if np.count_nonzero(hmask) < 3 * min_len:
        return [], empty
    dark_v = dark.copy()
    dark_v[:, 1:] |= dark[:, :-1]
    vmask = _long_runs(dark_v, k, axis=0)
    hy, hx = np.nonzero(hmask)
    vy, vx = np.nonzero(vmask)
    if len(hy) == 0 or len(vy) == 0:
        return [], empty
    t = _estimate_skew(hy, hx)
    merge_gap = max(2, sdpi / 40)
    span_gap = max(4, sdpi / 25)
    hrules = _rules(hx + hy * t, hy - hx * t, min_len, merge_gap, span_gap, k)
    vrules = _rules(vy - vx * t, vx + vy * t, min_len, merge_gap, span_gap, k)
    grids = _assemble(hrules, vrules, t, tol=sdpi / 20, min_cell=sdpi / 4)
    if not grids:
        return [], empty
    # Erase only the run pixels that make up a table's rules: runs elsewhere
    # include the baselines of serif text, which must stay.
    keep = np.zeros_like(dark)
    for mask, across_of, along_of, kind in (
        (hmask, lambda x, y: y - x * t, lambda x, y: x + y * t, "rows"),
        (vmask, lambda x, y: x + y * t, lambda x, y: y - x * t, "cols"),
    ):
        ys, xs = np.nonzero(mask)
        across, along = across_of(xs, ys), along_of(xs, ys)
        for g in grids:
            rules = getattr(g, kind)
            other = g.cols if kind == "rows" else g.rows
            lo_along, hi_along = other[0].pos - k, other[-1].pos + k
            for rule in rules:
                sel = (
                    (across >= rule.band[0] - 1)
                    & (across <= rule.band[1] + 1)
                    & (along >= lo_along)
                    & (along <= hi_along)
                )
                keep[ys[sel], xs[sel]] = True
    # The antialiased edge of a rule is a pixel wider than its run.
    grown = keep.copy()
    grown[1:] |= keep[:-1]
    grown[:-1] |= keep[1:]
    grown[:, 1:] |= keep[:, :-1]
    grown[:, :-1] |= keep[:, 1:]
    mask = empty
    up = np.repeat(np.repeat(grown, f, axis=0), f, axis=1)
    mask[: up.shape[0], : up.shape[1]] = up
    return [g.scaled(f) for g in grids], mask


def _closed(grid: Grid, tol: float, min_cell: float) -> Grid:
    """`grid` with the outer rule a faint copy lost put back where the others end.

    On a poor copy the last column's right rule can fade below the threshold
    while every horizontal rule still runs on to it (a 200 dpi copy of a table
    whose time column was then read as a line of text after the table). A
    table's rules end on its frame: where the rows all end together a cell's
    width past the last vertical rule, that is where the frame was; likewise
    on the left, and for the rows at the top and bottom."""

    def edge(rules: list[Rule], at_start: bool) -> float | None:
        ends = [(min(a for a, _ in r.spans) if at_start else max(b for _, b in r.spans)) for r in rules]
        mid = float(np.median(ends))
        return mid if sum(abs(e - mid) <= tol for e in ends) >= 0.75 * len(ends) else None

    def frame(pos: float, across: list[Rule]) -> Rule:
        return Rule(pos, [(across[0].pos, across[-1].pos)], (pos - 1, pos + 1))

    rows, cols = list(grid.rows), list(grid.cols)
    if (end := edge(rows, False)) is not None and end - cols[-1].pos > min_cell:
        cols.append(frame(end, rows))
    if (start := edge(rows, True)) is not None and cols[0].pos - start > min_cell:
        cols.insert(0, frame(start, rows))
    if (end := edge(cols, False)) is not None and end - rows[-1].pos > min_cell:
        rows.append(frame(end, cols))
    if (start := edge(cols, True)) is not None and rows[0].pos - start > min_cell:
        rows.insert(0, frame(start, cols))
    return Grid(skew=grid.skew, rows=rows, cols=cols)


def _assemble(hrules: list[Rule], vrules: list[Rule], t: float, tol: float, min_cell: float) -> list[Grid]:
    """Tables are connected sets of crossing rules; a lone underline or a
    box around one paragraph is not a table."""
    n = len(hrules)
    parent = list(range(n + len(vrules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hrules):
        for j, v in enumerate(vrules):
            if h.reaches(v.pos, tol) and v.reaches(h.pos, tol):
                parent[find(i)] = find(n + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hrules):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vrules):
        groups.setdefault(find(n + j), ([], []))[1].append(v)
    grids = []
    for group in groups.values():
        for hs, vs in _stacked(*group):
            if len(hs) < 2 or len(vs) < 2 or len(hs) + len(vs) < 5:
                continue
            grid = _closed(Grid(skew=t, rows=hs, cols=vs), tol, min_cell)
            # two rows and two columns at least, like the digital path: a box
            # around one paragraph is read as ordinary text
            if grid.n_rows < 2 or grid.n_cols < 2:
                continue
            grid.merged = merged_cells(grid.rows, grid.cols)
            grids.append(grid)
    grids.sort(key=lambda g: g.rows[0].pos)
    return grids


#: A band between two horizontal rules that no vertical rule runs through for this share
#: of its height lies between two tables.
_OPEN_BAND = 0.5


def _stacked(hs: list[Rule], vs: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """The tables of one set of crossing rules, top to bottom: two tables one under the
    other whose frames stand in line (a task table's last page, then `PHỤ LỤC II` /
    `DANH MỤC DỰ ÁN` and the next appendix's table) share their left and right rules, and
    read as one table with the caption as a row and both tables' columns in every row.
    A band no vertical rule runs through is no row: the tables part there."""
    hs = sorted(hs, key=lambda r: r.pos)
    vs = sorted(vs, key=lambda r: r.pos)
    parts: list[list[Rule]] = [hs[:1]]
    for above, below in zip(hs, hs[1:], strict=False):
        if any(v.covers(above.pos, below.pos) >= _OPEN_BAND for v in vs):
            parts[-1].append(below)
        else:
            parts.append([below])
    if len(parts) == 1:
        return [(hs, vs)]
    return [(rows, [v for v in vs if v.covers(rows[0].pos, rows[-1].pos) > 0]) for rows in parts]


def merged_cells(rows: list[Rule], cols: list[Rule]) -> dict[tuple[int, int], tuple[int, int]]:
    """Map each cell hidden by a missing rule to the top-left cell of its
    merged block: its text belongs there, the others stay empty."""
    nr, nc = len(rows) - 1, len(cols) - 1
    parent = {(r, c): (r, c) for r in range(nr) for c in range(nc)}

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb))
            parent[second] = first

    for r in range(nr):
        top, bottom = rows[r].pos, rows[r + 1].pos
        for c in range(1, nc):
            if cols[c].covers(top, bottom) < 0.5:
                union((r, c - 1), (r, c))
    for r in range(1, nr):
        for c in range(nc):
            if rows[r].covers(cols[c].pos, cols[c + 1].pos) < 0.5:
                union((r - 1, c), (r, c))
    return {cell: find(cell) for cell in parent if find(cell) != cell}


def rotated_rows(
    grid: Grid, box: tuple[float, float, float, float], shape: tuple[int, int]
) -> list[tuple[int, int, int]]:
    """Pixel runs (y, x_start, x_end) of the image covering the deskewed box
    (x0', x1', y0', y1'): a slightly rotated rectangle in the image."""
    x0, x1, y0, y1 = box
    t = grid.skew
    height, width = shape
    # Inverse of the deskew map, enough for angles of a few degrees.
    corners_y = [yd + xd * t for xd in (x0, x1) for yd in (y0, y1)]
    top = max(0, int(np.floor(min(corners_y))))
    bottom = min(height, int(np.ceil(max(corners_y))) + 1)
    runs = []
    for y in range(top, bottom):
        lo, hi = x0 - y * t, x1 - y * t  # from x' = x + y*t
        if t > 0:  # from y' = y - x*t
            lo, hi = max(lo, (y - y1) / t), min(hi, (y - y0) / t)
        elif t < 0:
            lo, hi = max(lo, (y - y0) / t), min(hi, (y - y1) / t)
        a, b = max(0, int(np.ceil(lo))), min(width, int(np.floor(hi)) + 1)
        if b > a:
            runs.append((y, a, b))
    return runs


def cell_blocks(grid: Grid) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    """Deskewed box (x0', x1', y0', y1') of every cell that holds text:
    a merged block is one box, keyed by its top-left cell."""
    extent: dict[tuple[int, int], list[int]] = {}
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            home = grid.merged.get((r, c), (r, c))
            e = extent.setdefault(home, [r, c, r, c])
            e[2], e[3] = max(e[2], r), max(e[3], c)
    return {
        home: (grid.cols[c0].pos, grid.cols[c1 + 1].pos, grid.rows[r0].pos, grid.rows[r1 + 1].pos)
        for home, (r0, c0, r1, c1) in extent.items()
    }


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line_key: tuple[int, int, int, int]  # tesseract (page, block, par, line)

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2


def words_by_line(words: list[Word]) -> dict[tuple, list[Word]]:
    """Tesseract's lines, in its order: each line's key and its words as read."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)
    return lines


def mean_conf(words: list[Word]) -> float:
    """Tesseract's mean confidence over `words` (0-100; words it gave none, -1, left out)."""
    confs = [w.conf for w in words if w.conf >= 0]
    return float(np.mean(confs)) if confs else 0.0


def cell_text(words: list[Word]) -> str:
    """Words of one cell read line by line, left to right."""
    if not words:
        return ""
    placed = sorted(words, key=lambda w: w.centre[1])
    heights = sorted(w.height for w in placed)
    tol = 0.5 * heights[len(heights) // 2]
    lines: list[list[Word]] = []
    last_y = None
    for w in placed:
        y = w.centre[1]
        if last_y is None or y - last_y > tol:
            lines.append([])
        lines[-1].append(w)
        last_y = y
    return " ".join(" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines)


def table_rows(grid: Grid, cells: dict[tuple[int, int], str]) -> list[list[str]]:
    """Rows of cell texts; rows with no text at all are dropped (the sliver
    between a doubled rule, not a row of the table)."""
    rows = []
    for r in range(grid.n_rows):
        row = [cells.get((r, c), "") for c in range(grid.n_cols)]
        if any(row):
            rows.append(row)
    return rows
