"""`vnplans bench`: the pipeline's speed on this machine, side by side with
the tools it is built on, written to `bench/RESULTS.md`.

    vnplans bench            # full run (`make bench`), about 10 minutes on 2 cores
    vnplans bench --quick    # smoke run, under a minute, figures meaningless

The machine is shared and noisy, so absolute numbers drift between runs:
every comparison is made inside one run, baseline and candidate alternate
within each repeat, and the report gives medians of per-repeat figures and
of per-repeat ratios. Batches run in a child process whose whole process
tree (parent, forkserver, workers, Prefect's server) is sampled for memory.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
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
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
RESULTS = ROOT / "bench" / "RESULTS.md"
WORK = ROOT / "bench" / "work"
README = ROOT / "README.md"
README_BEGIN, README_END = "<!-- bench:begin -->", "<!-- bench:end -->"
CHILD_MARK = "BENCH-RESULT "

# Issue 6's goals.
GOAL_OCR_RATIO = 1.10          # project OCR time / bare tesseract time
GOAL_PDF_PAGES_S = 50.0        # digital PDF pages/s per core (project reader)
GOAL_EXTRACT_MB_S = 2.0        # MB/s per core, normalise + sections + extractors
GOAL_RSS_RATIO = 1.2           # peak RSS of the biggest batch / the smallest


@dataclass
class Config:
    repeats: int = 5               # cheap in-process measurements
    ocr_repeats: int = 3
    ocr_pages: int = 6
    batches: tuple[int, ...] = (10, 100, 1000)
    batch_repeats: int = 3
    big_batch: int = 1000          # batches this large run once (time budget)
    prefect_batches: tuple[int, ...] = (10, 100)
    pdf_batch: int = 10            # digital PDFs end to end
    scan_batch: bool = True        # the three 300 dpi scans end to end
    pdf_limit: int | None = None   # text-layer suite: first N digital PDFs
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    quick: bool = False


QUICK = dict(repeats=1, ocr_repeats=1, ocr_pages=1, batches=(2, 4), batch_repeats=1,
             prefect_batches=(2,), pdf_batch=0, scan_batch=False, pdf_limit=1, quick=True)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- samples

def samples() -> dict[str, list[Path]]:
    files = sorted(RAW.iterdir())
    return {
        "digital": [p for p in files if p.suffix == ".pdf" and ".scan" not in p.name],
        "scan": [p for p in files if p.name.endswith(".scan.pdf")],
        "text": [p for p in files if p.suffix in (".txt", ".md")],
    }


def make_corpus(sources: list[Path], n: int, dest: Path) -> Path:
    """`n` documents cycling through `sources`, each made unique by one
    appended line so that the content-hash cache cannot skip any."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        data = src.read_bytes()
        # ASCII, so it is valid in any of the encodings the readers accept;
        # after %%EOF a PDF reader ignores it.
        tail = f"\n% vnplans bench copy {i:05d}\n" if src.suffix == ".pdf" else f"\n(bench copy {i:05d})\n"
        (dest / f"{i:05d}-{src.name}").write_bytes(data + tail.encode())
    return dest


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
    return med([a / b for a, b in zip(times[num], times[den])])


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
    total = st.total_tt or 1e-9
    own, cum = [], []
    for key, (_, ncalls, tt, ct, callers) in st.stats.items():
        label = _func_label(key)
        if key[0] == "~" and callers:
            caller = max(callers.items(), key=lambda kv: kv[1][2])[0]
            label += f" ← {_func_label(caller)}"
        own.append((tt, ct, ncalls, label))
        if key[0].startswith(str(ROOT)) and "pipeline/bench.py" not in key[0]:
            cum.append((ct, tt, ncalls, label))
    own.sort(reverse=True)
    cum.sort(reverse=True)
    return {"total": total,
            "own": [dict(tottime=tt, cumtime=ct, calls=n, func=lb) for tt, ct, n, lb in own[:top]],
            "cumulative": [dict(cumtime=ct, tottime=tt, calls=n, func=lb) for ct, tt, n, lb in cum[:8]]}


def _func_label(key) -> str:
    file, line, name = key
    if file == "~":
        return name.replace("<", "").replace(">", "")
    path = Path(file)
    try:
        rel = path.relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        rel = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else path.name
    return f"{rel}:{line} {name}"


# ---------------------------------------------------------------- 1. text layer

