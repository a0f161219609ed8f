"""Checks a run makes before any work: in well under a second, before Prefect starts.

A mistyped path, an empty folder, an output folder that is a file, sits inside
an input folder or cannot be written, a negative worker count: each is one
clear message and a documented exit code (`RunError` subclasses), instead of a
run that starts a Prefect server and then fails or silently does nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pipeline.errors import OutputUnusableError, UsageError
from pipeline.ingest.discover import discover

#: Below this much free space in the output folder a run cannot even write its log.
MIN_FREE_BYTES = 5 * 1024 * 1024


def check_run(
    paths: list[str | Path],
    out_dir: str | Path,
    workers: int | None = None,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
) -> list[Path]:
    """The files the run will process; raises `UsageError` / `OutputUnusableError` first."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if timeout_s is not None and timeout_s <= 0:
        raise UsageError(f"--timeout must be a positive number of seconds, not {timeout_s:g}")
    if memory_mb is not None and memory_mb < 64:
        raise UsageError(f"--memory-mb must be at least 64, not {memory_mb}")
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}; check the path")
    out = Path(out_dir).expanduser().absolute()
    check_output(out, [Path(p) for p in paths])
    files = [f for f in discover(list(paths)) if not _inside(f.absolute(), out)]
    if not files:
        raise UsageError(f"nothing to process: no files under {', '.join(map(str, paths))}")
    return files


def check_output(out: Path, inputs: list[Path]) -> None:
    """The output folder can hold a run's tables and log."""
    if out.exists() and not out.is_dir():
        raise OutputUnusableError(f"--out {out} is a file, not a folder; choose a folder")
    for p in inputs:
        folder = p.absolute()
        if folder.is_dir() and _inside(out, folder):
            raise OutputUnusableError(
                f"--out {out} is inside the input folder {folder}: its tables would be read as documents; "
                "choose an output folder outside the inputs"
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".vnplans-write-check-"):
            pass
    except OSError as exc:
        raise OutputUnusableError(f"cannot write to --out {out}: {exc.strerror or exc}; check its permissions") from exc
    free = shutil.disk_usage(out).free
    if free < MIN_FREE_BYTES:
        raise OutputUnusableError(
            f"only {free // 1024} KB free in {out}: not enough for the tables and the log; free some space"
        )


def _inside(path: Path, folder: Path) -> bool:
    try:
        return os.path.commonpath([path, folder]) == str(folder)
    except ValueError:  # different drives
        return False
