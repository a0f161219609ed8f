"""Developer commands: `vnplans ocr-check` and `vnplans bench` (evaluation code is imported only when they run)."""

from __future__ import annotations

import argparse
from pathlib import Path


def _cmd_ocr_check(args: argparse.Namespace) -> int:
    from pipeline.evaluate.cer import main as cer_main

    argv = [str(p) for p in args.paths] + ["--truth", str(args.truth)]
    return cer_main(argv)


def _cmd_bench(args: argparse.Namespace) -> int:
    from pipeline.evaluate.bench.suites import bench_command

    return bench_command(args.quick, args.repeats, args.batches, args.results, args.work)


def _cmd_invariants(args: argparse.Namespace) -> int:
    from pipeline.evaluate.invariants import run, shares

    reports = run(args.paths, scans=not args.no_scans)
    holds, total = shares(reports)["all"]
    return 0 if total == 0 or holds / total >= args.min_share else 1


def add_command(subparsers: argparse._SubParsersAction) -> None:
    inv = subparsers.add_parser(
        "invariants", help="checks that need no answer key over real files (number, date, appendices, task rows)"
    )
    inv.add_argument("paths", nargs="+", type=Path, help="files or folders")
    inv.add_argument("--no-scans", action="store_true", help="skip PDFs without a text layer (no OCR)")
    inv.add_argument("--min-share", type=float, default=0.95, help="exit 1 when fewer checks hold (default 0.95)")
    inv.set_defaults(func=_cmd_invariants)

    ocr = subparsers.add_parser("ocr-check", help="OCR character error rate of scans against their truth texts")
    ocr.add_argument("paths", nargs="*", type=Path, default=[Path("data/raw")], help="scanned PDFs or folders")
    ocr.add_argument("--truth", type=Path, default=Path("tests/fixtures"), help="folder of NAME.truth.txt files")
    ocr.set_defaults(func=_cmd_ocr_check)

    p = subparsers.add_parser("bench", help="measure speed and memory, write bench/RESULTS.md")
    p.add_argument(
        "--quick",
        action="store_true",
        help="tiny configuration for a smoke test (1 repeat, batches of 2 and 4, 1 OCR page)",
    )
    p.add_argument("--repeats", type=int, default=None, help="repeats of every measurement")
    p.add_argument("--batches", default=None, help="batch sizes, comma-separated (default 10,100,1000)")
    p.add_argument("--results", type=Path, default=None, help="report path (default bench/RESULTS.md)")
    p.add_argument("--work", type=Path, default=Path("bench/work"), help="scratch folder (default bench/work)")
    p.set_defaults(func=_cmd_bench)