def bench_text_layer(cfg: Config, pdfs: list[Path]) -> dict:
    import pdfplumber
    import pypdfium2 as pdfium

    from pipeline.pdf import read_pdf_pages
    from pipeline.process import process_file

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

    variants = {"pypdfium2": pdfium_text, "pdfplumber": plumber_text,
                "reader": reader, "process_file": end_to_end}
    # One process, all in it: CPU time is the per-core cost, undisturbed by
    # other processes on a shared machine; wall time is shown beside it.
    wall, cpu = interleave(variants, cfg.repeats)
    if counts["ocr_pages"]:
        cpu = wall      # OCR runs in tesseract processes, outside our CPU time
    n = counts["pages"]
    out = {"files": [p.name for p in pdfs], "pages": n, "ocr_pages": counts["ocr_pages"],
           "pages_s": {k: n / med(v) for k, v in cpu.items()},
           "pages_s_wall": {k: n / med(v) for k, v in wall.items()},
           "reader_vs_pdfium": ratio(cpu, "reader", "pypdfium2"),
           "reader_vs_plumber": ratio(cpu, "reader", "pdfplumber"),
           "repeats": cfg.repeats, "load": loadavg()}
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
    for p, length, k in zip(scans, lengths, per):
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
            img.save(png, dpi=(dpi, dpi), compress_level=1)   # level 1: 5x faster to write
        out.append(png)
    return out


