"""`bench/RESULTS.md` and the README's figures from `pipeline.evaluate.bench.suites` results.

Kept apart from the measuring so that the wording can change without
touching what is measured.
"""

from __future__ import annotations

import statistics

from pipeline.evaluate.bench.suites import (
    GOAL_BATCH_RATIO,
    GOAL_CER,
    GOAL_EXTRACT_MB_S,
    GOAL_FILES_PER_1000,
    GOAL_GROUPBY_S,
    GOAL_LONG_SCAN_RATIO,
    GOAL_OCR_RATIO,
    GOAL_PDF_PAGES_S,
    GOAL_RSS_RATIO,
    GOAL_TONE_RATIO,
)


def med(xs) -> float:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def table(headers: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def f(x: float, digits: int = 1) -> str:
    if x != x:  # NaN
        return "-"
    return f"{x:,.{digits}f}"


# ---------------------------------------------------------------- derived figures


def batch_stats(runs: list[dict]) -> dict:
    return {
        "docs_s": med([r["docs_s"] for r in runs]),
        "elapsed": med([r["elapsed"] for r in runs]),
        "peak_total_mb": med([r["peak_total_mb"] for r in runs]),
        "parent_mb": med([r["parent_mb"] for r in runs]),
        "worker_mb": med([r["hwm_mb"].get("worker") for r in runs]),
        "workers_seen": max(r["processes"].get("worker", 0) for r in runs),
        "other_mb": med(
            [max([v for k, v in r["hwm_mb"].items() if k not in ("parent", "worker")] or [0]) for r in runs]
        ),
        "halves": runs[0]["halves"] if len(runs) == 1 else None,
        "steady": med([r.get("steady") for r in runs]),
        "first_s": med([r.get("first_s") for r in runs]),
        "pages": runs[0]["pages"],
        "ocr_pages": runs[0]["ocr_pages"],
        "repeats": len(runs),
    }


def long_scan(res: dict) -> dict | None:
    """One long scan on one worker and on all: times and their ratio."""
    ls = res["batches"].get("long_scan")
    if not ls:
        return None
    one, all_ = ls["runs"][0], ls["runs"][-1]
    return {
        "file": ls["file"],
        "pages": ls["pages"],
        "workers": all_["workers"],
        "one_s": one["elapsed"],
        "all_s": all_["elapsed"],
        "ratio": all_["elapsed"] / one["elapsed"],
        "one_mb": one["peak_total_mb"],
        "all_mb": all_["peak_total_mb"],
    }


def rss_ratios(res: dict) -> dict | None:
    text = res["batches"]["text"]
    if len(text) < 2:
        return None
    small, big = min(text), max(text)
    a, b = batch_stats(text[small]["runs"]), batch_stats(text[big]["runs"])
    return {
        "small": small,
        "big": big,
        "total": b["peak_total_mb"] / a["peak_total_mb"],
        "parent": b["parent_mb"] / a["parent_mb"],
        "worker": b["worker_mb"] / a["worker_mb"],
    }


def mode_stats(res: dict) -> dict:
    """Per batch size: median time and tree memory of each mode, and the
    median per-repeat ratios and differences against `bare` and `direct`."""
    out = {}
    for n, runs in res["batches"]["modes"].items():
        k = min(len(v) for v in runs.values())
        el = {m: [r["elapsed"] for r in v] for m, v in runs.items()}
        out[n] = {
            "s": {m: med(v) for m, v in el.items()},
            "mb": {m: med([r["peak_total_mb"] for r in v]) for m, v in runs.items()},
            "steady": {m: med([r.get("steady") for r in v]) for m, v in runs.items()},
            "direct_vs_bare": med([el["direct"][i] / el["bare"][i] for i in range(k)]),
            "prefect_vs_direct": med([el["prefect"][i] / el["direct"][i] for i in range(k)]),
            "prefect_vs_bare": med([el["prefect"][i] / el["bare"][i] for i in range(k)]),
            "prefect_minus_direct": med([el["prefect"][i] - el["direct"][i] for i in range(k)]),
        }
        if "prefect-server" in el:  # one run, beside the first of the others
            out[n]["server_vs_bare"] = el["prefect-server"][0] / el["bare"][0]
            out[n]["server_minus_direct"] = el["prefect-server"][0] - el["direct"][0]
    return out


def goals(res: dict) -> list[tuple[str, str, str, str, bool]]:
    """(short name, goal, measured, target, met) of every goal this run measured."""
    tl, ocr, ex = res["text_layer"], res["ocr"], res["extraction"]
    rows = [
        (
            "OCR vs bare tesseract",
            "OCR time vs bare `tesseract -l vie`, same pages, same processes",
            f"{f(ocr['ratio'], 2)} ×",
            f"≤ {GOAL_OCR_RATIO:.2f} ×",
            ocr["ratio"] <= GOAL_OCR_RATIO,
        ),
        (
            "digital PDF pages/s per core",
            "digital PDF reader, pages/s per core",
            f(tl["pages_s"]["reader"]),
            f"≥ {GOAL_PDF_PAGES_S:.0f}",
            tl["pages_s"]["reader"] >= GOAL_PDF_PAGES_S,
        ),
        (
            "extraction MB/s per core",
            "extraction (normalise + sections + extractors), MB/s per core",
            f(ex["mb_s"], 2),
            f"≥ {GOAL_EXTRACT_MB_S:.1f}",
            ex["mb_s"] >= GOAL_EXTRACT_MB_S,
        ),
    ]
    modes = mode_stats(res)
    if modes:
        n = max(modes)
        direct = modes[n]["direct_vs_bare"]
        prefect = modes[n]["prefect_vs_bare"]
        rows += [
            (
                f"{n:,}-document run vs ideal",
                f"`vnplans run` (no Prefect) vs pure `process_file` in a pool, {n:,} documents",
                f"{f(direct, 2)} ×",
                f"≤ {GOAL_BATCH_RATIO:.1f} ×",
                direct <= GOAL_BATCH_RATIO,
            ),
            (
                f"{n:,}-document run with Prefect vs ideal",
                f"`vnplans run` with Prefect (its temporary server) vs pure `process_file` in a pool, {n:,} documents",
                f"{f(prefect, 2)} ×",
                f"≤ {GOAL_BATCH_RATIO:.1f} ×",
                prefect <= GOAL_BATCH_RATIO,
            ),
        ]
        if "server_vs_bare" in modes[n]:
            server = modes[n]["server_vs_bare"]
            rows.append(
                (
                    f"{n:,}-document run with a Prefect server vs ideal",
                    f"`vnplans run` with a running Prefect server (`PREFECT_API_URL`) vs pure `process_file` "
                    f"in a pool, {n:,} documents",
                    f"{f(server, 2)} ×",
                    f"≤ {GOAL_BATCH_RATIO:.1f} ×",
                    server <= GOAL_BATCH_RATIO,
                )
            )
    st = res.get("storage")
    if st:
        per_k = max(st["files"].values()) / (st["n_docs"] / 1000)
        rows += [
            (
                f"group-by over {st['n_docs']:,} documents",
                f"DuckDB group-by (targets ⋈ documents) over {st['n_docs']:,} documents, s",
                f(st["queries"]["group-by"], 2),
                f"≤ {GOAL_GROUPBY_S:.0f}",
                st["queries"]["group-by"] <= GOAL_GROUPBY_S,
            ),
            (
                "files per table per 1,000 documents",
                "files per table per 1,000 documents (largest table)",
                f(per_k, 2),
                f"≤ {GOAL_FILES_PER_1000:.0f}",
                per_k <= GOAL_FILES_PER_1000,
            ),
        ]
    ls = long_scan(res)
    if ls:
        rows.append(
            (
                "long scan on all workers vs one",
                f"one long scan ({ls['pages']} pages), {ls['workers']} workers vs 1, wall time",
                f"{f(ls['ratio'], 2)} ×",
                f"≤ {GOAL_LONG_SCAN_RATIO:.1f} ×",
                ls["ratio"] <= GOAL_LONG_SCAN_RATIO,
            )
        )
    rows += _ocr_quality_goals(res.get("ocr_quality"))
    rr = rss_ratios(res)
    if rr:
        rows.append(
            (
                f"peak RSS {rr['big']:,} vs {rr['small']:,} documents",
                f"peak RSS, {rr['big']:,} documents vs {rr['small']:,} (whole process tree)",
                f"{f(rr['total'], 2)} ×",
                f"≤ {GOAL_RSS_RATIO:.1f} ×",
                rr["total"] <= GOAL_RSS_RATIO,
            )
        )
    return rows


def _scan_kind(row: dict) -> str:
    return "real" if row["real"] else ("scan-poor" if ".scan-poor." in row["file"] else "scan")


def _ocr_quality_goals(q: dict | None) -> list[tuple[str, str, str, str, bool]]:
    """Issue 11: the worst CER of each kind of scan (document text, with the OCR text
    beside it) and the largest share of tone-only errors the repairs leave on the real ones."""
    if not q:
        return []
    rows = []
    names = {"scan": "synthetic scans", "scan-poor": "synthetic poor scans", "real": "real scans"}
    for kind, goal in GOAL_CER.items():
        scans = [r for r in q["rows"] if _scan_kind(r) == kind and r.get("text", {}).get("cer") is not None]
        if not scans:
            continue
        worst = max(r["text"]["cer"] for r in scans)
        ocr_worst = max(r["after"]["cer"] for r in scans)
        rows.append(
            (
                f"CER, {names[kind]}",
                f"CER of the document text, worst of the {names[kind]} (OCR text after the language repairs)",
                f"{worst:.2%} ({ocr_worst:.2%})",
                f"≤ {goal:.1%}",
                worst <= goal,
            )
        )
    real = [r for r in q["rows"] if r["real"] and r["before"].get("tone_only")]
    if real:
        ratio = max(r["after"]["tone_only"] / r["before"]["tone_only"] for r in real)
        rows.append(
            (
                "tone-only errors, real scans",
                "tone-only errors on the real scans, after the repairs vs Tesseract (largest ratio)",
                f"{f(ratio, 2)} ×",
                f"≤ {GOAL_TONE_RATIO:.1f} ×",
                ratio <= GOAL_TONE_RATIO,
            )
        )
    return rows


# ---------------------------------------------------------------- RESULTS.md


def render(res: dict) -> str:
    cfg = res["config"]
    parts = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`vnplans bench{' --quick' if cfg['quick'] else ''}`) in "
        f"{res['wall_s'] / 60:.1f} minutes. Do not edit: run it again."
        + (" **Quick smoke configuration: these figures mean nothing.**" if cfg["quick"] else ""),
        "",
        "The machine is shared, so other processes may have run meanwhile (see the load averages).",
        "Each comparison is measured inside this run with its baseline alternating with it,",
        "and every figure is the median of the repeats (ratios: the median of per-repeat ratios).",
        "",
        "## Machine",
        "",
        table(["", ""], [[k, v] for k, v in res["machine"]]),
        "",
        "## Goals (issues 6, 11 and 13)",
        "",
        table(
            ["goal", "measured", "target", ""],
            [[g, m, t, "**pass**" if ok else "**miss**"] for _, g, m, t, ok in goals(res)],
        ),
        "",
    ]
    parts += _text_layer(res["text_layer"])
    parts += _ocr(res["ocr"])
    if res.get("ocr_quality"):
        parts += _ocr_quality(res["ocr_quality"])
    parts += _extraction(res["extraction"])
    parts += _batches(res)
    parts += _modes(res)
    if res.get("storage"):
        parts += _storage(res["storage"])
    parts += _profiles(res)
    return "\n".join(parts) + "\n"


