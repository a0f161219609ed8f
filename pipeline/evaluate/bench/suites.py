"""`vnplans bench`: the pipeline's speed on this machine, side by side with
the tools it is built on, written to `bench/RESULTS.md`.

    vnplans bench            # full run (`make bench`), 12-15 minutes on 2 cores
    vnplans bench --quick    # smoke run, under a minute, figures meaningless

The machine is shared and noisy, so absolute numbers drift between runs:
every comparison is made inside one run, baseline and candidate alternate
within each repeat, and the report gives medians of per-repeat figures and
of per-repeat ratios. Suites 1-3 run in this process; the batches of 4-5
in `pipeline.evaluate.bench.batch`, the report in `pipeline.evaluate.bench.report`.
"""

from __future__ import annotations

import cProfile
import gc
import inspect
import json
import multiprocessing
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parents[3]
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
RESULTS = ROOT / "bench" / "RESULTS.md"
WORK = ROOT / "bench" / "work"
README = ROOT / "README.md"
README_BEGIN, README_END = "<!-- bench:begin -->", "<!-- bench:end -->"

# Issue 6's goals.
GOAL_OCR_RATIO = 1.10  # project OCR time / bare tesseract time
GOAL_PDF_PAGES_S = 50.0  # digital PDF pages/s per core (project reader)
GOAL_EXTRACT_MB_S = 2.0  # MB/s per core, normalise + sections + extractors
GOAL_RSS_RATIO = 1.2  # peak RSS of the biggest batch / the smallest
GOAL_GROUPBY_S = 1.0  # DuckDB group-by over 100,000 documents
GOAL_FILES_PER_1000 = 1.0  # files per table per 1,000 documents
GOAL_BATCH_RATIO = 1.2  # `run_batch` time / pure `process_file` in a pool
GOAL_LONG_SCAN_RATIO = 0.6  # one long scan on 2 workers / on 1
#: Issue 11: character error rate of the document text, per kind of scan with a transcript.
GOAL_CER = {"scan": 0.005, "scan-poor": 0.012, "real": 0.010}
GOAL_TONE_RATIO = 0.5  # tone-only errors after the repairs / Tesseract's, real scans


@dataclass
class Config:
    repeats: int = 5  # cheap in-process measurements
    ocr_repeats: int = 3
    ocr_pages: int = 6
    batches: tuple[int, ...] = (10, 100, 1000)
    batch_repeats: int = 3
    big_batch: int = 1000  # batches this large run once (time budget)
    prefect_batches: tuple[int, ...] = (10, 100, 1000)
    pdf_batch: int = 10  # digital PDFs end to end
    scan_batch: bool = True  # the two shorter 300 dpi scans end to end
    long_scan: bool = True  # the longest scan alone on 1 worker, then on all
    pdf_limit: int | None = None  # text-layer suite: the N smallest digital PDFs
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    quick: bool = False