def _tesseract(png: Path) -> int:
    cmd = ["tesseract", str(png), "stdout", "-l", "vie"]
    out = subprocess.run(cmd, capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return len(out.stdout.decode("utf-8", "replace"))


def _ocr_worker_init() -> None:
    import pipeline.ocr  # noqa: F401
    import pipeline.pdf  # noqa: F401


def _warm(_) -> None:
    time.sleep(0.3)     # holds a worker so that the next task starts another


def _ocr_png(png: str) -> int:
    from PIL import Image

    from pipeline.ocr import ocr_image

    with Image.open(png) as img:
        img.load()
        return len(ocr_image(img).text)


def _ocr_scan_page(job) -> int:
    from pipeline.pdf import ocr_pdf_page

    return len(ocr_pdf_page(job[0], job[1]).text)


def bench_ocr(cfg: Config, scans: list[Path], work: Path) -> dict:
    pages = pick_pages(scans, cfg.ocr_pages)
    pngs = render_pngs(pages, work / "ocr")
    chars = {}
    ctx = multiprocessing.get_context("forkserver")
    with ThreadPoolExecutor(cfg.workers) as threads, \
            ProcessPoolExecutor(cfg.workers, mp_context=ctx, initializer=_ocr_worker_init) as procs:
        list(procs.map(_warm, range(cfg.workers)))
        _tesseract(pngs[0])                       # language data into the page cache

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
    out = {"pages": [f"{p.name} p.{i + 1}" for p, i in pages], "n": n, "workers": cfg.workers,
           "pages_s": {k: n / med(v) for k, v in times.items()},
           "s_per_page": {k: med(v) * cfg.workers / n for k, v in times.items()},
           "chars": chars,
           "ratio": ratio(times, "ocr_image", "tesseract"),
           "ratio_pdf": ratio(times, "ocr_pdf_page", "tesseract"),
           "repeats": cfg.ocr_repeats, "load": loadavg()}
    if out["ratio"] > GOAL_OCR_RATIO:
        out["breakdown"] = ocr_breakdown(pngs)
    return out


def ocr_breakdown(pngs: list[Path]) -> list[dict]:
    """Where the project's OCR time goes, page by page, in this process:
    each tesseract call it makes (a cProfile only shows the wait on them)
    against one bare `tesseract` call on the same PNG."""
    from PIL import Image

    import pipeline.ocr as ocr_mod

    calls: list[tuple] = []
    original = ocr_mod._tesseract_words

    def counted(gray, *args, **kwargs):
        t = time.perf_counter()
        try:
            return original(gray, *args, **kwargs)
        finally:
            calls.append((kwargs.get("psm") or (args[2] if len(args) > 2 else None), gray.size,
                          time.perf_counter() - t))

    rows = []
    ocr_mod._tesseract_words = counted
    try:
        for png in pngs:
            t = time.perf_counter()
            _tesseract(png)
            bare = time.perf_counter() - t
            calls.clear()
            with Image.open(png) as img:
                img.load()
                t = time.perf_counter()
                ocr_mod.ocr_image(img)
                total = time.perf_counter() - t
            rows.append({"page": png.name, "bare_s": bare, "total_s": total,
                         "calls": [{"psm": psm, "px": f"{w}×{h}", "s": sec} for psm, (w, h), sec in calls]})
    finally:
        ocr_mod._tesseract_words = original
    return rows


# ---------------------------------------------------------------- 3. extraction

def bench_extraction(cfg: Config, texts: list[Path]) -> dict:
    import extractors.analyse as analyse_mod
    from extractors.normalize import normalize_pages
    from pipeline.readers import read_document

    docs = []
    for p in texts:
        data = p.read_bytes()
        docs.append((read_document(p, data, ocr=False), len(data)))
    size = sum(n for _, n in docs)

    # Time every extractor `analyse` calls by wrapping the names it imported
    # (they run one after another, so the times add up).
    stages: dict[str, float] = {}
    originals = {name: fn for name, fn in vars(analyse_mod).items()
                 if inspect.isfunction(fn) and name != "analyse"
                 and getattr(fn, "__module__", "").startswith("extractors.")}

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
            norm = normalize_pages(raw.pages, markdown=raw.markdown, paged=raw.paged,
                                   rebuild_tables=raw.flat_tables)
            stages["normalize_pages"] = stages.get("normalize_pages", 0.0) + time.process_time() - t
            analyse_mod.analyse(norm.text, norm.page_starts if raw.paged else None)

    per_repeat = []
    for name, fn in originals.items():
        setattr(analyse_mod, name, timed(name, fn))
    try:
        one_pass()                                # warm-up: imports, regex compilation
        for _ in range(cfg.repeats):
            stages.clear()
            t, c = time.perf_counter(), time.process_time()
            one_pass()
            per_repeat.append((time.process_time() - c, time.perf_counter() - t, dict(stages)))
    finally:
        for name, fn in originals.items():
            setattr(analyse_mod, name, fn)
    total = med([c for c, _, _ in per_repeat])
    wall = med([w for _, w, _ in per_repeat])
    names = sorted({k for _, _, s in per_repeat for k in s})
    stage_s = {k: med([s.get(k, 0.0) for _, _, s in per_repeat]) for k in names}
    stage_s["analyse (own code)"] = max(0.0, total - sum(stage_s.values()))
    out = {"files": [p.name for p in texts], "bytes": size, "seconds": total, "seconds_wall": wall,
           "mb_s": size / 1e6 / total, "mb_s_wall": size / 1e6 / wall,
           "stages": dict(sorted(stage_s.items(), key=lambda kv: -kv[1])),
           "repeats": cfg.repeats, "load": loadavg()}
    if out["mb_s"] < GOAL_EXTRACT_MB_S:
        out["profile"] = profile(one_pass)
    return out


# ---------------------------------------------------------------- 4-5. batches

class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants.

    VmHWM is each process's own high-water mark, so a sample only has to
    see a process alive once late in its life; the sum of VmRSS over the
    tree is the footprint at that moment. A process that lives less than
    the interval can be missed, and growth in a process's last interval
    too: figures are lower bounds, close ones at a 50 ms interval."""

    def __init__(self, root: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.procs: dict[int, dict] = {}
        self.peak_total_kb = 0
        self._ppid: dict[int, int | None] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def sample(self) -> None:
        # Parents are read once per process: a sample costs a directory
        # listing plus the tree's own status files, well under a millisecond.
        pids = [int(n) for n in os.listdir("/proc") if n.isdigit()]
        self._ppid = {pid: self._ppid[pid] if pid in self._ppid else _ppid(pid) for pid in pids}
        children: dict[int, list[int]] = {}
        for pid, ppid in self._ppid.items():
            children.setdefault(ppid, []).append(pid)
        tree, frontier = {self.root}, [self.root]
        while frontier:
            for child in children.get(frontier.pop(), []):
                if child not in tree:
                    tree.add(child)
                    frontier.append(child)
        total = 0
        for pid in tree:
            mem = _status_kb(pid)
            if mem is None:
                continue
            total += mem["VmRSS"]
            # Keyed by role too: a process forked to run tesseract looks like
            # its parent until it execs.
            key = (pid, self._role(pid))
            info = self.procs.setdefault(key, {"hwm": 0})
            info["hwm"] = max(info["hwm"], mem["VmHWM"])
        self.peak_total_kb = max(self.peak_total_kb, total)

    def _role(self, pid: int) -> str:
        if pid == self.root:
            return "parent"
        cmd = _cmdline(pid)
        parent = self._ppid.get(pid)
        if "forkserver" in cmd:
            if parent == self.root:
                return "forkserver"
            # workers are forked by the forkserver and keep its command line
            return "worker" if "forkserver" in _cmdline(parent) else "forked"
        if "resource_tracker" in cmd:
            return "resource_tracker"
        if "tesseract" in cmd:
            return "tesseract"
        if "uvicorn" in cmd or "prefect" in cmd:
            return "prefect server"
        return "other"

    def summary(self) -> dict:
        by_role: dict[str, list[int]] = {}
        for (_, role), info in self.procs.items():
            by_role.setdefault(role, []).append(info["hwm"])
        return {"peak_total_mb": self.peak_total_kb / 1024,
                "hwm_mb": {role: max(v) / 1024 for role, v in by_role.items()},
                "processes": {role: len(v) for role, v in by_role.items()}}


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # the command name may contain spaces and parentheses
    return int(stat[stat.rfind(b")") + 2:].split()[1])


def _status_kb(pid: int) -> dict | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    mem = {}
    for line in lines:
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":", 1)
            mem[key] = int(value.split()[0])
    return mem if len(mem) == 2 else None


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def run_child(spec: dict, env: dict, log_path: Path) -> dict:
    """One batch in a fresh process, its process tree sampled meanwhile."""
    cmd = [sys.executable, "-m", "pipeline.bench", "--child", json.dumps(spec)]
    with open(log_path, "w") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        stdout, _ = proc.communicate()
        sampler.stop()
    line = next((ln for ln in stdout.splitlines() if ln.startswith(CHILD_MARK)), None)
    if proc.returncode != 0 or line is None:
        tail = log_path.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"benchmark batch failed (exit {proc.returncode}): {tail}")
    result = json.loads(line[len(CHILD_MARK):])
    result["memory"] = sampler.summary()
    return result


def _child(spec: dict) -> None:
    """Runs in the child: one batch, its figures as one JSON line.

    Modes: `prefect` and `direct` are `run_batch` with and without Prefect;
    `bare` calls `process_file` in a plain pool of long-lived processes and
    writes each result, the floor that orchestration adds to."""
    t0 = time.perf_counter()
    if spec["mode"] == "bare":
        from pipeline.flow import discover
        from pipeline.process import process_file
        from pipeline.writers import write_document
    else:
        from pipeline.flow import run_batch
        if spec["mode"] == "prefect":
            import pipeline.prefect_flow  # noqa: F401
    imported = time.perf_counter() - t0
    stamps: list[float] = []
    t1 = time.perf_counter()
    if spec["mode"] == "bare":
        files = discover([spec["corpus"]])
        ctx = multiprocessing.get_context("forkserver")
        out = {"ok": 0, "failed": 0, "skipped": 0, "pages": 0, "ocr_pages": 0, "errors": []}
        with ProcessPoolExecutor(spec["workers"], mp_context=ctx) as pool:
            for doc in pool.map(functools.partial(process_file, ocr=spec["ocr"]), files):
                write_document(Path(spec["out"]), doc.doc_id, doc.tables)
                stamps.append(time.perf_counter() - t1)
                out["ok"] += 1
                out["pages"] += doc.n_pages or 0
                out["ocr_pages"] += doc.ocr_pages or 0
    else:
        summary = run_batch([spec["corpus"]], out_dir=spec["out"], workers=spec["workers"], ocr=spec["ocr"],
                            use_prefect=spec["mode"] == "prefect",
                            on_progress=lambda row: stamps.append(time.perf_counter() - t1))
        ok = [r for r in summary.log if r.status == "ok"]
        out = {"ok": len(ok), "failed": summary.count("failed"), "skipped": summary.count("skipped"),
               "pages": sum(r.pages or 0 for r in ok), "ocr_pages": sum(r.ocr_pages or 0 for r in ok),
               "errors": [f"{r.source_path}: {r.error_type}: {r.error_message}" for r in summary.failed[:3]]}
    elapsed = time.perf_counter() - t1
    print(CHILD_MARK + json.dumps({
        "elapsed": elapsed, "import_s": imported, "stamps": stamps, **out,
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so it
        # would report the (larger) bench process this child was forked from
        "parent_maxrss_mb": (_status_kb(os.getpid()) or {"VmHWM": 0})["VmHWM"] / 1024,
    }), flush=True)


def _child_env(prefect_home: Path) -> dict:
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING")
    if not env.get("PREFECT_API_URL"):
        # A home of its own: colleagues' test runs share the default SQLite
        # database, and a database grown by earlier runs would skew startup.
        env["PREFECT_HOME"] = str(prefect_home)
    return env


def _batch_figures(res: dict, n: int) -> dict:
    stamps = sorted(res["stamps"])
    halves = steady = None
    if n >= 20 and len(stamps) == n:
        mid = n // 2
        halves = (mid / stamps[mid - 1], (n - mid) / (stamps[-1] - stamps[mid - 1]))
    if len(stamps) >= 3 and stamps[-1] > stamps[0]:
        # after the first document: start-up (forkserver, imports) excluded
        steady = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    return {"elapsed": res["elapsed"], "docs_s": n / res["elapsed"], "halves": halves, "steady": steady,
            "first_s": stamps[0] if stamps else None,
            "ok": res["ok"], "failed": res["failed"], "skipped": res["skipped"], "errors": res["errors"],
            "pages": res["pages"], "ocr_pages": res["ocr_pages"],
            "parent_mb": res["parent_maxrss_mb"], **res["memory"]}


def bench_batches(cfg: Config, smp: dict, work: Path) -> dict:
    prefect_home = work / "prefect-home"
    shutil.rmtree(prefect_home, ignore_errors=True)
    env = _child_env(prefect_home)
    out_root = work / "out"

    def run(corpus: Path, n: int, mode: str = "direct", ocr: bool = True) -> dict:
        out = out_root / f"{corpus.name}-{mode}"
        shutil.rmtree(out, ignore_errors=True)
        spec = {"corpus": str(corpus), "out": str(out), "workers": cfg.workers, "ocr": ocr, "mode": mode}
        res = _batch_figures(run_child(spec, env, work / "child.log"), n)
        res["load"] = loadavg()
        shutil.rmtree(out, ignore_errors=True)
        if res["ok"] != n:
            raise RuntimeError(f"{corpus.name}: {res['ok']} of {n} documents processed; {res['errors']}")
        return res

    results: dict = {"text": {}, "modes": {}}
    if cfg.prefect_batches and not cfg.quick and not os.environ.get("PREFECT_API_URL"):
        # the first flow run creates Prefect's database: not what is measured
        log("prefect warm-up (creates its database)")
        warm = make_corpus(smp["text"][:1], 1, work / "corpus" / "warmup")
        t = time.perf_counter()
        run(warm, 1, "prefect")
        results["prefect_first_run_s"] = time.perf_counter() - t
    for n in cfg.batches:
        corpus = make_corpus(smp["text"], n, work / "corpus" / f"text-{n}")
        size = sum(p.stat().st_size for p in corpus.iterdir())
        # fewer repeats as batches grow: the time budget (15 min on 2 cores)
        reps = 1 if n >= cfg.big_batch else cfg.batch_repeats if n < 100 else max(1, cfg.batch_repeats - 1)
        modes = ["direct", "prefect", "bare"] if n in cfg.prefect_batches else ["direct"]
        runs: dict[str, list] = {m: [] for m in modes}
        for r in range(reps):
            for mode in modes[r % len(modes):] + modes[:r % len(modes)]:
                log(f"batch of {n} text documents, {mode}, repeat {r + 1}/{reps}")
                runs[mode].append(run(corpus, n, mode))
        results["text"][n] = {"runs": runs["direct"], "bytes": size}
        if len(modes) > 1:
            results["modes"][n] = runs
        shutil.rmtree(corpus, ignore_errors=True)
    if cfg.pdf_batch:
        corpus = make_corpus(smp["digital"], cfg.pdf_batch, work / "corpus" / f"pdf-{cfg.pdf_batch}")
        runs = []
        for r in range(cfg.batch_repeats):
            log(f"batch of {cfg.pdf_batch} digital PDFs, repeat {r + 1}/{cfg.batch_repeats}")
            runs.append(run(corpus, cfg.pdf_batch))
        results["pdf"] = {"n": cfg.pdf_batch, "runs": runs}
    if cfg.scan_batch:
        corpus = work / "corpus" / "scans"
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        # the two shorter scans: the longest would double the time of this step
        counts = sorted(pick_pages_count(smp["scan"]), key=lambda pc: pc[1])[:2]
        for p, _ in counts:
            os.symlink(p, corpus / p.name)
        pngs = render_pngs([(p, i) for p, n_pages in counts for i in range(n_pages)], work / "scan-pages")
        log(f"bare tesseract on all {len(pngs)} scan pages, then the {len(counts)} scans through the pipeline")
        t = time.perf_counter()
        with ThreadPoolExecutor(cfg.workers) as threads:
            list(threads.map(_tesseract, pngs))
        bare = time.perf_counter() - t
        results["scan"] = {"n": len(counts), "runs": [run(corpus, len(counts))],
                           "doc_pages": [n_pages for _, n_pages in counts], "bare_s": bare}
    return results


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

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    tess = (cmd("tesseract", "--version").splitlines() or ["?"])[0]
    return [
        ("CPU", first("/proc/cpuinfo", "model name")),
        ("cores", f"{os.cpu_count()} logical, {len(os.sched_getaffinity(0))} usable"),
        ("memory", f"{int(mem_kb) / 1024 ** 2:.1f} GiB" if mem_kb.isdigit() else "?"),
        ("system", f"{first('/etc/os-release', 'PRETTY_NAME')}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        ("libraries", ", ".join(f"{p} {ver(p)}" for p in
                                ("pypdfium2", "pdfplumber", "pytesseract", "prefect", "regex", "pyarrow"))),
        ("Tesseract", f"{tess}, OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', '-')}"),
        ("Prefect API", os.environ.get("PREFECT_API_URL") or "temporary local server per run (no PREFECT_API_URL)"),
        ("commit", cmd("git", "rev-parse", "--short", "HEAD") or "?"),
        ("load average at start", " ".join(Path("/proc/loadavg").read_text().split()[:3])),
        ("started", time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(started))),
    ]


# ---------------------------------------------------------------- run

def run_bench(cfg: Config, results_path: Path, work: Path, update_readme: bool) -> dict:
    from pipeline.bench_report import readme_block, render

    started = time.time()
    work.mkdir(parents=True, exist_ok=True)
    smp = samples()
    pdfs = smp["digital"]
    if cfg.pdf_limit:
        pdfs = sorted(pdfs, key=lambda p: p.stat().st_size)[:cfg.pdf_limit]
    res: dict = {"config": cfg.__dict__, "machine": machine(started)}
    log(f"1/5 text layer on {len(pdfs)} digital PDFs")
    res["text_layer"] = bench_text_layer(cfg, pdfs)
    log(f"2/5 OCR on {cfg.ocr_pages} page(s) from the 300 dpi scans")
    res["ocr"] = bench_ocr(cfg, smp["scan"], work)
    log("3/5 extraction on the text samples")
    res["extraction"] = bench_extraction(cfg, smp["text"])
    log("4-5/5 batches (end to end, scale, Prefect)")
    res["batches"] = bench_batches(cfg, smp, work)
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
    README.write_text(text[:a + len(README_BEGIN)] + "\n" + block.strip("\n") + "\n" + text[b:], encoding="utf-8")
    log("README figures updated")


def _cmd_bench(args) -> int:
    cfg = Config(**QUICK) if args.quick else Config()
    if args.repeats:
        cfg = replace(cfg, repeats=args.repeats, ocr_repeats=args.repeats, batch_repeats=args.repeats)
    if args.batches:
        cfg = replace(cfg, batches=tuple(int(x) for x in args.batches.split(",")))
    results = args.results or (Path(args.work) / "RESULTS.md" if args.quick else RESULTS)
    update = not args.quick and results.resolve() == RESULTS.resolve()
    run_bench(cfg, Path(results), Path(args.work), update_readme=update)
    return 0


def add_command(subparsers) -> None:
    p = subparsers.add_parser("bench", help="measure speed and memory, write bench/RESULTS.md")
    p.add_argument("--quick", action="store_true",
                   help="tiny configuration for a smoke test (1 repeat, batches of 2 and 4, 1 OCR page)")
    p.add_argument("--repeats", type=int, default=None, help="repeats of every measurement")
    p.add_argument("--batches", default=None, help="batch sizes, comma-separated (default 10,100,1000)")
    p.add_argument("--results", type=Path, default=None, help=f"report path (default {RESULTS.relative_to(ROOT)})")
    p.add_argument("--work", type=Path, default=WORK, help="scratch folder (default bench/work)")
    p.set_defaults(func=_cmd_bench)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="vnplans bench")
    sub = ap.add_subparsers(dest="command", required=True)
    add_command(sub)
    args = ap.parse_args(["bench", *(argv if argv is not None else sys.argv[1:])])
    return args.func(args)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(json.loads(sys.argv[2]))
    else:
        sys.exit(main())
