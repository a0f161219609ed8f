"""`vnplans`: the command line. Each command lives in its own module of this package.

vnplans run data/raw --out data/processed
vnplans run plan.pdf other.docx --out /tmp/out --workers 2
vnplans query "select * from citations"
vnplans ocr-check data/raw --truth tests/fixtures
"""

from __future__ import annotations

import argparse
import importlib
import sys

from pipeline.config import Settings
from pipeline.errors import RunError

#: Modules that add their own sub-commands: each defines `add_command(subparsers)`
#: and imports the heavy machinery only inside its command functions.
COMMAND_MODULES: list[str] = [
    "pipeline.cli.run",
    "pipeline.cli.query",
    "pipeline.cli.report",
    "pipeline.cli.fetch_serve",
    "pipeline.cli.dev",
]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vnplans", description="Vietnamese plan documents → Parquet tables.")
    ap.add_argument("--version", action="version", version=f"vnplans {_version()}")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_command(sub)
    return ap


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnplans")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    # Before the commands are imported: Prefect reads its log level once.
    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    Settings().apply_environment(served=words[:1] == ["serve"])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except RunError as exc:
        # A run that cannot start or go on: one line, the class's exit code (docs/operating.md).
        print(f"vnplans: error: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)


if __name__ == "__main__":
    sys.exit(main())