def _text_layer(tl: dict) -> list[str]:
    ps, pw = tl["pages_s"], tl["pages_s_wall"]
    what = {
        "pypdfium2": ("pypdfium2 `get_text_range`", "text only"),
        "pdfplumber": ("pdfplumber `extract_text`", "text only"),
        "reader": (
            "vnplans reader `read_pdf_pages`",
            f"text layer checked per page, pdfplumber tables on ruled pages; {tl['ocr_pages']} page(s) OCR'd",
        ),
        "process_file": ("vnplans `process_file`", "read + normalise + all extractors"),
    }
    rows = [[label, f(ps[k]), f(pw[k]), note] for k, (label, note) in what.items()]
    basis = "wall time (pages were OCR'd)" if tl["ocr_pages"] else "CPU time of the process"
    return [
        "## 1. Text layer: digital PDFs",
        "",
        f"{tl['pages']} pages in {', '.join(tl['files'])}; one process, so per core; {tl['repeats']} repeats; "
        f"load average {f(tl['load'])} at the end. Pages/s per core is measured on {basis}, which other "
        "processes on the machine do not inflate; wall-clock is beside it.",
        "",
        table(["reader", "pages/s per core", "pages/s wall", "what it does"], rows),
        "",
        f"The project's reader takes {f(tl['reader_vs_pdfium'], 1)} × the time of bare pypdfium2 and "
        f"{f(tl['reader_vs_plumber'], 2)} × that of pdfplumber.",
        "",
    ]


