"""`vnplans fetch` and `vnplans serve`: ingest a folder or an HTTP(S) index once, or on a schedule.

    prefect server start --host 127.0.0.1 --port 4200        # once, in its own terminal/service
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    vnplans serve --cron "0 6 * * *" --source https://host/van-ban/ --out /srv/vnplans
    prefect deployment run 'scheduled-ingest/vnplans'          # a run now, besides the schedule

    vnplans fetch --source https://host/feed.json --out data/processed   # one run, no schedule

The schedule lives in the Prefect server, so `serve` refuses to start without
`PREFECT_API_URL`: the temporary server Prefect starts otherwise cannot
schedule (and vanishes with the process)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from pipeline.cli.options import add_limits, add_out, defaults
from pipeline.ingest.sources import FetchLimits, default_inbox
from pipeline.orchestrate.runner import ingest_source
from pipeline.orchestrate.schedule import DEFAULT_NAME, DEFAULT_TZ, FLOW_NAME, _counts, scheduled_flow

NEEDS_SERVER = """\
vnplans serve needs a Prefect server: the server keeps the schedule and starts
the runs. PREFECT_API_URL is not set, and the temporary server Prefect starts
without it cannot schedule.

Start a local server (SQLite database under $PREFECT_HOME, default ~/.prefect)
in another terminal or as a service:

    PREFECT_SERVER_ANALYTICS_ENABLED=false prefect server start --host 127.0.0.1 --port 4200

then point vnplans at it and serve again:

    export PREFECT_API_URL=http://127.0.0.1:4200/api
    vnplans serve --cron "0 6 * * *" --source DIR|URL

