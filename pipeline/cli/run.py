"""`vnplans run`: process files or folders into the tables, with a progress bar and a summary."""

from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path

from pipeline.cli.options import add_limits, add_out
from pipeline.errors import ExitCode


def _cmd_run(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.orchestrate.isolate import Limits
    from pipeline.orchestrate.preflight import check_run
    from pipeline.orchestrate.runner import run_batch

    # Fail early (exit 2 or 4, no Prefect started) on what would waste a run.
    check_run(args.paths, args.out, args.workers, args.timeout, args.memory_mb)
    # SIGTERM stops a run the way Ctrl-C does: finished documents kept, the rest logged.
    signal.signal(signal.SIGTERM, lambda signum, frame: signal.default_int_handler(signum, frame))
    console = Console(stderr=True)
    t0 = time.perf_counter()
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", 0)
    with Progress(
        TextColumn("[bold]vnplans[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=False,
        disable=quiet,
    ) as progress:
        bar = progress.add_task("discovering files", total=None)

        def on_start(n):
            progress.update(bar, total=n, description="starting")

        def on_progress(row):
            mark = {"ok": "[green]ok[/]", "skipped": "[dim]skipped[/]", "failed": "[red]failed[/]"}[row.status]
            progress.update(bar, advance=1, description=f"{mark} {Path(row.source_path).name}")
            if verbose:
                progress.console.print(f"{mark} {escape(row.source_path)}", highlight=False, soft_wrap=True)

        summary = run_batch(
            args.paths,
            out_dir=args.out,
            workers=args.workers,
            ocr=not args.no_ocr,
            force=args.force,
            use_prefect=not args.no_prefect,
            on_progress=on_progress,
            on_start=on_start,
            limits=Limits(timeout_s=args.timeout, memory_mb=args.memory_mb),
            dask=args.dask,
            wait_for_lock=args.wait,
        )
    print_summary(console, summary, time.perf_counter() - t0, quiet)
    if summary.interrupted:
        console.print("[yellow]interrupted[/]: unfinished files are logged; run the same command again to finish them")
        return int(ExitCode.INTERRUPTED)
    return 1 if summary.failed else 0


def print_summary(console, summary, elapsed: float, quiet: bool = False) -> None:
    """The run's counts (not with `-q`) and its first failures (always: they are errors)."""
    from rich.markup import escape
    from rich.table import Table

    log = summary.log
    pages = sum(r.pages or 0 for r in log if r.status == "ok")
    ocr_pages = sum(r.ocr_pages or 0 for r in log if r.status == "ok")
    t = Table(title=f"run {summary.run_id}", show_header=False, box=None)
    t.add_row("files", str(len(log)))
    t.add_row("processed", f"[green]{summary.count('ok')}[/]")
    t.add_row("skipped (unchanged)", str(summary.count("skipped")))
    t.add_row("failed", f"[red]{summary.count('failed')}[/]" if summary.failed else "0")
    t.add_row("pages / OCR'd", f"{pages} / {ocr_pages}")
    t.add_row("rows written", ", ".join(f"{k} {v}" for k, v in summary.rows.items()) or "-")
    t.add_row("output", str(summary.out_dir))
    t.add_row("elapsed", f"{elapsed:.1f} s")
    if not quiet:
        console.print(t)
    for r in summary.failed[:15]:
        # one line per failure, however long its path: operators grep these
        console.print(
            f"[red]✗[/] {escape(r.source_path)} {escape(f'[{r.stage}] ' if r.stage else '')}{escape(str(r.error_type))}: "
            f"{escape(str(r.error_message))}",
            soft_wrap=True,
        )
    if len(summary.failed) > 15:
        console.print(
            f"… and {len(summary.failed) - 15} more; see {summary.out_dir}/ingest_log/{summary.run_id}.parquet"
        )


def add_command(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="process files or folders into Parquet tables")
    run.add_argument("paths", nargs="+", type=Path, help="files or folders (searched recursively)")
    add_out(run)
    add_limits(run)
    run.add_argument("--force", action="store_true", help="reprocess files even if unchanged")
    run.add_argument("--no-prefect", action="store_true", help="run without Prefect (same work, no flow run record)")
    run.add_argument(
        "--wait", action="store_true", help="if another run is writing --out, wait for it instead of stopping"
    )
    run.set_defaults(func=_cmd_run)

    compact = subparsers.add_parser(
        "compact",
        help="fold an older version's one file per document (and earlier runs' logs) into buckets",
        description="Every run that writes to a table folds it first; this folds every table at once: "
        "the one-file-per-document tables of earlier versions and the runs' own ingest_log files.",
    )
    add_out(compact)
    compact.add_argument(
        "--wait", action="store_true", help="if a run is writing --out, wait for it instead of stopping"
    )
    compact.set_defaults(func=_cmd_compact)


def _cmd_compact(args) -> int:
    import sys

    from pipeline.orchestrate.outlock import output_lock
    from pipeline.store.parts import part_files
    from pipeline.store.writers import compact_tables, remove_stale_temp_files
    from schemas import TABLES

    out = Path(args.out)
    if not out.is_dir():
        print(f"error: {out} is not a folder of tables; pass --out", file=sys.stderr)
        return ExitCode.USAGE
    before = {name: len(part_files(out / name)) for name in TABLES}
    with output_lock(out, wait=args.wait):
        remove_stale_temp_files(out)
        compact_tables(out)
    if not getattr(args, "quiet", False):
        for name in TABLES:
            after = len(part_files(out / name))
            print(f"{name:<12} {before[name]:>7,} → {after:,} files")
    return 0