def _ocr(o: dict) -> list[str]:
    ps, spp = o["pages_s"], o["s_per_page"]
    rows = [
        [
            "`tesseract PAGE.png stdout -l vie` (baseline)",
            f(ps["tesseract"], 2),
            f(spp["tesseract"], 2),
            "1.00",
            o["chars"].get("tesseract", ""),
        ],
        [
            "vnplans `ocr_image` on the same PNGs",
            f(ps["ocr_image"], 2),
            f(spp["ocr_image"], 2),
            f(o["ratio"], 2),
            o["chars"].get("ocr_image", ""),
        ],
        [
            "vnplans `ocr_pdf_page` on the scan PDF pages",
            f(ps["ocr_pdf_page"], 2),
            f(spp["ocr_pdf_page"], 2),
            f(o["ratio_pdf"], 2),
            o["chars"].get("ocr_pdf_page", ""),
        ],
    ]
    return [
        "## 2. OCR",
        "",
        f"{o['n']} pages ({'; '.join(o['pages'])}) rendered once at 300 dpi to grayscale PNG; "
        f"{o['workers']} pages at a time in both cases (bare: {o['workers']} `tesseract` processes; "
        f"project: a pool of {o['workers']} processes), `OMP_THREAD_LIMIT=1`; {o['repeats']} repeats, "
        f"wall-clock; load average {f(o['load'])} at the end.",
        "`ocr_pdf_page` is what the pipeline runs on a scan: it takes the page's embedded image instead of a PNG.",
        "",
        table(["OCR", "pages/s", "s/page per process", "time vs bare", "characters out"], rows),
        "",
    ]