To use an existing server instead, set PREFECT_API_URL to its API address
(http(s)://HOST:PORT/api), or save it in a profile:
prefect config set PREFECT_API_URL=...
"""


def _api_url() -> str | None:
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def _unreachable(api_url: str) -> str | None:
    """Why the API cannot be reached, or None. HTTP errors (auth on Prefect Cloud) are Prefect's to report."""
    import urllib.error

    from pipeline.ingest.sources import _describe, _open, _opener

    limits = FetchLimits(connect_timeout_s=5, read_timeout_s=15)
    url = api_url.rstrip("/") + "/health"
    try:
        with _open(_opener(limits), url, limits):
            return None
    except urllib.error.HTTPError:
        return None
    except Exception as exc:
        return _describe(exc, url, limits).message


def _resolve(args) -> tuple[str, Path, Path]:
    """Absolute paths, so the deployment's parameters mean the same whatever the runner's folder."""
    source = args.source
    if "://" not in source:
        source = str(Path(source).expanduser().resolve())
    out = args.out.expanduser().resolve()
    inbox = (args.inbox or default_inbox(out)).expanduser().resolve()
    return source, out, inbox


def _fetch_limits(args) -> FetchLimits:
    return FetchLimits(connect_timeout_s=args.connect_timeout, read_timeout_s=args.read_timeout, max_mb=args.max_mb)


def _cmd_serve(args) -> int:
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.schedules import Cron
    from pydantic import ValidationError

    try:
        CronSchedule(cron=args.cron, timezone=args.timezone)
    except ValidationError as exc:
        msg = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        print(f"vnplans serve: {msg}", file=sys.stderr)
        return 2
    api = _api_url()
    if not api:
        print(NEEDS_SERVER, file=sys.stderr, end="")
        return 2
    why = _unreachable(api)
    if why:
        print(
            f"vnplans serve: cannot reach the Prefect API at {api}: {why}\n"
            "Start the server (prefect server start --host 127.0.0.1 --port 4200) or fix PREFECT_API_URL.",
            file=sys.stderr,
        )
        return 2
    source, out, inbox = _resolve(args)
    parameters = {
        "source": source,
        "out_dir": str(out),
        "inbox": str(inbox),
        "workers": args.workers,
        "ocr": not args.no_ocr,
        "dask": args.dask,
        "connect_timeout_s": args.connect_timeout,
        "read_timeout_s": args.read_timeout,
        "max_mb": args.max_mb,
        "timeout_s": args.timeout,
        "memory_mb": args.memory_mb,
    }
    # What Flow.serve does, with a runner that stops properly on SIGTERM.
    # One run at a time: two runs would race on the inbox manifest and fetch
    # the same files twice.
    runner = _runner_class()(name=args.name, pause_on_shutdown=True, limit=1)
    runner.add_flow(
        scheduled_flow(),
        name=args.name,
        schedules=[Cron(args.cron, timezone=args.timezone)],
        parameters=parameters,
        description=f"vnplans: ingest {source} into {out}",
        tags=["vnplans"],
    )
    print(
        f"serving {FLOW_NAME}/{args.name}: {source} → {out} at '{args.cron}' ({args.timezone}), API {api}\n"
        f"run it now with: prefect deployment run '{FLOW_NAME}/{args.name}'; stop with Ctrl-C or SIGTERM "
        "(pauses the schedule)",
        file=sys.stderr,
        flush=True,
    )
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        pass
    return 0


def _runner_class():
    from prefect.runner import Runner

    class GracefulRunner(Runner):
        def handle_sigterm(self, *args, **kwargs) -> None:
            # Prefect 3.8.8's own handler never awaits its stop coroutine and
            # exits without pausing the schedule, so a `systemctl stop` would
            # leave runs piling up for a runner that is gone. Ctrl-C's path
            # (asyncio cancels the runner, which pauses and closes) is sound:
            # take it.
            os.kill(os.getpid(), signal.SIGINT)

    return GracefulRunner


def _cmd_fetch(args) -> int:
    from rich.console import Console

    from pipeline.cli.run import print_summary
    from pipeline.orchestrate.isolate import Limits

    console = Console(stderr=True)
    source, out, inbox = _resolve(args)
    t0 = time.perf_counter()
    summary = ingest_source(
        source,
        out,
        inbox,
        fetch_limits=_fetch_limits(args),
        workers=args.workers,
        ocr=not args.no_ocr,
        force=args.force,
        use_prefect=not args.no_prefect,
        limits=Limits(timeout_s=args.timeout, memory_mb=args.memory_mb),
        dask=args.dask,
    )
    counts = _counts(summary)
    quiet = getattr(args, "quiet", False)
    if not quiet:
        console.print(
            f"fetched from {source}: {counts['downloaded']} new, {counts['unchanged downloads']} unchanged"
            + (f", inbox {inbox}" if "://" in source else "")
        )
    print_summary(console, summary, time.perf_counter() - t0, quiet)
    return 1 if summary.failed else 0


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--source",
        required=True,
        help="folder (local or mounted) or http(s) URL of an HTML page or JSON feed listing document links",
    )
    add_out(p)
    p.add_argument("--inbox", type=Path, default=None, help="where downloads are kept (default OUT/inbox)")
    add_limits(p)
    s = defaults()
    p.add_argument(
        "--connect-timeout",
        type=float,
        default=s.connect_timeout_s,
        help=f"seconds to wait for a connection (default {s.connect_timeout_s:g})",
    )
    p.add_argument(
        "--read-timeout",
        type=float,
        default=s.read_timeout_s,
        help=f"seconds a server may stay silent while sending (default {s.read_timeout_s:g})",
    )
    p.add_argument(
        "--max-mb",
        type=float,
        default=s.max_download_mb,
        help=f"largest file downloaded, in MB (default {s.max_download_mb:g})",
    )


def add_command(subparsers) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="ingest a folder or URL on a schedule (a Prefect deployment; needs PREFECT_API_URL)",
        description="Serve the Prefect deployment scheduled-ingest/NAME: every CRON tick, new files of the "
        "source are downloaded and processed. Runs until stopped (Ctrl-C / SIGTERM), which "
        "pauses the schedule.",
        epilog="Needs a Prefect server: prefect server start --host 127.0.0.1 --port 4200; "
        "export PREFECT_API_URL=http://127.0.0.1:4200/api. "
        "Trigger a run now: prefect deployment run 'scheduled-ingest/NAME'.",
    )
    serve.add_argument("--cron", required=True, help='cron schedule, e.g. "0 6 * * *" (06:00 every day)')
    serve.add_argument("--timezone", default=DEFAULT_TZ, help=f"time zone of the schedule (default {DEFAULT_TZ})")
    serve.add_argument("--name", default=DEFAULT_NAME, help=f"deployment name (default {DEFAULT_NAME})")
    _add_common(serve)
    serve.set_defaults(func=_cmd_serve)

    fetch = subparsers.add_parser("fetch", help="ingest a folder or URL once: download what is new, process it")
    _add_common(fetch)
    fetch.add_argument("--force", action="store_true", help="reprocess files even if unchanged")
    fetch.add_argument("--no-prefect", action="store_true", help="run without Prefect")
    fetch.set_defaults(func=_cmd_fetch)
