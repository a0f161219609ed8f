"""`vnplans serve` end to end: a real Prefect server, a feed, a scheduled deployment, a triggered run.

Everything listens on 127.0.0.1 only. The Prefect server and `vnplans serve`
run in their own process groups with their own PREFECT_HOME (SQLite), and are
stopped in `finally`; the test then checks that no process it started is left.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zoneinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest

from tests.tables import doc_ids, doc_rows

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TXT = (ROOT / "data" / "raw" / "kontum-2021-ctrhd-06nqcp.txt").read_bytes()
ERROR_PAGE = b"<!DOCTYPE html><html><body><h1>Trang kh\xc3\xb4ng t\xe1\xbb\x93n t\xe1\xba\xa1i</h1></body></html>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(url: str, body: dict | None = None, timeout: float = 30):
    """GET (or POST `body`) a loopback Prefect API URL → (status, JSON or None)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except (urllib.error.URLError, OSError):
        return None, None


def tail(path: Path, n: int = 4000) -> str:
    try:
        return path.read_text(errors="replace")[-n:]
    except OSError:
        return ""


def stop_group(proc: subprocess.Popen | None, grace: float = 30) -> int | None:
    """SIGTERM the process group, SIGKILL whatever is left after `grace` seconds; the exit code."""
    if proc is None:
        return None
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers (a flow-run process, its workers)
    except ProcessLookupError:
        pass
    return proc.wait(10)


def processes_with_home(home: Path) -> list[str]:
    left = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            if p.environ().get("PREFECT_HOME") == str(home):
                left.append(f"{p.pid} {' '.join(p.info['cmdline'] or [])}")
        except (psutil.Error, OSError):
            continue
    return left