def _ocr_quality(q: dict) -> list[str]:
    def pct(v) -> str:
        return "–" if v is None else f"{v:.2%}"

    rows = [
        [
            r["file"] + (" (real)" if r["real"] else ""),
            r["pages"],
            f"{pct(r['before']['cer'])} → {pct(r['after']['cer'])} → {pct(r.get('text', {}).get('cer'))}",
            pct(r.get("text", {}).get("cer_any_order")),
            f"{pct(r['before']['wer'])} → {pct(r['after']['wer'])} → {pct(r.get('text', {}).get('wer'))}",
            f"{pct(r['before']['tone_only'])} → {pct(r['after']['tone_only'])}",
            f"{pct(r['before']['invalid'])} → {pct(r['after']['invalid'])}",
            r["retoned"],
            r.get("recased", "–"),
        ]
        for r in q["rows"]
    ]
    return [
        "## 2b. OCR quality: Tesseract, then the language repairs, then the document text",
        "",
        "Every page of each scan with a transcript (synthetic keys in `tests/fixtures`, the real scans' transcripts "
        "in `../shared/realworld-truth`), OCR'd as the pipeline does; CER and WER go Tesseract's text → the text after "
        "the language repairs (marks OCR read from specks inside a word or clause taken out, "
        "`extractors/normalize/ocr_marks.py`, lower-case words read as capitals lowered, `ocr_case.py`, then tone marks "
        "and vowel shapes from context, `ocr_tones.py`) → the "
        "document text the tables are built from (the normaliser's line repairs, furniture removed, lines joined: "
        "what `sections.text` holds). Tone-only and invalid: Tesseract → language repairs. Tone-only: transcript words read with the right "
        "letters and a wrong tone mark. Invalid: OCR tokens that are no Vietnamese syllable. The language model never "
        f"saw the real transcripts. Any order: the document text's CER with reading order forgiven (runs of four or "
        "more words read right but elsewhere, as table cells read whole where a transcript follows the visual lines, "
        f"cost nothing; `ocr_metrics.order_free_cer`). Load average {f(q['load'])} at the end.",
        "",
        table(
            ["scan", "pages", "CER", "any order", "WER", "tone-only", "invalid", "syllables re-toned", "words lowered"],
            rows,
        ),
        "",
    ]


