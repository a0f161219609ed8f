"""Options several commands share, with their defaults taken from `Settings`.

One name for the output folder in every command (`--out`; `--data`, the name
`query`, `tables` and `report` used first, still works), and defaults that
follow `VNPLANS_*` and the config file, so `VNPLANS_OUT=/srv/vnplans` moves
`run`, `fetch`, `serve`, `query`, `tables` and `report` together.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.config import Settings
from pipeline.errors import UsageError


def defaults() -> Settings:
    """The settings the options default to: environment, then config file, then built-in.

    Built afresh each call (a few ms): a long-lived caller that changes the
    environment or the working folder sees the change."""
    try:
        return Settings()
    except (OSError, ValueError) as exc:  # a missing or malformed config file, a bad VNPLANS_* value
        raise UsageError(f"bad settings: {exc}".replace("\n", "; ")) from exc


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        "--data",
        dest="out",
        type=Path,
        default=defaults().out,
        help=f"folder of the tables (default {defaults().out}: $VNPLANS_OUT or the config file's `out`)",
    )


def add_limits(parser: argparse.ArgumentParser) -> None:
    """Per-document limits of `run`, `fetch` and `serve`."""
    s = defaults()
    parser.add_argument("--workers", type=int, default=s.workers, help="worker processes (default: number of cores)")
    parser.add_argument(
        "--no-ocr", action="store_true", default=not s.ocr, help="do not OCR pages without a text layer"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=s.timeout_s,
        help=f"seconds one document may take before it is stopped (default {s.timeout_s:g})",
    )
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=s.memory_mb,
        help=f"memory limit of one document's worker process (default {s.memory_mb})",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="run document tasks on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster",
    )
