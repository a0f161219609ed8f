"""`vnplans ocr-check`: OCR every page of scanned PDFs and measure the text.

Per document: character error rate (`cer()`: exact Levenshtein distance /
reference length), word error rate, the share of words with right letters and
wrong tone marks, and the share of tokens that are no Vietnamese syllable
(`ocr_metrics`), measured on the OCR'd pages as the language repairs leave
them; and the CER of the text the tables are built from (`CER text`: the
same pages after the normaliser, `ocr_metrics.document_text`), also with
reading order forgiven (`any order`: table cells read whole where the
transcript follows visual lines cost nothing). A transcript is `NAME.truth.txt`, `NAME.txt` or any
`NAME.*.txt` in the truth folder (the synthetic samples' keys and the real
scans' transcripts in `../shared/realworld-truth`); without one only the
syllable share and Tesseract's mean word confidence are reported. Synthetic scans fail above their CER limit.
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

from rapidfuzz.distance import Levenshtein

from pipeline.evaluate.ocr_metrics import document_text, ocr_metrics

# Limits per kind of scan: a clean 300 dpi scan vs a 200 dpi poor copy.
LIMITS = {".scan-poor.pdf": 0.06, ".scan.pdf": 0.03}

_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    """NFC, tabs and newlines to spaces, runs of whitespace to one space."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def levenshtein(a: str, b: str) -> int:
    """Character edit distance (rapidfuzz: C, linear memory)."""
    return Levenshtein.distance(a, b)


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


def truth_for(path: Path, truth_dir: Path) -> Path | None:
    """The transcript of a scanned PDF in `truth_dir`, if there is one."""
    name = path.name
    stem = path.stem
    for suffix in LIMITS:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
    for candidate in (f"{stem}.truth.txt", f"{stem}.txt"):
        if (truth_dir / candidate).is_file():
            return truth_dir / candidate
    # `laocai-2026-kh-1105.owner-transcript.txt` for `laocai-2026-kh-1105.pdf`
    return next(iter(sorted(truth_dir.glob(f"{stem}.*.txt"))), None)


def _ocr_page(job: tuple[str, int, str, int]) -> tuple[str, int, str, list[bool | None], float, float]:
    from pipeline.ingest.pdf import ocr_pdf_page

    path, index, lang, dpi = job
    started = time.perf_counter()
    page = ocr_pdf_page(path, index, lang=lang, dpi=dpi)
    # page.seconds starts after the page image exists; count decoding too
    return path, index, page.text, page.indents, time.perf_counter() - started, page.confidence


def ocr_report(
    pdf_paths, truth_dir, lang: str = "vie", dpi: int = 300, workers: int | None = None, progress: bool = False
) -> list[dict]:
    """Whole-document OCR metrics for each PDF (every page OCR'd)."""
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
    indents: dict[str, dict[int, list[bool | None]]] = {str(p): {} for p in paths}
    ocr_seconds = {str(p): 0.0 for p in paths}
    confidence: dict[str, list[float]] = {str(p): [] for p in paths}
    started = time.perf_counter()
    # Each tesseract runs single-threaded (OMP_THREAD_LIMIT=1), so one
    # process per core is what fills the machine.
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        for n, (done_path, index, text, lines, seconds, conf) in enumerate(pool.map(_ocr_page, jobs), start=1):
            texts[done_path][index] = text
            indents[done_path][index] = lines
            if text.strip():  # a blank page's 0 says nothing about the reading
                confidence[done_path].append(conf)
            ocr_seconds[done_path] += seconds
            if progress:
                print(f"\rOCR {n}/{len(jobs)} pages", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    wall = time.perf_counter() - started

    rows = []
    for path in paths:
        key = str(path)
        pages = texts[key]
        order = sorted(pages)
        hypothesis = "\n".join(pages[i] for i in order)
        truth_path = truth_for(path, truth_dir)
        truth = truth_path.read_text(encoding="utf-8") if truth_path else None
        metrics = ocr_metrics(hypothesis, truth)
        normalised = document_text([pages[i] for i in order], [indents[key][i] for i in order])
        measured = ocr_metrics(normalised, truth) if truth else None
        limit = limit_for(path) if truth else None
        rows.append(
            {
                "file": path.name,
                "pages": n_pages[key],
                **metrics.as_dict(),
                # the same pages after the normaliser: the text the tables hold
                "text_cer": measured.cer if measured else None,
                # the same, reading order forgiven: how much of it is order, not letters
                "text_cer_any_order": measured.cer_any_order if measured else None,
                # Tesseract's own mean word confidence (0-100): with no transcript,
                # with the invalid-syllable share, the one measure of a scan's reading.
                "confidence": sum(confidence[key]) / len(confidence[key]) if confidence[key] else None,
                "limit": limit,
                "passed": limit is None or (metrics.cer is not None and metrics.cer <= limit),
                "ocr_seconds_per_page": ocr_seconds[key] / max(n_pages[key], 1),
                "wall_seconds_all_files": wall,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="vnplans ocr-check",
        description="OCR scanned PDFs and measure CER, WER, tone-mark-only errors and invalid syllables "
        "against NAME.truth.txt / NAME.txt / NAME.*.txt (limits: 3%% for *.scan.pdf, 6%% for *.scan-poor.pdf).",
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
            pdfs += sorted(q for q in p.glob("*.pdf") if limit_for(q) is not None or truth_for(q, p) is not None)
        else:
            pdfs.append(p)
    if not pdfs:
        print("no *.scan.pdf or *.scan-poor.pdf found", file=sys.stderr)
        return 2
    truth_dir = Path(args.truth_dir) if args.truth_dir else None
    if truth_dir is None:
        fixtures = Path("tests/fixtures")
        truth_dir = fixtures if fixtures.is_dir() else pdfs[0].parent
    rows = ocr_report(pdfs, truth_dir, lang=args.lang, dpi=args.dpi, workers=args.workers, progress=True)
    width = max(len(r["file"]) for r in rows)
    print(
        f"{'file':<{width}}  pages     CER  CER text  any order     WER  tone-only  invalid   conf  limit  s/page  result"
    )

    def pct(v):
        return "      -" if v is None else f"{v:7.2%}"

    for r in rows:
        limit = "-" if r["limit"] is None else f"{r['limit']:.0%}"
        conf = "-" if r["confidence"] is None else f"{r['confidence']:.0f}"
        result = "no transcript" if r["cer"] is None else ("pass" if r["passed"] else "FAIL")
        print(
            f"{r['file']:<{width}}  {r['pages']:>5} {pct(r['cer'])}   {pct(r['text_cer'])}    {pct(r['text_cer_any_order'])}"
            f" {pct(r['wer'])}    {pct(r['tone_only'])}"
            f"  {pct(r['invalid'])}  {conf:>5}  {limit:>5}  {r['ocr_seconds_per_page']:6.2f}  {result}"
        )
    print(f"wall time {rows[0]['wall_seconds_all_files']:.1f} s")
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