def _extraction(e: dict) -> list[str]:
    total = sum(e["stages"].values()) or 1e-9
    rows = [[f"`{k}`", f(v * 1000, 0), f(100 * v / total, 0)] for k, v in e["stages"].items()]
    return [
        "## 3. Extraction",
        "",
        f"Normalise + sections + all extractors on the text samples ({', '.join(e['files'])}; "
        f"{e['bytes'] / 1e3:,.0f} kB of UTF-8 input) in one process; {e['repeats']} repeats; "
        f"load average {f(e['load'])} at the end. After one warm-up pass the heap is settled as a worker "
        "settles it after its first document (`settle_heap`: long-lived objects out of the garbage "
        "collector's sight); every memo is emptied before each pass, so the documents are new to it.",
        "",
        f"**{f(e['mb_s'], 3)} MB/s per core** on CPU time ({f(e['seconds'] * 1000, 0)} ms for the three documents; "
        f"wall-clock {f(e['mb_s_wall'], 3)} MB/s).",
        "",
        table(["stage (CPU time)", "ms", "%"], rows),
        "",
    ]


def _batches(res: dict) -> list[str]:
    b = res["batches"]
    rows = []
    for n, entry in sorted(b["text"].items()):
        s = batch_stats(entry["runs"])
        halves = f"{f(s['halves'][0])} / {f(s['halves'][1])}" if s["halves"] else "-"
        rows.append(
            [
                f"{n:,} text",
                s["repeats"],
                f(s["elapsed"]),
                f(s["first_s"]),
                f(s["docs_s"], 2),
                f(s["steady"], 2),
                f(entry["bytes"] / 1e6 / s["elapsed"], 3),
                halves,
                f(s["peak_total_mb"], 0),
                f(s["parent_mb"], 0),
                f(s["worker_mb"], 0),
                s["workers_seen"],
            ]
        )
    extra = []
    if "pdf" in b:
        s = batch_stats(b["pdf"]["runs"])
        rows.append(
            [
                f"{b['pdf']['n']} digital PDF",
                s["repeats"],
                f(s["elapsed"]),
                f(s["first_s"]),
                f(s["docs_s"], 2),
                f(s["steady"], 2),
                "-",
                "-",
                f(s["peak_total_mb"], 0),
                f(s["parent_mb"], 0),
                f(s["worker_mb"], 0),
                s["workers_seen"],
            ]
        )
        extra.append(
            f"- Digital PDFs end to end: {f(s['pages'] / s['elapsed'])} pages/s with "
            f"{res['config']['workers']} workers ({s['pages']} pages, {s['ocr_pages']} OCR'd)."
        )
    if "scan" in b:
        s = batch_stats(b["scan"]["runs"])
        rows.append(
            [
                f"{b['scan']['n']} scanned PDF",
                s["repeats"],
                f(s["elapsed"]),
                f(s["first_s"]),
                f(s["docs_s"], 3),
                "-",
                "-",
                "-",
                f(s["peak_total_mb"], 0),
                f(s["parent_mb"], 0),
                f(s["worker_mb"], 0),
                s["workers_seen"],
            ]
        )
        bare = sum(b["scan"]["doc_pages"]) / b["scan"]["bare_s"]
        pps = s["ocr_pages"] / s["elapsed"]
        pages = b["scan"]["doc_pages"]
        workers = res["config"]["workers"]
        bound = max(pages) / (sum(pages) / workers)
        extra.append(
            f"- Scans end to end: {f(pps, 2)} OCR'd pages/s against {f(bare, 2)} for bare tesseract on "
            f"the same {sum(pages)} pages rendered to PNG, {workers} at a time, run just before "
            f"(time {f(bare / pps, 2)} ×). With documents as the unit of parallelism the "
            f"largest scan ({max(pages)} of {sum(pages)} pages) alone needs {f(bound, 2)} × the ideal "
            f"time of {workers} cores sharing all pages."
        )
    ls = long_scan(res)
    if ls:
        extra.append(
            f"- One long scan ({ls['file']}, {ls['pages']} pages) alone: {f(ls['one_s'])} s on 1 worker, "
            f"{f(ls['all_s'])} s on {ls['workers']} ({f(ls['ratio'], 2)} ×): its pages are OCR'd on the cores "
            f"no other document uses (peak RSS of the tree {f(ls['one_mb'], 0)} → {f(ls['all_mb'], 0)} MB)."
        )
    rr = rss_ratios(res)
    if rr:
        extra.append(
            f"- Peak RSS {rr['big']:,} vs {rr['small']:,} documents: whole tree {f(rr['total'], 2)} ×, "
            f"parent {f(rr['parent'], 2)} ×, largest worker {f(rr['worker'], 2)} ×."
        )
    return [
        "## 4. End to end and scale",
        "",
        f"`run_batch(..., workers={res['config']['workers']}, use_prefect=False)` in a fresh child process per run, "
        "writing Parquet to a fresh folder; wall-clock. "
        "Text batches cycle through the three text samples, each copy made unique by one appended line "
        "`(bench copy NNNNN)` so the content-hash cache skips none; the 1,000-document batch uses text, not PDFs, "
        "to fit the time budget; bigger batches run fewer times (*runs*), and the largest once: its "
        "first-half/second-half throughput shows whether it stays flat.",
        "Elapsed time is `run_batch` itself (process start-up included, interpreter start-up not); "
        "*1st doc s* is when the first document was done, *steady docs/s* the rate after it, "
        "which is what should stay flat with batch size. "
        "Memory: *tree* is the peak of the summed RSS of the child and all its descendants; "
        "*parent* is the child's own peak (VmHWM); *worker* the largest VmHWM of any process forked by the "
        "multiprocessing forkserver, of which *workers* counts those seen (samples every 50 ms; a process "
        "shorter-lived than that can be missed, so memory figures are lower bounds). "
        f"Load average {f(_batch_load(res))} (median at the end of each run).",
        "",
        table(
            [
                "batch",
                "runs",
                "s",
                "1st doc s",
                "docs/s",
                "steady docs/s",
                "MB/s",
                "docs/s 1st / 2nd half",
                "tree peak MB",
                "parent MB",
                "worker MB",
                "workers seen",
            ],
            rows,
        ),
        "",
        *extra,
        "",
    ]


