"""One output folder and one set of defaults for every command: options, then
VNPLANS_* variables, then the config file, then the built-in defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.app import build_parser, main
from tests.samples import RAW

COMMANDS = {
    "run": ["run", "in"],
    "fetch": ["fetch", "--source", "in"],
    "query": ["query", "select 1"],
    "tables": ["tables"],
    "report": ["report"],
}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    for var in ("VNPLANS_OUT", "VNPLANS_PROCESSED", "VNPLANS_CONFIG", "VNPLANS_TIMEOUT_S"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def parsed(argv: list[str]):
    return build_parser().parse_args(argv)


def test_every_command_takes_the_same_output_option(workdir):
    for argv in COMMANDS.values():
        assert parsed(argv).out == Path("data/processed")
        assert parsed([*argv, "--out", "x"]).out == Path("x")
        # `--data`, the first name of query/tables/report, still works everywhere.
        assert parsed([*argv, "--data", "y"]).out == Path("y")


def test_config_file_then_environment_then_option(workdir, monkeypatch):
    (workdir / "vnplans.toml").write_text('out = "from-file"\ntimeout_s = 77\nmemory_mb = 1234\n')
    for name, argv in COMMANDS.items():
        assert parsed(argv).out == Path("from-file"), name
    run = parsed(COMMANDS["run"])
    assert (run.timeout, run.memory_mb) == (77, 1234)
    monkeypatch.setenv("VNPLANS_OUT", "from-env")
    monkeypatch.setenv("VNPLANS_TIMEOUT_S", "66")
    run = parsed(COMMANDS["run"])
    assert (run.out, run.timeout, run.memory_mb) == (Path("from-env"), 66, 1234)
    assert parsed([*COMMANDS["run"], "--out", "opt", "--timeout", "5"]).out == Path("opt")
    # VNPLANS_CONFIG names a file anywhere; it replaces the working folder's.
    other = workdir / "elsewhere.toml"
    other.write_text("memory_mb = 999\n")
    monkeypatch.setenv("VNPLANS_CONFIG", str(other))
    assert parsed(COMMANDS["run"]).memory_mb == 999


def test_a_run_and_a_query_meet_in_the_configured_folder(workdir, capsys):
    (workdir / "in").mkdir()
    (workdir / "in" / "plan.txt").write_bytes((RAW / "kontum-2021-ctrhd-06nqcp.txt").read_bytes())
    (workdir / "vnplans.toml").write_text('out = "shared/tables"\n')
    assert main(["run", "in", "--no-prefect", "--no-ocr", "--workers", "1"]) == 0
    assert (workdir / "shared" / "tables" / "documents").is_dir()
    capsys.readouterr()
    assert main(["query", "select count(*) as n from documents", "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"]


@pytest.mark.parametrize(
    ("setup", "said"),
    [
        ({"VNPLANS_CONFIG": "missing.toml"}, "VNPLANS_CONFIG=missing.toml: no such config file"),
        ({"VNPLANS_TIMEOUT_S": "soon"}, "timeout_s"),
        ({"file": "out = [1, 2"}, "bad settings"),
    ],
)
def test_bad_settings_are_a_usage_error(workdir, monkeypatch, capsys, setup, said):
    for key, value in setup.items():
        if key == "file":
            (workdir / "vnplans.toml").write_text(value)
        else:
            monkeypatch.setenv(key, value)
    assert main(["query", "select 1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnplans: error: bad settings") and said in err and "Traceback" not in err
