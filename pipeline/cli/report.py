"""`vnplans report`: the HTML report of a processed folder."""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.cli.options import add_out
from pipeline.reporting.report import build_report


def _cmd_report(args) -> int:
    folder = Path(args.out)
    if not folder.is_dir():
        print(
            f"error: no processed folder at {folder}; run `vnplans run data/raw --out {folder}` first", file=sys.stderr
        )
        return 2
    out = Path(args.output) if args.output else folder / "report.html"
    text = build_report(folder)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    print(out)
    return 0


def add_command(subparsers) -> None:
    r = subparsers.add_parser("report", help="write a self-contained HTML report of a processed folder")
    add_out(r)
    r.add_argument("-o", "--output", type=Path, default=None, help="HTML file (default OUT/report.html)")
    r.set_defaults(func=_cmd_report)
