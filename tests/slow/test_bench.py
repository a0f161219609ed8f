"""Smoke test of `vnplans bench --quick`: every suite runs and the report
is written. The figures of so small a run mean nothing and are not checked.

About 40 s on an idle 2-core machine (one OCR page in four ways, a Prefect
flow of two documents); the real benchmark is `make bench`, not part of the
test suite.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.samples import ROOT


@pytest.mark.slow
def test_quick_bench_writes_report(tmp_path):
    results = tmp_path / "RESULTS.md"
    readme_before = (ROOT / "README.md").read_bytes()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "bench",
            "--quick",
            "--work",
            str(tmp_path / "work"),
            "--results",
            str(results),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = results.read_text(encoding="utf-8")
    for heading in (
        "## Machine",
        "## Goals",
        "## 1. Text layer",
        "## 2. OCR",
        "## 2b. OCR quality",
        "## 3. Extraction",
        "## 4. End to end and scale",
        "## 5. Orchestration overhead",
    ):
        assert heading in report
    assert "| words lowered |" in report
    assert not re.search(r"\bnan\b", report)  # a figure that was never measured
    # a smoke run never touches the real report or the README's figures
    assert (ROOT / "README.md").read_bytes() == readme_before


def test_memory_sampler_sees_children():
    from pipeline.evaluate.bench.batch import TreeSampler

    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys, time; "
            "c = subprocess.Popen([sys.executable, '-c', 'x = bytearray(60_000_000); import time; time.sleep(1.5)']); "
            "c.wait()",
        ]
    )
    sampler = TreeSampler(proc.pid)
    sampler.start()
    proc.wait()
    sampler.stop()
    summary = sampler.summary()
    assert summary["processes"]["parent"] == 1
    assert summary["processes"]["other"] == 1
    assert summary["hwm_mb"]["other"] > 55  # the child's 60 MB buffer
    assert summary["peak_total_mb"] >= summary["hwm_mb"]["other"]


def test_corpus_copies_are_distinct(tmp_path):
    from pipeline.evaluate.bench.batch import make_corpus
    from pipeline.evaluate.bench.suites import samples

    corpus = make_corpus(samples()["text"], 5, tmp_path / "c")
    blobs = [p.read_bytes() for p in sorted(corpus.iterdir())]
    assert len(blobs) == 5 and len(set(blobs)) == 5


def test_ocr_quality_goals_take_the_worst_scan_of_each_kind():
    from pipeline.evaluate.bench.report import _ocr_quality_goals

    def row(name, real, ocr_cer, text_cer, tone_before=0.01, tone_after=0.001):
        return {
            "file": name,
            "real": real,
            "before": {"cer": 2 * ocr_cer, "tone_only": tone_before},
            "after": {"cer": ocr_cer, "tone_only": tone_after},
            "text": {"cer": text_cer},
        }

    q = {
        "rows": [
            row("a.scan.pdf", False, 0.006, 0.004),
            row("b.scan.pdf", False, 0.007, 0.0049),
            row("a.scan-poor.pdf", False, 0.016, 0.013),  # one poor scan over 1.2 %
            row("r.pdf", True, 0.009, 0.008, tone_before=0.04, tone_after=0.01),
            row("s.pdf", True, 0.02, 0.015, tone_before=0.05, tone_after=0.03),  # tones not halved
        ]
    }
    goals = {name: (measured, met) for name, _, measured, _, met in _ocr_quality_goals(q)}
    assert goals == {
        "CER, synthetic scans": ("0.49% (0.70%)", True),
        "CER, synthetic poor scans": ("1.30% (1.60%)", False),
        "CER, real scans": ("1.50% (2.00%)", False),
        "tone-only errors, real scans": ("0.60 ×", False),
    }
    assert _ocr_quality_goals(None) == []


@pytest.mark.slow
def test_the_prefect_server_the_bench_starts_answers_and_is_gone_after(tmp_path):
    import urllib.request

    import psutil

    from pipeline.evaluate.bench.batch import prefect_server

    with prefect_server(tmp_path / "home") as api:
        with urllib.request.urlopen(f"{api}/health", timeout=5) as answer:
            assert answer.status == 200
        servers = [
            p
            for p in psutil.process_iter(["cmdline"])
            if "server" in (p.info["cmdline"] or [])
            and api.split(":")[2].split("/")[0] in " ".join(p.info["cmdline"] or [])
        ]
        assert servers
    for p in servers:
        assert not p.is_running() or p.status() == psutil.STATUS_ZOMBIE
