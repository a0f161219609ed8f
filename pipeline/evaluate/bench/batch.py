"""Batches for `vnplans bench` (suites 4 and 5): end to end, scale, orchestration.

Each batch runs in a fresh child process (`python -m pipeline.evaluate.bench.batch
--child SPEC`) so that its memory is its own; meanwhile a thread samples the
memory of the child and all its descendants (forkserver, workers, Prefect's
server, tesseract).
"""

from __future__ import annotations

import contextlib
import functools
import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline.evaluate.bench.suites import ROOT, Config, _tesseract, loadavg, log, pick_pages_count, render_pngs

CHILD_MARK = "BENCH-RESULT "


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
        self.procs: dict[tuple[int, str], dict[str, int]] = {}
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
            if ppid is not None:
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
            return "worker" if parent is not None and "forkserver" in _cmdline(parent) else "forked"
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
        return {
            "peak_total_mb": self.peak_total_kb / 1024,
            "hwm_mb": {role: max(v) / 1024 for role, v in by_role.items()},
            "processes": {role: len(v) for role, v in by_role.items()},
        }


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # the command name may contain spaces and parentheses
    return int(stat[stat.rfind(b")") + 2 :].split()[1])


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
    cmd = [sys.executable, "-m", "pipeline.evaluate.bench.batch", "--child", json.dumps(spec)]
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
    result = json.loads(line[len(CHILD_MARK) :])
    result["memory"] = sampler.summary()
    return result


def _child(spec: dict) -> None:
    """Runs in the child: one batch, its figures as one JSON line.

    Modes: `prefect` and `direct` are `run_batch` with and without Prefect
    (`prefect-server`: with Prefect, the environment naming a running server);
    `bare` calls `process_file` in a plain pool of long-lived processes and
    writes all results at once at the end, the floor that orchestration adds to."""
    t0 = time.perf_counter()
    if spec["mode"] == "bare":
        from pipeline.ingest.discover import discover
        from pipeline.orchestrate.process import process_file
        from pipeline.store.writers import write_documents
    else:
        from pipeline.orchestrate.runner import run_batch

        if spec["mode"].startswith("prefect"):
            import pipeline.orchestrate.prefect_flow  # noqa: F401
    imported = time.perf_counter() - t0
    stamps: list[float] = []
    t1 = time.perf_counter()
    if spec["mode"] == "bare":
        files = discover([spec["corpus"]])
        ctx = multiprocessing.get_context("forkserver")
        out: dict[str, Any] = {"ok": 0, "failed": 0, "skipped": 0, "pages": 0, "ocr_pages": 0, "errors": []}
        done = {}
        with ProcessPoolExecutor(spec["workers"], mp_context=ctx) as pool:
            for doc in pool.map(functools.partial(process_file, ocr=spec["ocr"]), files):
                done[doc.doc_id] = doc.tables
                stamps.append(time.perf_counter() - t1)
                out["ok"] += 1
                out["pages"] += doc.n_pages or 0
                out["ocr_pages"] += doc.ocr_pages or 0
        write_documents(Path(spec["out"]), done)
    else:
        summary = run_batch(
            [spec["corpus"]],
            out_dir=spec["out"],
            workers=spec["workers"],
            ocr=spec["ocr"],
            use_prefect=spec["mode"].startswith("prefect"),
            on_progress=lambda row: stamps.append(time.perf_counter() - t1),
        )
        ok = [r for r in summary.log if r.status == "ok"]
        out = {
            "ok": len(ok),
            "failed": summary.count("failed"),
            "skipped": summary.count("skipped"),
            "pages": sum(r.pages or 0 for r in ok),
            "ocr_pages": sum(r.ocr_pages or 0 for r in ok),
            "errors": [f"{r.source_path}: {r.error_type}: {r.error_message}" for r in summary.failed[:3]],
        }
    elapsed = time.perf_counter() - t1
    print(
        CHILD_MARK
        + json.dumps(
            {
                "elapsed": elapsed,
                "import_s": imported,
                "stamps": stamps,
                **out,
                # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so it
                # would report the (larger) bench process this child was forked from
                "parent_maxrss_mb": (_status_kb(os.getpid()) or {"VmHWM": 0})["VmHWM"] / 1024,
            }
        ),
        flush=True,
    )