QUICK: dict[str, Any] = {
    "repeats": 1,
    "ocr_repeats": 1,
    "ocr_pages": 1,
    "batches": (2, 4),
    "batch_repeats": 1,
    "prefect_batches": (2,),
    "pdf_batch": 0,
    "scan_batch": False,
    "long_scan": False,
    "pdf_limit": 1,
    "quick": True,
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- samples


def samples() -> dict[str, list[Path]]:
    files = sorted(RAW.iterdir())
    return {
        # The synthetic plans' digital PDFs (a real sample such as an e-signed scan would
        # measure OCR, not the text-layer reader).
        "digital": [
            p
            for p in files
            if p.suffix == ".pdf" and ".scan" not in p.name and (FIXTURES / f"{p.stem}.truth.txt").exists()
        ],
        "scan": [p for p in files if p.name.endswith(".scan.pdf")],
        "scan-poor": [p for p in files if p.name.endswith(".scan-poor.pdf")],
        "text": [p for p in files if p.suffix in (".txt", ".md")],
    }


# ---------------------------------------------------------------- timing


def interleave(variants: dict, repeats: int, warmup: bool = True) -> tuple[dict, dict]:
    """Wall and CPU times (this process) of each variant per repeat; the
    order rotates every repeat so that a burst of load from other processes
    hits them all alike."""
    if warmup:
        for fn in variants.values():
            fn()
    wall: dict[str, list[float]] = {k: [] for k in variants}
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    names = list(variants)
    for r in range(repeats):
        k = r % len(names)
        for name in names[k:] + names[:k]:
            t, c = time.perf_counter(), time.process_time()
            variants[name]()
            cpu[name].append(time.process_time() - c)
            wall[name].append(time.perf_counter() - t)
    return wall, cpu


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def med(xs) -> float:
    return statistics.median(xs) if xs else float("nan")


def ratio(times: dict, num: str, den: str) -> float:
    return med([a / b for a, b in zip(times[num], times[den], strict=False)])


# ---------------------------------------------------------------- profiles


def profile(fn, top: int = 12) -> dict:
    """cProfile of one call: the functions with the most time of their own
    (a C function is shown with the caller that spent most time in it) and
    the project's functions with the most cumulative time."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    st = pstats.Stats(prof)
    total = st.total_tt or 1e-9  # type: ignore[attr-defined]
    own, cum = [], []
    for key, (_, ncalls, tt, ct, callers) in st.stats.items():  # type: ignore[attr-defined]
        label = _func_label(key)
        if key[0] == "~" and callers:
            caller = max(callers.items(), key=lambda kv: kv[1][2])[0]
            label += f" ← {_func_label(caller)}"
        own.append((tt, ct, ncalls, label))
        if key[0].startswith(str(ROOT)) and "pipeline/bench.py" not in key[0]:
            cum.append((ct, tt, ncalls, label))
    own.sort(reverse=True)
    cum.sort(reverse=True)
    return {
        "total": total,
        "own": [{"tottime": tt, "cumtime": ct, "calls": n, "func": lb} for tt, ct, n, lb in own[:top]],
        "cumulative": [{"cumtime": ct, "tottime": tt, "calls": n, "func": lb} for ct, tt, n, lb in cum[:8]],
    }


def _func_label(key) -> str:
    file, line, name = key
    if file == "~":
        return name.replace("<", "").replace(">", "")
    path = Path(file)
    try:
        rel = path.relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        rel = "/".join(parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else path.name
    return f"{rel}:{line} {name}"


# ---------------------------------------------------------------- 1. text layer


def bench_text_layer(cfg: Config, pdfs: list[Path]) -> dict:
    import pdfplumber
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf import read_pdf_pages
    from pipeline.orchestrate.process import process_file

    counts = {}

    def pdfium_text():
        for p in pdfs:
            doc = pdfium.PdfDocument(str(p))
            try:
                for i in range(len(doc)):
                    page = doc[i]
                    textpage = page.get_textpage()
                    textpage.get_text_range()
                    textpage.close()
                    page.close()
            finally:
                doc.close()

    def plumber_text():
        for p in pdfs:
            with pdfplumber.open(str(p)) as pdf:
                for page in pdf.pages:
                    page.extract_text()

    def reader():
        pages = [read_pdf_pages(p) for p in pdfs]
        counts["pages"] = sum(t.n_pages for t in pages)
        counts["ocr_pages"] = sum(t.ocr_pages for t in pages)

    def end_to_end():
        for p in pdfs:
            process_file(p)

    variants = {"pypdfium2": pdfium_text, "pdfplumber": plumber_text, "reader": reader, "process_file": end_to_end}
    # One process, all in it: CPU time is the per-core cost, undisturbed by
    # other processes on a shared machine; wall time is shown beside it.
    wall, cpu = interleave(variants, cfg.repeats)
    if counts["ocr_pages"]:
        cpu = wall  # OCR runs in tesseract processes, outside our CPU time
    n = counts["pages"]
    out: dict[str, Any] = {
        "files": [p.name for p in pdfs],
        "pages": n,
        "ocr_pages": counts["ocr_pages"],
        "pages_s": {k: n / med(v) for k, v in cpu.items()},
        "pages_s_wall": {k: n / med(v) for k, v in wall.items()},
        "reader_vs_pdfium": ratio(cpu, "reader", "pypdfium2"),
        "reader_vs_plumber": ratio(cpu, "reader", "pdfplumber"),
        "repeats": cfg.repeats,
        "load": loadavg(),
    }
    if out["pages_s"]["reader"] < GOAL_PDF_PAGES_S:
        out["profile"] = profile(reader)
    return out


# ---------------------------------------------------------------- 2. OCR


def pick_pages_count(pdfs: list[Path]) -> list[tuple[Path, int]]:
    import pypdfium2 as pdfium

    out = []
    for p in pdfs:
        doc = pdfium.PdfDocument(str(p))
        out.append((p, len(doc)))
        doc.close()
    return out


def pick_pages(scans: list[Path], n: int) -> list[tuple[Path, int]]:
    """`n` pages spread over the scans: a share of each, evenly placed."""
    lengths = [n_pages for _, n_pages in pick_pages_count(scans)]
    picked = []
    per = [n // len(scans) + (1 if i < n % len(scans) else 0) for i in range(len(scans))]
    for p, length, k in zip(scans, lengths, per, strict=False):
        picked += [(p, min(length - 1, int((j + 0.5) * length / k))) for j in range(k)]
    return picked


def render_pngs(pages: list[tuple[Path, int]], dest: Path, dpi: int = 300) -> list[Path]:
    import pypdfium2 as pdfium

    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for path, index in pages:
        png = dest / f"{path.name.split('.')[0]}-p{index + 1:02d}.png"
        if not png.exists():
            doc = pdfium.PdfDocument(str(path))
            try:
                img = doc[index].render(scale=dpi / 72, grayscale=True).to_pil()
            finally:
                doc.close()
            img.save(png, dpi=(dpi, dpi), compress_level=1)  # level 1: 5x faster to write
        out.append(png)
    return out


def _tesseract(png: Path) -> int:
    cmd = ["tesseract", str(png), "stdout", "-l", "vie"]
    out = subprocess.run(cmd, capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return len(out.stdout.decode("utf-8", "replace"))


def _ocr_worker_init() -> None:
    import pipeline.ingest.pdf  # noqa: F401
    import pipeline.ocr.page  # noqa: F401


def _warm(_) -> None:
    time.sleep(0.3)  # holds a worker so that the next task starts another


def _ocr_png(png: str) -> int:
    from PIL import Image

    from pipeline.ocr.page import ocr_image

    with Image.open(png) as img:
        img.load()
        return len(ocr_image(img).text)


def _ocr_scan_page(job) -> int:
    from pipeline.ingest.pdf import ocr_pdf_page

    return len(ocr_pdf_page(job[0], job[1]).text)


def bench_ocr(cfg: Config, scans: list[Path], work: Path) -> dict:
    pages = pick_pages(scans, cfg.ocr_pages)
    pngs = render_pngs(pages, work / "ocr")
    chars = {}
    ctx = multiprocessing.get_context("forkserver")
    with (
        ThreadPoolExecutor(cfg.workers) as threads,
        ProcessPoolExecutor(cfg.workers, mp_context=ctx, initializer=_ocr_worker_init) as procs,
    ):
        list(procs.map(_warm, range(cfg.workers)))
        _tesseract(pngs[0])  # language data into the page cache

        def run(name, pool, fn, items):
            def go():
                chars[name] = sum(pool.map(fn, items))

            return go

        variants = {
            "tesseract": run("tesseract", threads, _tesseract, pngs),
            "ocr_image": run("ocr_image", procs, _ocr_png, list(map(str, pngs))),
            "ocr_pdf_page": run("ocr_pdf_page", procs, _ocr_scan_page, [(str(p), i) for p, i in pages]),
        }
        # the work is in other processes: wall time, interleaved
        times, _ = interleave(variants, cfg.ocr_repeats, warmup=False)
    n = len(pngs)
    out: dict[str, Any] = {
        "pages": [f"{p.name} p.{i + 1}" for p, i in pages],
        "n": n,
        "workers": cfg.workers,
        "pages_s": {k: n / med(v) for k, v in times.items()},
        "s_per_page": {k: med(v) * cfg.workers / n for k, v in times.items()},
        "chars": chars,
        "ratio": ratio(times, "ocr_image", "tesseract"),
        "ratio_pdf": ratio(times, "ocr_pdf_page", "tesseract"),
        "repeats": cfg.ocr_repeats,
        "load": loadavg(),
    }
    if out["ratio"] > GOAL_OCR_RATIO:
        out["breakdown"] = ocr_breakdown(pngs)
    return out


def ocr_breakdown(pngs: list[Path]) -> list[dict]:
    """Where the project's OCR time goes, page by page, in this process:
    each tesseract call it makes (a cProfile only shows the wait on them)
    against one bare `tesseract` call on the same PNG."""
    from PIL import Image

    from pipeline.ocr.engine import TesseractEngine, use_engine
    from pipeline.ocr.page import ocr_image

    calls: list[tuple] = []
    real = TesseractEngine()

    class Counted:
        def words(self, gray, lang, dpi, psm=None):
            t = time.perf_counter()
            try:
                return real.words(gray, lang, dpi, psm)
            finally:
                calls.append((psm, gray.size, time.perf_counter() - t))

    rows = []
    with use_engine(Counted()):
        for png in pngs:
            t = time.perf_counter()
            _tesseract(png)
            bare = time.perf_counter() - t
            calls.clear()
            with Image.open(png) as img:
                img.load()
                t = time.perf_counter()
                ocr_image(img)
                total = time.perf_counter() - t
            rows.append(
                {
                    "page": png.name,
                    "bare_s": bare,
                    "total_s": total,
                    "calls": [{"psm": psm, "px": f"{w}×{h}", "s": sec} for psm, (w, h), sec in calls],
                }
            )
    return rows


# ---------------------------------------------------------------- 3. extraction


def bench_extraction(cfg: Config, texts: list[Path]) -> dict:
    import extractors.analyse as analyse_mod
    from extractors.normalize.pages import normalize_pages
    from extractors.text.memo import clear_memos
    from pipeline.ingest import read_document
    from pipeline.orchestrate.isolate import settle_heap

    docs = []
    for p in texts:
        data = p.read_bytes()
        docs.append((read_document(p, data, ocr=False), len(data)))
    size = sum(n for _, n in docs)

    # Time every extractor `analyse` calls by wrapping the names it imported
    # (they run one after another, so the times add up).
    stages: dict[str, float] = {}
    originals = {
        name: fn
        for name, fn in vars(analyse_mod).items()
        if inspect.isfunction(fn) and name != "analyse" and getattr(fn, "__module__", "").startswith("extractors.")
    }

    def timed(name, fn):
        def wrapper(*a, **kw):
            t = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                stages[name] = stages.get(name, 0.0) + time.process_time() - t

        return wrapper

    def one_pass():
        for raw, _ in docs:
            t = time.process_time()
            norm = normalize_pages(raw.pages, markdown=raw.markdown, paged=raw.paged, rebuild_tables=raw.flat_tables)
            stages["normalize_pages"] = stages.get("normalize_pages", 0.0) + time.process_time() - t
            analyse_mod.analyse(norm.text, norm.page_starts if raw.paged else None)

    per_repeat = []
    for name, fn in originals.items():
        setattr(analyse_mod, name, timed(name, fn))
    try:
        one_pass()  # warm-up: imports, regex compilation, models
        settle_heap()  # as a worker does after its first document
        for _ in range(cfg.repeats):
            stages.clear()
            clear_memos()  # each pass reads the documents as if for the first time
            t, c = time.perf_counter(), time.process_time()
            one_pass()
            per_repeat.append((time.process_time() - c, time.perf_counter() - t, dict(stages)))
    finally:
        gc.unfreeze()
        for name, fn in originals.items():
            setattr(analyse_mod, name, fn)
    total = med([c for c, _, _ in per_repeat])
    wall = med([w for _, w, _ in per_repeat])
    names = sorted({k for _, _, s in per_repeat for k in s})
    stage_s = {k: med([s.get(k, 0.0) for _, _, s in per_repeat]) for k in names}
    stage_s["analyse (own code)"] = max(0.0, total - sum(stage_s.values()))
    out: dict[str, Any] = {
        "files": [p.name for p in texts],
        "bytes": size,
        "seconds": total,
        "seconds_wall": wall,
        "mb_s": size / 1e6 / total,
        "mb_s_wall": size / 1e6 / wall,
        "stages": dict(sorted(stage_s.items(), key=lambda kv: -kv[1])),
        "repeats": cfg.repeats,
        "load": loadavg(),
    }
    if out["mb_s"] < GOAL_EXTRACT_MB_S:
        out["profile"] = profile(one_pass)
    return out


# ---------------------------------------------------------------- machine


def machine(started: float) -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    def first(path, key):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip('"')
        except OSError:
            pass
        return "?"

    def ver(pkg):
        try:
            return version(pkg)
        except PackageNotFoundError:
            return "-"

    def cmd(*args):
        try:
            return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=20).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "?"

    from pipeline.ocr.engine import in_process_tesseract

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    tess = (cmd("tesseract", "--version").splitlines() or ["?"])[0]
    how = f"in process (tesserocr {ver('tesserocr')})" if in_process_tesseract() else "the `tesseract` command"
    return [
        ("CPU", first("/proc/cpuinfo", "model name")),
        ("cores", f"{os.cpu_count()} logical, {len(os.sched_getaffinity(0))} usable"),
        ("memory", f"{int(mem_kb) / 1024**2:.1f} GiB" if mem_kb.isdigit() else "?"),
        ("system", f"{first('/etc/os-release', 'PRETTY_NAME')}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        (
            "libraries",
            ", ".join(
                f"{p} {ver(p)}"
                for p in ("pypdfium2", "pdfplumber", "pytesseract", "tesserocr", "prefect", "regex", "pyarrow")
            ),
        ),
        (
            "Tesseract",
            f"{tess}, OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', '-')}; the pipeline runs it {how}",
        ),
        ("Prefect API", os.environ.get("PREFECT_API_URL") or "temporary local server per run (no PREFECT_API_URL)"),
        ("commit", cmd("git", "rev-parse", "--short", "HEAD") or "?"),
        ("load average at start", " ".join(Path("/proc/loadavg").read_text().split()[:3])),
        ("started", time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(started))),
    ]


# ---------------------------------------------------------------- run


#: Transcripts of real scans beside the checkout (`../shared/realworld-truth`) and where their scans are.
REAL_TRUTH = ROOT.parent / "shared" / "realworld-truth"
REAL_SCANS = [ROOT.parent / "shared" / "realworld", ROOT / "data" / "raw"]


def _ocr_pages_both(job: tuple[str, int]) -> tuple[str, int, str, str, list[bool | None], int, int]:
    from pipeline.ingest.pdf import ocr_pdf_page

    path, index = job
    page = ocr_pdf_page(path, index)
    return path, index, page.tesseract_text, page.text, page.indents, page.retoned, page.recased


def bench_ocr_quality(cfg: Config, scans: list[Path]) -> dict:
    """CER, WER, tone-only errors and invalid syllables of every scan with a transcript,
    before and after the tone repair (issue 11): the synthetic scans and the real ones."""
    import pypdfium2 as pdfium

    from pipeline.evaluate.cer import truth_for
    from pipeline.evaluate.ocr_metrics import document_text, ocr_metrics

    docs: list[tuple[Path, Path]] = [(p, t) for p in scans if (t := truth_for(p, FIXTURES))]
    if REAL_TRUTH.is_dir():
        for truth in sorted(REAL_TRUTH.glob("*.txt")):
            stem = truth.name.split(".")[0]
            found = [p for root in REAL_SCANS if root.is_dir() for p in root.rglob(f"{stem}*.pdf")]
            if found:
                docs.append((sorted(found, key=lambda p: len(p.name))[0], truth))
    jobs = []
    for pdf, _ in docs:
        n = len(pdfium.PdfDocument(str(pdf)))
        jobs += [(str(pdf), i) for i in range(n)]
    before: dict[str, dict[int, str]] = {}
    after: dict[str, dict[int, str]] = {}
    indents: dict[str, dict[int, list[bool | None]]] = {}
    retoned: dict[str, int] = {}
    recased: dict[str, int] = {}
    ctx = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(cfg.workers, mp_context=ctx) as pool:
        for path, index, raw, fixed, lines, n, lowered in pool.map(_ocr_pages_both, jobs):
            before.setdefault(path, {})[index] = raw
            after.setdefault(path, {})[index] = fixed
            indents.setdefault(path, {})[index] = lines
            retoned[path] = retoned.get(path, 0) + n
            recased[path] = recased.get(path, 0) + lowered
    rows = []
    for pdf, truth in docs:
        key = str(pdf)
        text = truth.read_text(encoding="utf-8")
        order = sorted(after[key])
        a = ocr_metrics("\n".join(before[key][i] for i in order), text)
        b = ocr_metrics("\n".join(after[key][i] for i in order), text)
        c = ocr_metrics(document_text([after[key][i] for i in order], [indents[key][i] for i in order]), text)
        rows.append(
            {
                "file": pdf.name,
                "real": REAL_TRUTH in truth.parents,
                "pages": len(before[key]),
                "before": a.as_dict(),
                "after": b.as_dict(),
                "text": c.as_dict(),
                "retoned": retoned.get(key, 0),
                "recased": recased.get(key, 0),
            }
        )
    return {"rows": rows, "load": loadavg()}


def bench_tables(texts: list[Path], work: Path, n_docs: int) -> dict:
    """File counts and query times at `n_docs` documents, from the text samples' real rows."""
    from pipeline.evaluate.bench.storage import bench_storage
    from pipeline.orchestrate.runner import run_batch

    base = work / "storage-base"
    shutil.rmtree(base, ignore_errors=True)
    run_batch(list[str | Path](texts), out_dir=base, use_prefect=False, force=True)
    try:
        return bench_storage(base, work, n_docs)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run_bench(cfg: Config, results_path: Path, work: Path, update_readme: bool) -> dict:
    from pipeline.evaluate.bench.batch import bench_batches
    from pipeline.evaluate.bench.report import readme_block, render

    started = time.time()
    work.mkdir(parents=True, exist_ok=True)
    smp = samples()
    pdfs = smp["digital"]
    if cfg.pdf_limit:
        pdfs = sorted(pdfs, key=lambda p: p.stat().st_size)[: cfg.pdf_limit]
    res: dict = {"config": cfg.__dict__, "machine": machine(started)}
    log(f"1/5 text layer on {len(pdfs)} digital PDFs")
    res["text_layer"] = bench_text_layer(cfg, pdfs)
    log(f"2/5 OCR on {cfg.ocr_pages} page(s) from the 300 dpi scans")
    res["ocr"] = bench_ocr(cfg, smp["scan"], work)
    log("3/5 extraction on the text samples")
    res["extraction"] = bench_extraction(cfg, smp["text"])
    log("OCR quality on every scan with a transcript, before and after the tone repair")
    res["ocr_quality"] = bench_ocr_quality(cfg, smp["scan"] + smp["scan-poor"])
    log("4-5/5 batches (end to end, scale, Prefect)")
    res["batches"] = bench_batches(cfg, smp, work)
    n_docs = 5_000 if cfg.quick else 100_000
    log(f"6/6 the tables at {n_docs:,} documents (synthetic: real rows replicated)")
    res["storage"] = bench_tables(smp["text"], work, n_docs)
    res["machine"].insert(-1, ("load average at end", " ".join(Path("/proc/loadavg").read_text().split()[:3])))
    res["wall_s"] = time.time() - started
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(render(res), encoding="utf-8")
    (work / "results.json").write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    log(f"wrote {results_path} in {res['wall_s'] / 60:.1f} min")
    if update_readme:
        _update_readme(readme_block(res))
    return res


def _update_readme(block: str) -> None:
    """Replace the figures between the README's bench markers, if it has them."""
    try:
        text = README.read_text(encoding="utf-8")
    except OSError:
        return
    a, b = text.find(README_BEGIN), text.find(README_END)
    if a < 0 or b < a:
        log("README has no bench markers; not updated")
        return
    README.write_text(text[: a + len(README_BEGIN)] + "\n" + block.strip("\n") + "\n" + text[b:], encoding="utf-8")
    log("README figures updated")


def bench_command(quick: bool, repeats: int | None, batches: str | None, results: Path | None, work: Path) -> int:
    """`vnplans bench` (see pipeline/cli/dev.py for the options)."""
    cfg = Config(**QUICK) if quick else Config()
    if repeats:
        cfg = replace(cfg, repeats=repeats, ocr_repeats=repeats, batch_repeats=repeats)
    if batches:
        cfg = replace(cfg, batches=tuple(int(x) for x in batches.split(",")))
    results = results or (Path(work) / "RESULTS.md" if quick else RESULTS)
    update = not quick and results.resolve() == RESULTS.resolve()
    run_bench(cfg, Path(results), Path(work), update_readme=update)
    return 0