def _batch_load(res: dict) -> float:
    b = res["batches"]
    runs = [r for e in b["text"].values() for r in e["runs"]]
    runs += [r for key in ("pdf", "scan") if key in b for r in b[key]["runs"]]
    return med([r.get("load") for r in runs])


def _modes(res: dict) -> list[str]:
    st = mode_stats(res)
    if not st:
        return []
    rows = [
        [
            f"{n:,}",
            f(s["s"]["bare"]),
            f(s["s"]["direct"]),
            f(s["s"]["prefect"]),
            f"{f(s['direct_vs_bare'], 2)} ×",
            f"{f(s['prefect_vs_direct'], 2)} ×",
            f(s["prefect_minus_direct"]),
            f"{f(s['steady']['bare'], 1)} / {f(s['steady']['direct'], 1)} / {f(s['steady']['prefect'], 1)}",
            f"{f(s['mb']['bare'], 0)} / {f(s['mb']['direct'], 0)} / {f(s['mb']['prefect'], 0)}",
        ]
        for n, s in sorted(st.items())
    ]
    lines = [
        "## 5. Orchestration overhead",
        "",
        "The same text batches three ways, alternating within each repeat: *bare* calls `process_file` in a "
        "pool of long-lived worker processes and writes each result (no orchestration at all); *direct* is "
        "`run_batch(use_prefect=False)`: everything it does around `process_file` (skip-by-hash planning, "
        "its worker processes, writing, the ingest log); *Prefect* is `run_batch(use_prefect=True)` (a temporary "
        "local Prefect server, small documents a few to a task, on top of *direct*).",
        "",
        table(
            [
                "documents",
                "bare s",
                "direct s",
                "Prefect s",
                "direct / bare",
                "Prefect / direct",
                "Prefect − direct s",
                "steady docs/s (bare / direct / Prefect)",
                "tree peak MB (same order)",
            ],
            rows,
        ),
        "",
    ]
    if len(st) >= 2:
        (n1, a), (n2, b) = sorted(st.items())[0], sorted(st.items())[-1]
        per_doc = (b["prefect_minus_direct"] - a["prefect_minus_direct"]) / (n2 - n1)
        fixed = a["prefect_minus_direct"] - per_doc * n1
        if per_doc > 0:
            lines += [
                f"Prefect's cost, fitted: about {f(fixed)} s per run (server start-up, flow run) plus "
                f"{f(per_doc * 1000, 0)} ms per document (task runs and their state changes).",
                "",
            ]
        else:
            lines += [
                "Prefect's cost does not grow measurably with the number of documents here: it is the "
                "fixed cost of starting the temporary server and the flow run.",
                "",
            ]
    for n, s in sorted(st.items()):
        if "server_vs_bare" in s:
            lines += [
                f"With a running Prefect server (`prefect server start`, `PREFECT_API_URL` set: what the README "
                f"advises for large runs) the {n:,}-document run took {f(s['s']['prefect-server'])} s: "
                f"{f(s['server_vs_bare'], 2)} × *bare*, {f(s['server_minus_direct'])} s more than *direct* "
                "(one run). Most of Prefect's cost above is its temporary server: importing and starting it "
                "in every run.",
                "",
            ]
    if "prefect_first_run_s" in res["batches"]:
        lines += [
            f"The first flow run with an empty Prefect home (database creation, not counted above) took "
            f"{f(res['batches']['prefect_first_run_s'])} s.",
            "",
        ]
    return lines


