"""`vnplans`: the command line. Each command lives in its own module of this package.

vnplans run data/raw --out data/processed
vnplans run plan.pdf other.docx --out /tmp/out --workers 2
vnplans query "select * from citations"
vnplans ocr-check data/raw --truth tests/fixtures
"""

from __future__ import annotations

import argparse
import faulthandler
import importlib
import io
import os
import signal
import sys
import threading

from pipeline.cli.options import defaults
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
    _add_verbosity(ap, 0)
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_command(sub)
    comp = sub.add_parser(
        "completion",
        help="print the shell completion script",
        description="Print a completion script for your shell, e.g. "
        "`vnplans completion bash > ~/.local/share/bash-completion/completions/vnplans` "
        "or `vnplans completion zsh > ~/.zfunc/_vnplans`.",
    )
    comp.add_argument("shell", choices=["bash", "zsh"])
    comp.set_defaults(func=lambda args: _print_completion(ap, args.shell))
    # `-v`/`-q` after the command too (`vnplans run -q …`), as users type them.
    for command in sub.choices.values():
        _add_verbosity(command, argparse.SUPPRESS)
    return ap


def _add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-v", "--verbose", action="count", default=default, help="say more (-vv: Prefect's INFO logs as well)"
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", default=default, help="print only errors: no progress bar, no summary"
    )


def _print_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    print(shtab.complete(parser, shell=shell))
    return 0


def verbosity(argv: list[str]) -> int:
    """-1 quiet, 0 normal, 1+ verbose, read before parsing (Prefect's log level is set before it loads)."""
    level = 0
    for a in argv:
        if a in ("-q", "--quiet"):
            return -1
        if a == "--verbose":
            level += 1
        elif a.startswith("-") and not a.startswith("--") and set(a[1:]) == {"v"}:
            level += len(a) - 1
    return level


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnplans")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    # `kill -USR1 <pid>` prints where every thread of a run that seems stuck is,
    # to stderr, and the run goes on: what an operator needs before killing it.
    if hasattr(signal, "SIGUSR1"):
        try:
            faulthandler.register(signal.SIGUSR1, all_threads=True)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass  # stderr is no file (called from Python with output captured): nothing to print to
    if threading.current_thread() is threading.main_thread():
        # A shell starts a background job (`vnplans run … &`, a script, some CI
        # runners) with SIGINT ignored, and Python keeps that: Ctrl-C, `kill -INT`
        # and `serve`'s own SIGTERM path (which goes through SIGINT) would do nothing.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        # Before the commands are imported: Prefect reads its log level once.
        argv = sys.argv[1:] if argv is None else argv
        words = [a for a in argv if not a.startswith("-")]
        level = verbosity(argv)
        if level != 0:
            os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR" if level < 0 else "INFO" if level > 1 else "WARNING")
        defaults().apply_environment(served=words[:1] == ["serve"])
        args = build_parser().parse_args(argv)
        return args.func(args)
    except RunError as exc:
        # A run that cannot start or go on: one line, the class's exit code (docs/operating.md).
        print(f"vnplans: error: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)


if __name__ == "__main__":
    sys.exit(main())