class Feed:
    """A JSON feed on 127.0.0.1: one good text plan and one link that returns an HTML error page."""

    routes = {
        "/feed.json": (b'{"items": [{"url": "docs/kontum-06.txt"}, {"url": "docs/qd-243.pdf"}]}', "application/json"),
        "/docs/kontum-06.txt": (TXT, "text/plain; charset=utf-8"),
        "/docs/qd-243.pdf": (ERROR_PAGE, "text/html; charset=utf-8"),
    }

    def __enter__(self):
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                body, ctype = routes.get(self.path, (b"not found", "text/plain"))
                self.send_response(200 if self.path in routes else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def wait_for(what: str, check, deadline_s: float, alive: list[tuple[str, subprocess.Popen, Path]], every: float = 1.0):
    """Poll `check()` until it returns something truthy; fail early if a process we need has exited."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        for name, proc, log in alive:
            if proc.poll() is not None:
                pytest.fail(f"{name} exited ({proc.returncode}) while waiting for {what}:\n{tail(log)}")
        time.sleep(every)
    logs = "\n".join(f"--- {name}:\n{tail(log)}" for name, _, log in alive)
    pytest.fail(f"no {what} after {deadline_s:.0f} s\n{logs}")


# ------------------------------------------------------------------ fast: refusing to serve


def run_cli(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "vnplans"), *args], env=env, capture_output=True, text=True, timeout=120)


def test_serve_without_a_server_explains_how_to_start_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "ph")}
    r = run_cli(["serve", "--cron", "0 6 * * *", "--source", str(tmp_path)], env)
    assert r.returncode == 2
    assert "prefect server start" in r.stderr and "PREFECT_API_URL=http://127.0.0.1:4200/api" in r.stderr

    port = free_port()  # nothing listens there
    r = run_cli(
        ["serve", "--cron", "0 6 * * *", "--source", str(tmp_path)],
        env | {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api"},
    )
    assert r.returncode == 2
    assert f"cannot reach the Prefect API at http://127.0.0.1:{port}/api" in r.stderr
    assert "connection refused" in r.stderr


def test_serve_refuses_a_bad_schedule(tmp_path, capsys):
    from pipeline.cli.app import main

    assert main(["serve", "--cron", "0 6 * *", "--source", str(tmp_path)]) == 2
    assert 'Invalid cron string: "0 6 * *"' in capsys.readouterr().err
    assert main(["serve", "--cron", "0 6 * * *", "--timezone", "Asia/Saigonn", "--source", str(tmp_path)]) == 2
    assert "Invalid timezone" in capsys.readouterr().err


def test_fetch_once_from_a_folder(tmp_path):
    src, out = tmp_path / "congbao", tmp_path / "out"
    src.mkdir()
    (src / "kontum-06.txt").write_bytes(TXT)
    env = dict(os.environ)
    r = run_cli(["fetch", "--source", str(src), "--out", str(out), "--no-prefect", "--no-ocr", "--workers", "1"], env)
    assert r.returncode == 0, r.stderr
    doc_id = hashlib.sha256(TXT).hexdigest()[:16]
    assert doc_ids(out) == {doc_id}
    assert not (out / "inbox").exists(), "a folder source is read in place"

    r = run_cli(["fetch", "--source", str(tmp_path / "not-mounted"), "--out", str(out), "--no-prefect"], env)
    assert r.returncode == 1
    said = " ".join(r.stderr.split())  # rich wraps lines at 80 columns
    assert "SourceMissing: the source" in said and "does not exist" in said


# ------------------------------------------------------------------ slow: the real thing


@pytest.mark.slow
def test_served_deployment_ingests_a_feed(tmp_path):
    home, out = tmp_path / "prefect-home", tmp_path / "out"
    home.mkdir()
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",  # pick the triggered run up quickly (default 10 s)
        # The scheduler queues the deployment's runs on its loop (default every 60 s):
        # on a loaded machine a full minute could pass before the test sees them.
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    doc_id = hashlib.sha256(TXT).hexdigest()[:16]
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    server = serve = None
    t0 = time.monotonic()
    timings = {}
    try:
        with Feed() as feed, open(server_log, "wb") as slog, open(serve_log, "wb") as vlog:
            server = subprocess.Popen(
                [
                    str(BIN / "prefect"),
                    "server",
                    "start",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--no-ui",
                    "--analytics-off",
                ],
                env=env,
                stdout=slog,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=tmp_path,
            )
            alive = [("prefect server", server, server_log)]
            wait_for("Prefect API health", lambda: api(f"{api_url}/health", timeout=5)[0] == 200, 150, alive, 0.5)
            timings["server up"] = time.monotonic() - t0

            feed_url = feed.base + "/feed.json"
            serve = subprocess.Popen(
                [
                    str(BIN / "vnplans"),
                    "serve",
                    "--cron",
                    "0 6 * * *",
                    "--source",
                    feed_url,
                    "--out",
                    str(out),
                    "--name",
                    "e2e",
                    "--workers",
                    "1",
                ],
                env=env,
                stdout=vlog,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=tmp_path,
            )
            alive.append(("vnplans serve", serve, serve_log))
            dep = wait_for(
                "deployment scheduled-ingest/e2e",
                lambda: api(f"{api_url}/deployments/name/scheduled-ingest/e2e")[1],
                120,
                alive,
            )
            timings["deployment"] = time.monotonic() - t0
            [sched] = dep["schedules"]
            assert sched["active"] and sched["schedule"]["cron"] == "0 6 * * *"
            assert sched["schedule"]["timezone"] == "Asia/Ho_Chi_Minh"
            assert dep["parameters"]["source"] == feed_url and dep["parameters"]["out_dir"] == str(out)

            # Trigger a run now, the way an operator would.
            trig = subprocess.run(
                [str(BIN / "prefect"), "deployment", "run", "scheduled-ingest/e2e"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                cwd=tmp_path,
            )
            assert trig.returncode == 0, trig.stdout + trig.stderr
            m = re.search(r"UUID:\s*([0-9a-f-]{36})", trig.stdout)
            assert m, trig.stdout
            run_url = f"{api_url}/flow_runs/{m.group(1)}"

            def run_state():
                state = (api(run_url)[1] or {}).get("state") or {}
                if state.get("type") in ("FAILED", "CRASHED", "CANCELLED"):
                    pytest.fail(f"flow run {state.get('type')}: {state.get('message')}\n{tail(serve_log)}")
                return state.get("type")

            wait_for("the document's tables", lambda: run_state() and doc_id in doc_ids(out), 180, alive)
            timings["document written"] = time.monotonic() - t0
            wait_for("a completed flow run", lambda: run_state() == "COMPLETED", 60, alive)
            timings["run completed"] = time.monotonic() - t0

            assert pq.read_table(out / "documents").column("doc_id").to_pylist() == [doc_id]
            assert doc_rows(out, "sections", doc_id)
            [log_file] = (out / "ingest_log").glob("*.parquet")
            rows = {r["source_path"]: r for r in pq.read_table(log_file).to_pylist()}
            assert rows[feed.base + "/docs/kontum-06.txt"]["status"] == "ok"
            assert (out / "inbox" / f"{doc_id}-kontum-06.txt").is_file()
            bad = rows[feed.base + "/docs/qd-243.pdf"]
            assert (bad["status"], bad["stage"], bad["error_type"]) == ("failed", "read", "HtmlPage")
            assert "link returned an HTML page, not a document" in bad["error_message"]

            # The documents ran as Prefect tasks of the subflow, inside the served run.
            # Each task run is named after its file, as the UI lists them.
            _, tasks = api(f"{api_url}/task_runs/filter", {})
            done = {t["name"] for t in tasks if t["state_type"] == "COMPLETED"}
            assert f"{doc_id}-kontum-06.txt" in done, sorted(t["name"] for t in tasks)

            # The run's summary is an INFO line of the served run, not a warning;
            # the bad link's failure is the warning.
            def run_logs():
                _, logs = api(f"{api_url}/logs/filter", {"logs": {"flow_run_id": {"any_": [m.group(1)]}}})
                said = [r for r in logs or [] if r["message"].startswith("run ") and "ingest_log in" in r["message"]]
                return said and logs  # log lines reach the server in batches, after the run may end

            logs = wait_for("the served run's summary in its logs", run_logs, 90, alive)
            summary = [r for r in logs if r["message"].startswith("run ") and "ingest_log in" in r["message"]]
            levels = [(r["level"], r["message"][:60]) for r in logs]
            assert [r["level"] for r in summary] == [logging.INFO], levels
            assert any(r["level"] == logging.WARNING and "HtmlPage" in r["message"] for r in logs), levels

            # The schedule is real: the server's scheduler has queued runs at 06:00 Vietnam time.
            def next_runs():
                _, runs = api(
                    f"{api_url}/flow_runs/filter",
                    {
                        "deployments": {"id": {"any_": [dep["id"]]}},
                        "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
                    },
                )
                return [r for r in runs or [] if r.get("auto_scheduled")]

            def next_runs_or_known_bug():
                if "Can't evaluate bulk DML statement" in tail(server_log, 200_000):
                    pytest.fail(
                        "the Prefect server's scheduler crashes inserting runs: Prefect 3.8.8 needs "
                        "SQLAlchemy < 2.1 (pin sqlalchemy>=2.0,<2.1)\n" + tail(server_log)
                    )
                return next_runs()

            runs = wait_for("runs created by the scheduler", next_runs_or_known_bug, 120, alive)
            vn = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
            starts = [
                _dt.datetime.fromisoformat(r["expected_start_time"].replace("Z", "+00:00")).astimezone(vn) for r in runs
            ]
            assert all((s.hour, s.minute) == (6, 0) for s in starts), starts
            timings["scheduled runs seen"] = time.monotonic() - t0

            # Stopping `serve` pauses the schedule, so no runs pile up for a runner that is gone.
            t_sigterm = time.monotonic()
            code = stop_group(serve)
            serve = None
            stopping = f"serve exited {code} after {time.monotonic() - t_sigterm:.1f} s\n{tail(serve_log)}"
            assert api(f"{api_url}/deployments/{dep['id']}")[1]["paused"] is True, stopping
    finally:
        t_stop = time.monotonic()
        stop_group(serve)  # first: on shutdown it pauses its schedule through the server
        stop_group(server)
        timings["stopped"] = time.monotonic() - t_stop
    print("timings (s):", {k: round(v, 1) for k, v in timings.items()})
    assert processes_with_home(home) == [], "processes left behind"


@pytest.mark.slow
def test_prefect_yaml_deploys_to_a_work_pool_and_a_worker_runs_it(tmp_path):
    """The documented work-pool path: `prefect deploy` from prefect.yaml, a process worker runs it."""
    home, out, src = tmp_path / "prefect-home", tmp_path / "out", tmp_path / "src"
    home.mkdir()
    src.mkdir()
    (src / "kontum-06.txt").write_bytes(TXT)
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "VNPLANS_"))} | {
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        # What prefect.yaml reads when it is deployed.
        "VNPLANS_PROJECT": str(ROOT),
        "VNPLANS_SOURCE": str(src),
        "VNPLANS_OUT": str(out),
    }
    doc_id = hashlib.sha256(TXT).hexdigest()[:16]
    server_log = tmp_path / "server.log"

    def prefect(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [str(BIN / "prefect"), *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT
        )
        assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done

    server = None
    try:
        with open(server_log, "wb") as slog:
            server = subprocess.Popen(
                [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
                env=env,
                stdout=slog,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=tmp_path,
            )
            alive = [("prefect server", server, server_log)]
            wait_for("Prefect API health", lambda: api(f"{api_url}/health", timeout=5)[0] == 200, 150, alive, 0.5)

            prefect("work-pool", "create", "vnplans", "--type", "process")
            prefect("--no-prompt", "deploy", "--name", "vnplans")
            _, dep = api(f"{api_url}/deployments/name/scheduled-ingest/vnplans")
            assert dep["work_pool_name"] == "vnplans"
            assert dep["parameters"] == {"source": str(src), "out_dir": str(out)}
            [sched] = dep["schedules"]
            assert (sched["schedule"]["cron"], sched["schedule"]["timezone"]) == ("0 6 * * *", "Asia/Ho_Chi_Minh")

            m = re.search(r"UUID:\s*([0-9a-f-]{36})", prefect("deployment", "run", "scheduled-ingest/vnplans").stdout)
            assert m
            # One worker, one run: it picks the run up, runs it to the end and stops.
            worker = prefect("worker", "start", "--pool", "vnplans", "--run-once", timeout=300)
            _, run = api(f"{api_url}/flow_runs/{m.group(1)}")
            assert run["state"]["type"] == "COMPLETED", worker.stdout[-3000:] + worker.stderr[-3000:]
            assert doc_ids(out) == {doc_id}
            [log_file] = (out / "ingest_log").glob("*.parquet")
            [row] = pq.read_table(log_file).to_pylist()
            assert (row["source_path"], row["status"]) == (str(src / "kontum-06.txt"), "ok")
    finally:
        stop_group(server)
    assert processes_with_home(home) == [], "processes left behind"