def _storage(st: dict) -> list[str]:
    n = st["n_docs"]
    rows = [[t, f"{st['rows'][t]:,}", st["files"][t], f(st["mb"][t], 1)] for t in st["files"]]
    q = st["queries"]
    return [
        f"## 6. The tables at {n:,} documents",
        "",
        f"A synthetic output of {n:,} documents: the rows of the three text samples replicated under new "
        f"doc_ids and written as the pipeline writes them, in {max(st['files'].values())} bucket files per table "
        f"(generated in {f(st['generate_s'], 0)} s). Query times are medians of 3, in one process.",
        "",
        table(["table", "rows", "files", "MB"], rows),
        "",
        table(
            ["what", "s"],
            [
                ["DuckDB `select count(*) from tasks`", f(q["count"], 3)],
                ["DuckDB group-by: targets per province (a join with documents)", f(q["group-by"], 3)],
                ["DuckDB `select count(*) from task_leads` (a cross-document view)", f(q["view"], 3)],
                ["open the views (`vnplans query` start-up)", f(st["connect_s"], 3)],
                ["`vnplans tables`: rows of every table and view", f(st["tables_s"], 2)],
                ["`vnplans report`", f(st["report_s"], 2)],
                ["skip check: which documents are done (4 columns of `documents`)", f(st["skip_check_s"], 3)],
                [
                    "one flush of 200 documents, 100 of them processed again (their buckets rewritten)",
                    f(st["write_200_s"], 1),
                ],
            ],
        ),
        "",
        f"After that write `documents` holds {st['documents_after_write']:,} rows for "
        f"{st['unique_after_write']:,} doc_ids.",
        "",
    ]


def _profiles(res: dict) -> list[str]:
    found = [
        (title, res[key])
        for key, title in (
            ("text_layer", "Digital PDF reader (`read_pdf_pages`)"),
            ("extraction", "Extraction (normalise + analyse, the three text samples)"),
        )
        if "profile" in res[key]
    ]
    breakdown = res["ocr"].get("breakdown")
    if not found and not breakdown:
        return []
    out = ["## Profiles where a goal is missed", ""]
    if breakdown:
        out += _ocr_breakdown(breakdown)
    if found:
        out += [
            "cProfile of one pass (the profiler slows pure-Python code by about 1.5-2 ×; the shares are what matter).",
            "",
        ]
    for title, part in found:
        prof = part["profile"]
        total = prof["total"]
        out += [
            f"### {title}",
            "",
            "Most time of their own:",
            "",
            table(
                ["function", "own s", "%", "calls"],
                [
                    [f"`{r['func']}`", f(r["tottime"], 3), f(100 * r["tottime"] / total, 0), f"{r['calls']:,}"]
                    for r in prof["own"]
                ],
            ),
            "",
            "Project functions by cumulative time:",
            "",
            table(
                ["function", "cumulative s", "%", "calls"],
                [
                    [f"`{r['func']}`", f(r["cumtime"], 3), f(100 * r["cumtime"] / total, 0), f"{r['calls']:,}"]
                    for r in prof["cumulative"]
                ],
            ),
            "",
        ]
    return out


