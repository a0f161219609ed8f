"""Character error rate of OCR output against the truth text.

`cer()` is exact Levenshtein distance / reference length. The distance uses
Myers' bit-parallel algorithm with Python integers as bit vectors: one pass
over the hypothesis with a handful of big-int operations per character, so
two 70k-character documents take a few seconds instead of the hours an
O(n*m) table would.

`main(argv)` is the `vnplans ocr-check` command: OCR every page of each
scanned sample, compare it with `NAME.truth.txt`, fail above the limit.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# Limits per kind of scan: a clean 300 dpi scan vs a 200 dpi poor copy.
LIMITS = {".scan-poor.pdf": 0.06, ".scan.pdf": 0.03}

_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    """NFC, tabs and newlines to spaces, runs of whitespace to one space."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def levenshtein(a: str, b: str) -> int:
    # Shared prefix and suffix cost nothing; stripping them shrinks the bit
    # vectors, which is where the time goes.
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a = a[start : len(a) - end]
    b = b[start : len(b) - end]
    if len(a) > len(b):
        a, b = b, a  # the shorter string is the bit vector
    m = len(a)
    if m == 0:
        return len(b)
    peq: dict[str, int] = {}
    for i, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in b:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def cer(reference: str, hypothesis: str) -> float:
    ref = collapse(reference)
    hyp = collapse(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return levenshtein(ref, hyp) / len(ref)


def limit_for(path: Path) -> float | None:
    name = path.name
    for suffix, limit in LIMITS.items():
        if name.endswith(suffix):
            return limit
    return None


def truth_for(path: Path, truth_dir: Path) -> Path:
    name = path.name
    for suffix in LIMITS:
        if name.endswith(suffix):
            return truth_dir / (name[: -len(suffix)] + ".truth.txt")
    return truth_dir / (path.stem + ".truth.txt")


def _ocr_page(job: tuple[str, int, str, int]) -> tuple[str, int, str, float]:
    from pipeline.ingest.pdf import ocr_pdf_page

    path, index, lang, dpi = job
    started = time.perf_counter()
    page = ocr_pdf_page(path, index, lang=lang, dpi=dpi)
    # page.seconds starts after the page image exists; count decoding too
    return path, index, page.text, time.perf_counter() - started


def ocr_report(pdf_paths, truth_dir, lang: str = "vie", dpi: int = 300, workers: int | None = None) -> list[dict]:
    """Whole-document CER of OCR text for each PDF (every page OCR'd)."""
    import pypdfium2 as pdfium

    paths = [Path(p) for p in pdf_paths]
    truth_dir = Path(truth_dir)
    jobs = []
    n_pages = {}
    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        n_pages[str(path)] = len(doc)
        doc.close()
        jobs += [(str(path), i, lang, dpi) for i in range(n_pages[str(path)])]
    texts: dict[str, dict[int, str]] = {str(p): {} for p in paths}
    ocr_seconds = {str(p): 0.0 for p in paths}
    started = time.perf_counter()
    # Each tesseract runs single-threaded (OMP_THREAD_LIMIT=1), so one
    # process per core is what fills the machine.
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        for done_path, index, text, seconds in pool.map(_ocr_page, jobs):
            texts[done_path][index] = text
            ocr_seconds[done_path] += seconds
    wall = time.perf_counter() - started

    rows = []
    for path in paths:
        key = str(path)
        pages = texts[key]
        hypothesis = "\n".join(pages[i] for i in sorted(pages))
        truth = truth_for(path, truth_dir).read_text(encoding="utf-8")
        rows.append(
            {
                "file": path.name,
                "pages": n_pages[key],
                "cer": cer(truth, hypothesis),
                "limit": limit_for(path),
                "ocr_seconds_per_page": ocr_seconds[key] / max(n_pages[key], 1),
            }
        )
    for row in rows:
        limit = row["limit"]
        row["passed"] = limit is None or float(row["cer"]) <= float(limit)  # type: ignore[arg-type]
        row["wall_seconds_all_files"] = wall
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="vnplans ocr-check",
        description="OCR scanned PDFs and compare with NAME.truth.txt "
        "(limits: 3%% for *.scan.pdf, 6%% for *.scan-poor.pdf).",
    )
    parser.add_argument("paths", nargs="*", default=["data/raw"], help="scanned PDFs or folders holding *.scan*.pdf")
    parser.add_argument(
        "--truth",
        "--truth-dir",
        dest="truth_dir",
        default=None,
        help="folder of NAME.truth.txt (default: tests/fixtures, else the PDF's own folder)",
    )
    parser.add_argument("--lang", default="vie")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)

    pdfs: list[Path] = []
    for raw in args.paths:
        p = Path(raw)
        if p.is_dir():
            pdfs += sorted(q for q in p.glob("*.pdf") if limit_for(q) is not None)
        else:
            pdfs.append(p)
    if not pdfs:
        print("no *.scan.pdf or *.scan-poor.pdf found", file=sys.stderr)
        return 2
    truth_dir = Path(args.truth_dir) if args.truth_dir else None
    if truth_dir is None:
        fixtures = Path("tests/fixtures")
        truth_dir = fixtures if fixtures.is_dir() else pdfs[0].parent
    missing = [p for p in pdfs if not truth_for(p, truth_dir).exists()]
    if missing:
        for p in missing:
            print(f"missing truth file {truth_for(p, truth_dir)}", file=sys.stderr)
        return 2

    rows = ocr_report(pdfs, truth_dir, lang=args.lang, dpi=args.dpi, workers=args.workers)
    width = max(len(r["file"]) for r in rows)
    print(f"{'file':<{width}}  pages     CER  limit  s/page  result")
    for r in rows:
        limit = "-" if r["limit"] is None else f"{r['limit']:.0%}"
        print(
            f"{r['file']:<{width}}  {r['pages']:>5}  {r['cer']:6.2%}  {limit:>5}"
            f"  {r['ocr_seconds_per_page']:6.2f}  {'pass' if r['passed'] else 'FAIL'}"
        )
    print(f"wall time {rows[0]['wall_seconds_all_files']:.1f} s")
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