@contextmanager
def prefect_server(home: Path, timeout_s: float = 120.0) -> Iterator[str]:
    """`prefect server start` on a free local port, for as long as the block runs: its API URL."""
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_UI_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with open(home / "server.log", "w") as log_file:
        proc = subprocess.Popen(cmd, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start: {(home / 'server.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield api
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _child_env(prefect_home: Path) -> dict:
    env = dict(
        os.environ, OMP_THREAD_LIMIT="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING"
    )
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
    return {
        "elapsed": res["elapsed"],
        "docs_s": n / res["elapsed"],
        "halves": halves,
        "steady": steady,
        "first_s": stamps[0] if stamps else None,
        "ok": res["ok"],
        "failed": res["failed"],
        "skipped": res["skipped"],
        "errors": res["errors"],
        "pages": res["pages"],
        "ocr_pages": res["ocr_pages"],
        "parent_mb": res["parent_maxrss_mb"],
        **res["memory"],
    }


def bench_batches(cfg: Config, smp: dict, work: Path) -> dict:
    prefect_home = work / "prefect-home"
    shutil.rmtree(prefect_home, ignore_errors=True)
    env = _child_env(prefect_home)
    out_root = work / "out"

    def run(
        corpus: Path, n: int, mode: str = "direct", ocr: bool = True, workers: int | None = None, api: str = ""
    ) -> dict:
        out = out_root / f"{corpus.name}-{mode}"
        shutil.rmtree(out, ignore_errors=True)
        spec = {"corpus": str(corpus), "out": str(out), "workers": workers or cfg.workers, "ocr": ocr, "mode": mode}
        res = _batch_figures(run_child(spec, dict(env, PREFECT_API_URL=api) if api else env, work / "child.log"), n)
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
            for mode in modes[r % len(modes) :] + modes[: r % len(modes)]:
                log(f"batch of {n} text documents, {mode}, repeat {r + 1}/{reps}")
                runs[mode].append(run(corpus, n, mode))
        if n == max(cfg.prefect_batches, default=0) and not cfg.quick and not os.environ.get("PREFECT_API_URL"):
            # What operators run for large batches: a server that is already up.
            with prefect_server(work / "prefect-server-home") as api:
                log(f"batch of {n} text documents, prefect with a running server")
                runs["prefect-server"] = [run(corpus, n, "prefect-server", api=api)]
        results["text"][n] = {"runs": runs["direct"], "bytes": size}
        if len(modes) > 1:
            results["modes"][n] = runs
        shutil.rmtree(corpus, ignore_errors=True)
    if cfg.pdf_batch:
        corpus = make_corpus(smp["digital"], cfg.pdf_batch, work / "corpus" / f"pdf-{cfg.pdf_batch}")
        pdf_runs = []
        for r in range(cfg.batch_repeats):
            log(f"batch of {cfg.pdf_batch} digital PDFs, repeat {r + 1}/{cfg.batch_repeats}")
            pdf_runs.append(run(corpus, cfg.pdf_batch))
        results["pdf"] = {"n": cfg.pdf_batch, "runs": pdf_runs}
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
        results["scan"] = {
            "n": len(counts),
            "runs": [run(corpus, len(counts))],
            "doc_pages": [n_pages for _, n_pages in counts],
            "bare_s": bare,
        }
    if cfg.long_scan and cfg.workers > 1:
        # The longest scan alone, on one worker and then on all: its pages take the idle cores.
        corpus = work / "corpus" / "long-scan"
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        path, n_pages = max(pick_pages_count(smp["scan"]), key=lambda pc: pc[1])
        os.symlink(path, corpus / path.name)
        long_runs = []
        for workers in (1, cfg.workers):
            log(f"one long scan ({path.name}, {n_pages} pages) on {workers} worker(s)")
            long_runs.append({"workers": workers, **run(corpus, 1, workers=workers)})
        results["long_scan"] = {"file": path.name, "pages": n_pages, "runs": long_runs}
    return results


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(json.loads(sys.argv[2]))