def _ocr_breakdown(rows: list[dict]) -> list[str]:
    bare = sum(r["bare_s"] for r in rows)
    total = sum(r["total_s"] for r in rows)
    tess = sum(c["s"] for r in rows for c in r["calls"])
    first = sum(r["calls"][0]["s"] for r in rows if r["calls"])
    extra = tess - first
    lines = [
        "### OCR (`ocr_image`, page by page, one process)",
        "",
        "A cProfile of `ocr_image` shows nothing but the wait on tesseract, so each tesseract call it makes "
        "is timed instead, against one bare `tesseract PAGE.png stdout -l vie` on the same page just before.",
        "",
        table(
            ["page", "bare s", "ocr_image s", "tesseract calls (psm, image size, s)", "outside tesseract s"],
            [
                [
                    r["page"],
                    f(r["bare_s"], 2),
                    f(r["total_s"], 2),
                    "; ".join(f"{c['psm'] or 'auto'}, {c['px']}, {f(c['s'], 2)}" for c in r["calls"]),
                    f(r["total_s"] - sum(c["s"] for c in r["calls"]), 2),
                ]
                for r in rows
            ],
        ),
        "",
        f"Of {f(total, 1)} s ({f(total / bare, 2)} × bare), the first tesseract pass of each page takes "
        f"{f(first, 1)} s ({f(first / bare, 2)} × bare), further tesseract passes (table cells, second readings) "
        f"{f(extra, 1)} s ({f(100 * extra / total, 0)} %), and Python around them {f(total - tess, 1)} s "
        f"({f(100 * (total - tess) / total, 0)} %).",
        "",
    ]
    return lines


# ---------------------------------------------------------------- README


def readme_block(res: dict) -> str:
    tl, o, e = res["text_layer"], res["ocr"], res["extraction"]
    rows = [
        [
            "digital PDF, reader",
            f"{f(tl['pages_s']['reader'])} pages/s per core "
            f"(pypdfium2 alone {f(tl['pages_s']['pypdfium2'])}, pdfplumber {f(tl['pages_s']['pdfplumber'])})",
        ],
        [
            "OCR",
            f"{f(o['pages_s']['ocr_image'], 2)} pages/s on {o['workers']} cores, "
            f"{f(o['ratio'], 2)} × the time of bare `tesseract -l vie`",
        ],
        ["extraction", f"{f(e['mb_s'], 2)} MB/s per core"],
    ]
    text = res["batches"]["text"]
    if text:
        parts = []
        for n in sorted(text):
            s = batch_stats(text[n]["runs"])
            parts.append(f"{n:,}: {f(s['steady'], 1)} docs/s, {f(s['peak_total_mb'], 0)} MB")
        rows.append(["text batches end to end (steady rate, peak RSS of the process tree)", "; ".join(parts)])
    st = mode_stats(res)
    if st:
        n = max(st)
        rows.append(
            [
                f"orchestration, {n:,} documents",
                f"`run_batch` direct {f(st[n]['direct_vs_bare'], 2)} × the time of bare `process_file` "
                f"calls in a pool; Prefect {f(st[n]['prefect_vs_direct'], 2)} × direct "
                f"(+{f(st[n]['prefect_minus_direct'])} s)",
            ]
        )
    storage = res.get("storage")
    if storage:
        rows.append(
            [
                f"the tables at {storage['n_docs']:,} documents (synthetic)",
                f"{max(storage['files'].values())} files per table; DuckDB group-by {f(storage['queries']['group-by'], 2)} s; "
                f"skip check {f(storage['skip_check_s'], 2)} s; `vnplans tables` {f(storage['tables_s'], 1)} s; "
                f"`vnplans report` {f(storage['report_s'], 1)} s",
            ]
        )
    verdicts = "; ".join(f"{name} {m} (goal {t}): **{'pass' if ok else 'miss'}**" for name, _, m, t, ok in goals(res))
    return "\n".join(
        [
            "Latest `make bench` on this 2-core machine (medians; full figures, method and profiles in "
            "[bench/RESULTS.md](bench/RESULTS.md)):",
            "",
            table(["", ""], rows),
            "",
            f"Goals of issues 6, 11 and 13: {verdicts}.",
        ]
    )
