"""The conventions users know from other tools: -q/-v, shell completion."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples import RAW

VNPLANS = [sys.executable, "-m", "vnplans"]


def vnplans(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*VNPLANS, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def inbox(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(RAW / "kontum-2021-ctrhd-06nqcp.txt", tmp_path / "in" / "plan.txt")
    return tmp_path


def test_quiet_prints_nothing_but_errors(inbox):
    done = vnplans("run", "in", "--out", "out", "--no-prefect", "-q", cwd=inbox)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    (inbox / "in" / "empty.txt").write_bytes(b"")
    done = vnplans("-q", "run", "in", "--out", "out", "--no-prefect", cwd=inbox)
    assert done.returncode == 1
    assert [line.split()[:2] for line in done.stderr.splitlines() if line.startswith("✗")] == [
        ["✗", str(inbox / "in" / "empty.txt")]
    ]
    assert "processed" not in done.stderr  # no summary table


def test_a_failure_is_one_line_however_long_its_path(tmp_path):
    """Operators grep the `✗` lines: a long path must not wrap the line (it did at 80 columns)."""
    deep = tmp_path / ("a_folder_with_a_long_name_" * 4) / "in"
    deep.mkdir(parents=True)
    (deep / "empty.txt").write_bytes(b"")
    done = vnplans("-q", "run", str(deep), "--out", "out", "--no-prefect", cwd=tmp_path)
    assert [line.split()[:2] for line in done.stderr.splitlines() if line.startswith("✗")] == [
        ["✗", str(deep / "empty.txt")]
    ]


def test_verbose_names_every_file_and_quiet_excludes_it(inbox):
    (inbox / "in" / "empty.txt").write_bytes(b"")
    done = vnplans("run", "-v", "in", "--out", "out", "--no-prefect", cwd=inbox)
    lines = done.stderr.splitlines()
    assert f"ok {inbox / 'in' / 'plan.txt'}" in lines
    assert f"failed {inbox / 'in' / 'empty.txt'}" in lines
    both = vnplans("run", "-v", "-q", "in", cwd=inbox)
    assert both.returncode == 2 and "not allowed with" in both.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_script_knows_the_commands_and_options(tmp_path, shell):
    done = vnplans("completion", shell, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for word in ("run", "query", "report", "fetch", "--out", "--no-prefect"):
        assert word in done.stdout, word


def test_bash_completion_completes(tmp_path):
    script = tmp_path / "vnplans.bash"
    script.write_text(vnplans("completion", "bash", cwd=tmp_path).stdout)
    # Ask bash itself what `vnplans ru<TAB>` and `vnplans run --no-p<TAB>` complete to.
    probe = f"""
source {script}
fn=$(complete -p vnplans | sed -E 's/.*-F ([^ ]+).*/\\1/')
complete_at() {{ COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=(); $fn; echo "${{COMPREPLY[*]}}"; }}
complete_at vnplans ru
complete_at vnplans run --no-p
"""
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()[-2:]
    assert first.split() == ["run"]
    assert "--no-prefect" in second.split()
